package io.github.togglapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.UnknownServiceException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import io.github.togglapi.client.api.AuthenticationApi;
import io.github.togglapi.client.model.ModelsSSOConfig;
import io.github.togglapi.client.model.SsoConfigResult;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What got in a new user's way in their first hour: messages, defaults and Java conveniences. */
class FirstHourTest {
  private static final String TOKEN = "tok-first-hour-0123456789";
  private static final String PEM = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\nAAAA\n-----END CERTIFICATE-----";

  private final MockWebServer server = new MockWebServer();
  private ApiClient client;
  private AuthenticationApi api;

  @BeforeEach
  void start() throws IOException {
    server.start();
    client = new ApiClient().setBasePath(server.url("/api/v9").toString()).setInitialRetryDelay(1);
    api = new AuthenticationApi(client);
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @Test
  void a401ToACallThatCarriedNothingSaysWhatToSet() {
    client.setApiToken(System.getenv("TOGGL_API_TOKEN_THAT_IS_NOT_SET"));
    server.enqueue(new MockResponse().setResponseCode(401).setBody("\"Unauthorized\""));
    AuthenticationException e = assertThrows(AuthenticationException.class, () -> api.getWorkspaceSso(1L));
    assertTrue(e.getMessage().contains("failed with HTTP 401: Unauthorized (the call carried no credentials and no"
        + " session cookie: set an API token with ApiClient.setApiToken"), e.getMessage());

    client.setApiToken(TOKEN);
    server.enqueue(new MockResponse().setResponseCode(401).setBody("\"Unauthorized\""));
    e = assertThrows(AuthenticationException.class, () -> api.getWorkspaceSso(1L));
    assertTrue(e.getMessage().endsWith("failed with HTTP 401: Unauthorized"), "credentials were sent: " + e.getMessage());
  }

  @Test
  void htmlWithStatus200SaysSoLikeA502Does() {
    String page = "<html><body><h1>Welcome to the hotel Wi-Fi</h1></body></html>";
    server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody(page));
    ApiException e = assertThrows(ApiException.class, () -> api.getWorkspaceSso(1L));
    assertEquals("GET /workspaces/{workspace_id}/sso (getWorkspaceSso) answered HTTP 200 with an HTML body where"
        + " JSON was expected (" + page.length() + " characters)", e.getMessage());
    assertEquals(page, e.getResponseBody());
    client.setMaxRetries(0); // a GET's 502 would be retried
    server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html").setBody(page));
    ApiException bad = assertThrows(ServerException.class, () -> api.getWorkspaceSso(2L));
    assertTrue(bad.getMessage().endsWith("(HTML body, " + page.length() + " characters)"), bad.getMessage());
  }

  @Test
  void anUntrustedCertificateFailsAtOnceWithoutRetries() throws Exception {
    MockWebServer https = new MockWebServer();
    Tls.serveHttps(https);
    https.start();
    try (LogCapture log = LogCapture.debugLog()) {
      // The default client trusts the system's authorities, not the test's throwaway one.
      ApiClient untrusting = new ApiClient().setBasePath(https.url("/api/v9").toString()).setDebugging(true);
      long start = System.nanoTime();
      NetworkException e = assertThrows(NetworkException.class, () -> new AuthenticationApi(untrusting).getWorkspaceSso(1L));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(e.getCause() instanceof SSLHandshakeException, String.valueOf(e.getCause()));
      assertEquals(0, log.messages().stream().filter(line -> line.contains("; retry ")).count(), log.all());
      assertTrue(millis < 1_000, "took " + millis + " ms"); // three retries waited 1 + 2 + 4 s before
    } finally {
      https.shutdown();
    }
    assertTrue(RetryPolicy.isPermanent(new SSLPeerUnverifiedException("Hostname x not verified")));
    assertTrue(RetryPolicy.isPermanent(new UnknownServiceException("CLEARTEXT communication not permitted")));
    assertTrue(RetryPolicy.isPermanent(new IOException(new CertificateException("expired"))));
    assertFalse(RetryPolicy.isPermanent(new SSLHandshakeException("Remote host terminated the handshake")));
    assertFalse(RetryPolicy.isPermanent(new java.net.ConnectException("Connection refused")));
  }

  @Test
  void aCertificateShowsAsItsLengthAndDebugRecordsAreOneLineUnderTheLoggersName() throws Exception {
    ModelsSSOConfig config = new ModelsSSOConfig().domain("example.com").certificate(PEM);
    assertTrue(config.toString().contains("certificate=(" + PEM.length() + " characters)"), config.toString());
    assertFalse(config.toString().contains("BEGIN") || config.toString().contains("\n"), config.toString());

    List<LogRecord> records = Collections.synchronizedList(new ArrayList<LogRecord>());
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    DebugLogger.LOG.addHandler(handler);
    try {
      client.setDebugging(true).setApiToken(TOKEN);
      server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
          .setBody("{\n  \"config\": {\n    \"domain\": \"example.com\"\n  }\n}"));
      api.getWorkspaceSso(1L);
    } finally {
      DebugLogger.LOG.removeHandler(handler);
    }
    assertEquals(2, records.size());
    assertEquals("request", records.get(0).getSourceMethodName());
    assertEquals("response", records.get(1).getSourceMethodName());
    for (LogRecord record : records) {
      assertEquals("io.github.togglapi.client.http", record.getLoggerName());
      assertEquals("io.github.togglapi.client.http", record.getSourceClassName());
      assertFalse(record.getMessage().contains("\n") || record.getMessage().contains("\r"), record.getMessage());
    }
  }

  @Test
  void progressIsReportedForLargeBodiesBothWays() throws Exception {
    char[] big = new char[200_000];
    java.util.Arrays.fill(big, 'A');
    String certificate = new String(big);
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
        .setBody("{\"certificate\":\"" + certificate + "\",\"domain\":\"example.com\"}"));
    List<long[]> uploads = Collections.synchronizedList(new ArrayList<long[]>());
    List<long[]> downloads = Collections.synchronizedList(new ArrayList<long[]>());
    ProgressRecorder recorder = new ProgressRecorder(uploads, downloads);
    api.postWorkspaceSsoAsync(1L, new ModelsSSOConfig().certificate(certificate), recorder);
    ModelsSSOConfig saved = recorder.future.get(10, TimeUnit.SECONDS);
    assertEquals(200_000, saved.getCertificate().length());

    long sent = server.takeRequest().getBodySize();
    assertTrue(uploads.size() >= 5, "reports: " + uploads.size());
    assertProgress(uploads, sent);
    assertTrue(downloads.size() >= 5, "reports: " + downloads.size());
    assertProgress(downloads, saved.getCertificate().length() + "{\"certificate\":\"\",\"domain\":\"example.com\"}".length());
  }

  private static void assertProgress(List<long[]> reports, long total) {
    for (int i = 1; i < reports.size(); i++) {
      assertTrue(reports.get(i)[0] >= reports.get(i - 1)[0], "never backwards");
    }
    long[] last = reports.get(reports.size() - 1);
    assertEquals(total, last[0]);
    assertEquals(total, last[1], "the length was known");
    assertEquals(1, last[2], "the last one says done");
    assertEquals(1, reports.stream().filter(r -> r[2] == 1).count(), "done once");
  }

  @Test
  void callbacksFromLambdasAndFuturesInOneLine() throws Exception {
    client.setApiToken(TOKEN);
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("\"new-token\""));
    AtomicReference<String> token = new AtomicReference<>();
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    api.postResetTokenAsync(ApiCallback.of(t -> {
      token.set(t);
      done.countDown();
    }, e -> done.countDown()));
    assertTrue(done.await(5, TimeUnit.SECONDS));
    assertEquals("new-token", token.get());

    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"config\":null}"));
    CompletableFuture<SsoConfigResult> sso = ApiCallback.future(cb -> api.getWorkspaceSsoAsync(42L, cb));
    assertNull(sso.get(5, TimeUnit.SECONDS).getConfig());

    server.enqueue(new MockResponse().setResponseCode(404).setBody("\"no such workspace\""));
    CompletableFuture<SsoConfigResult> missing = ApiCallback.future(cb -> api.getWorkspaceSsoAsync(43L, cb));
    ExecutionException failed = assertThrows(ExecutionException.class, () -> missing.get(5, TimeUnit.SECONDS));
    assertTrue(failed.getCause() instanceof NotFoundException, String.valueOf(failed.getCause()));

    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    AtomicReference<okhttp3.Call> call = new AtomicReference<>();
    CompletableFuture<SsoConfigResult> slow = ApiCallback.future(cb -> {
      call.set(api.getWorkspaceSsoAsync(44L, cb));
      return call.get();
    });
    server.takeRequest(5, TimeUnit.SECONDS);
    assertTrue(slow.cancel(true));
    assertTrue(call.get().isCanceled(), "cancelling the future cancels the call");
    assertThrows(NullPointerException.class, () -> ApiCallback.of(null, e -> { }));
  }

  @Test
  void aCancelSaysSoAndDurationsAreAccepted() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    ApiClientTest.Recorder<String> recorder = new ApiClientTest.Recorder<>();
    okhttp3.Call call = api.postResetTokenAsync(recorder);
    server.takeRequest(5, TimeUnit.SECONDS);
    call.cancel();
    recorder.awaitIdle(client);
    NetworkException cancelled = (NetworkException) recorder.error.get();
    assertTrue(cancelled.isCancelled());
    assertFalse(cancelled.isTimeout());

    client.setReadTimeout(Duration.ofMillis(200));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    NetworkException timedOut = assertThrows(NetworkException.class, () -> api.postResetToken());
    assertTrue(timedOut.isTimeout());
    assertFalse(timedOut.isCancelled());

    client.setConnectTimeout(Duration.ofSeconds(3)).setWriteTimeout(Duration.ofSeconds(4))
        .setCallTimeout(Duration.ofSeconds(5)).setInitialRetryDelay(Duration.ofMillis(250))
        .setMaxRetryWait(Duration.ofSeconds(9));
    assertEquals(3_000, client.getConnectTimeout());
    assertEquals(200, client.getReadTimeout());
    assertEquals(4_000, client.getWriteTimeout());
    assertEquals(5_000, client.getCallTimeout());
    assertEquals(250, client.getInitialRetryDelay());
    assertEquals(9_000, client.getMaxRetryWait());
    assertThrows(IllegalArgumentException.class, () -> client.setReadTimeout(Duration.ofMillis(-1)));
    assertThrows(IllegalArgumentException.class, () -> client.setReadTimeout(Duration.ofDays(30)));
    assertThrows(NullPointerException.class, () -> client.setReadTimeout((Duration) null));
  }

  @Test
  void clientAndApiDescribeThemselvesWithoutSecrets() throws Exception {
    client.setUsername("ada@example.com").setPassword("hunter2-secret");
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"id\":1}")
        .addHeader("Set-Cookie", "timer-session=cookie-value-77; Path=/"));
    api.meSessionsPost(null);
    String text = client.toString() + " " + api;
    assertTrue(text.startsWith("ApiClient{basePath=" + client.getBasePath() + ", credentials=email and password,"
        + " sessionCookies=1"), text);
    assertTrue(text.contains("AuthenticationApi{ApiClient{"), text);
    assertTrue(text.contains("retries={max=3"), text);
    for (String secret : new String[] {"ada@", "hunter2", "cookie-value-77"}) {
      assertFalse(text.contains(secret), text);
    }
    assertTrue(new ApiClient().setApiToken(TOKEN).toString().contains("credentials=API token"));
    assertFalse(new ApiClient().setApiToken(TOKEN).toString().contains(TOKEN));
  }

  /** Collects progress reports as {bytes, length, done} and the outcome as a future. */
  private static final class ProgressRecorder implements ApiCallback<ModelsSSOConfig> {
    final CompletableFuture<ModelsSSOConfig> future = new CompletableFuture<>();
    private final List<long[]> uploads;
    private final List<long[]> downloads;

    ProgressRecorder(List<long[]> uploads, List<long[]> downloads) {
      this.uploads = uploads;
      this.downloads = downloads;
    }

    @Override
    public void onFailure(ApiException e, int statusCode, Map<String, List<String>> responseHeaders) {
      future.completeExceptionally(e);
    }

    @Override
    public void onSuccess(ModelsSSOConfig result, int statusCode, Map<String, List<String>> responseHeaders) {
      future.complete(result);
    }

    @Override
    public void onUploadProgress(long bytesWritten, long contentLength, boolean done) {
      uploads.add(new long[] {bytesWritten, contentLength, done ? 1 : 0});
    }

    @Override
    public void onDownloadProgress(long bytesRead, long contentLength, boolean done) {
      downloads.add(new long[] {bytesRead, contentLength, done ? 1 : 0});
    }
  }
}
