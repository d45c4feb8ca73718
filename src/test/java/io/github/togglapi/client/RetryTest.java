package io.github.togglapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.togglapi.client.api.AuthenticationApi;
import io.github.togglapi.client.model.SsoState;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries: what is retried, how long the client waits, and when it stops. */
class RetryTest {
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
  void defaults() {
    ApiClient fresh = new ApiClient();
    assertEquals(3, fresh.getMaxRetries());
    assertEquals(1_000, fresh.getInitialRetryDelay());
    assertEquals(30_000, fresh.getMaxRetryWait());
    assertThrows(IllegalArgumentException.class, () -> fresh.setMaxRetries(-1));
  }

  @Test
  void tooManyRequestsIsRetriedForAnyMethodEvenPost() throws Exception {
    server.enqueue(json429(null));
    server.enqueue(json429(null));
    server.enqueue(new MockResponse().setBody("\"new-token\"").setHeader("Content-Type", "application/json"));
    assertEquals("new-token", api.postResetToken());
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void tooManyRequestsAfterTheLastRetryIsARateLimitException() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(json429(null));
    }
    assertThrows(RateLimitException.class, () -> api.postResetToken());
    assertEquals(4, server.getRequestCount(), "the first try and 3 retries");
  }

  @Test
  void zeroRetriesSwitchesEveryRetryOffIncluding429() {
    client.setMaxRetries(0);
    server.enqueue(json429(null));
    assertThrows(RateLimitException.class, () -> api.postResetToken());
    server.enqueue(new MockResponse().setResponseCode(503));
    assertThrows(ServerException.class, () -> api.getWorkspaceSso(1L));
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void retryAfterInSecondsIsHonoured() throws Exception {
    server.enqueue(json429("1"));
    server.enqueue(new MockResponse().setBody("\"ok\"").setHeader("Content-Type", "application/json"));
    long start = System.nanoTime();
    api.postResetToken();
    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(waited >= 950, "waited " + waited + " ms for Retry-After: 1");
  }

  @Test
  void retryAfterAsAnHttpDateIsHonoured() throws Exception {
    Instant now = Instant.parse("2026-11-29T10:00:00Z");
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(90).atOffset(ZoneOffset.UTC));
    assertEquals(Duration.ofSeconds(90), RetryPolicy.parseRetryAfter(date, now));
    assertEquals(Duration.ZERO, RetryPolicy.parseRetryAfter(date, now.plusSeconds(600)), "a date in the past");
    assertEquals(Duration.ofMinutes(2), RetryPolicy.parseRetryAfter(" 120 ", now));
    assertNull(RetryPolicy.parseRetryAfter("soon", now));
    assertNull(RetryPolicy.parseRetryAfter("-5", now));
    assertNull(RetryPolicy.parseRetryAfter(null, now));
  }

  @Test
  void aWaitLongerThanAllowedIsNotWaitedButReported() {
    server.enqueue(json429("7200")); // two hours: a server or a man in the middle parking us
    long start = System.nanoTime();
    RateLimitException e = assertThrows(RateLimitException.class, () -> api.postResetToken());
    assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 5_000);
    assertEquals(Duration.ofHours(2), e.getRetryAfter());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void badGatewayAndFriendsAreRetriedOnlyForIdempotentMethods() throws Exception {
    for (int status : new int[] {502, 503, 504}) {
      server.enqueue(new MockResponse().setResponseCode(status));
      server.enqueue(json("{\"config\":null}"));
      api.getWorkspaceSso(1L); // GET: retried
      server.enqueue(new MockResponse().setResponseCode(status));
      server.enqueue(json("\"removed\""));
      assertEquals("removed", api.deleteWorkspaceSso(1L)); // DELETE: retried
      server.enqueue(new MockResponse().setResponseCode(status));
      assertThrows(ServerException.class, () -> api.postResetToken()); // POST: never
      server.enqueue(new MockResponse().setResponseCode(status));
      assertThrows(ServerException.class, () -> api.patchWorkspaceSso(1L, new SsoState().enabled(true))); // PATCH
    }
    assertEquals(18, server.getRequestCount());
    server.enqueue(new MockResponse().setResponseCode(500));
    assertThrows(ServerException.class, () -> api.getWorkspaceSso(1L));
    assertEquals(19, server.getRequestCount(), "500 is not retried: it is a bug, not a passing state");
  }

  @Test
  void quotaExhaustedIsNeverRetried() {
    server.enqueue(new MockResponse().setResponseCode(402).setHeader("Retry-After", "1"));
    assertThrows(QuotaExceededException.class, () -> api.getWorkspaceSso(1L));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aDroppedConnectionIsRetriedForGetButAPostThatMayHaveArrivedIsNeverReplayed() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(json("{\"config\":null}"));
    api.getWorkspaceSso(1L);
    assertEquals(2, server.getRequestCount());

    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(json("\"second token\""));
    NetworkException e = assertThrows(NetworkException.class, () -> api.postResetToken());
    assertEquals(3, server.getRequestCount(), "the POST reached the server once and was not sent again");
    assertTrue(e.getCause() instanceof IOException);
  }

  @Test
  void cancellingAnAsyncCallStopsItsRetryAtOnce() throws Exception {
    server.enqueue(json429("20")); // within the 30 s the client may wait
    ApiClientTest.Recorder<String> recorder = new ApiClientTest.Recorder<>();
    okhttp3.Call call = api.postResetTokenAsync(recorder);
    server.takeRequest(5, TimeUnit.SECONDS);
    long start = System.nanoTime();
    call.cancel();
    recorder.awaitIdle(client);
    assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 2_000);
    assertEquals(1, recorder.failures.get());
    assertEquals(0, recorder.successes.get());
    assertTrue(recorder.error.get() instanceof NetworkException);
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aWaitThatWouldOutlastTheCallTimeoutReturnsTheRateLimitAtOnce() {
    client.setCallTimeout(3_000);
    server.enqueue(json429("20"));
    long start = System.nanoTime();
    RateLimitException e = assertThrows(RateLimitException.class, () -> api.postResetToken());
    assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 2_000);
    assertEquals(Duration.ofSeconds(20), e.getRetryAfter());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aCancelIsReportedAsACancelNotATimeout() throws Exception {
    server.enqueue(json429("20"));
    ApiClientTest.Recorder<String> recorder = new ApiClientTest.Recorder<>();
    okhttp3.Call call = api.postResetTokenAsync(recorder);
    server.takeRequest(5, TimeUnit.SECONDS);
    call.cancel();
    recorder.awaitIdle(client);
    NetworkException e = (NetworkException) recorder.error.get();
    assertFalse(e.isTimeout());
    assertTrue(e.getMessage().endsWith("was cancelled"), e.getMessage());
  }

  @Test
  void anyMethodIsRetriedWhenTheConnectionNeverOpened() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    ApiClient refused = new ApiClient().setBasePath("http://127.0.0.1:" + closedPort + "/api/v9")
        .setInitialRetryDelay(1).setDebugging(true);
    try (LogCapture log = LogCapture.debugLog()) {
      assertThrows(NetworkException.class, () -> new AuthenticationApi(refused).postResetToken());
      long retries = log.messages().stream().filter(line -> line.contains("failed (java.net.ConnectException")).count();
      assertEquals(3, retries, "a POST that could not have been sent is safe to repeat: " + log.all());
    }
  }

  @Test
  void retriesShowInTheDebugLog() throws Exception {
    try (LogCapture log = LogCapture.debugLog()) {
      client.setDebugging(true);
      server.enqueue(json429(null));
      server.enqueue(json("\"ok\""));
      api.postResetToken();
      String all = log.all();
      assertTrue(all.contains("POST /me/reset_token (postResetToken) answered HTTP 429; retry 1 of 3 in"), all);
      assertEquals(2, log.messages().stream().filter(line -> line.startsWith("--> POST")).count(), all);
    }
  }

  @Test
  void okHttpNeverSendsARequestAgainOnItsOwn() throws Exception {
    // A replayed request would get a 404 rather than hang waiting for an answer to be queued.
    ((okhttp3.mockwebserver.QueueDispatcher) server.getDispatcher()).setFailFast(true);
    // OkHttp follows up a 503 with Retry-After: 0 by itself, whatever the method and settings.
    client.setMaxRetries(0);
    server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "0"));
    ServerException post = assertThrows(ServerException.class, () -> api.postResetToken());
    assertEquals(503, post.getCode());
    assertEquals("0", post.getResponseHeaders().get("Retry-After").get(0), "the header reaches the caller as sent");
    assertEquals(1, server.getRequestCount(), "setMaxRetries(0) means one request");

    server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "0"));
    assertThrows(ServerException.class, () -> api.getWorkspaceSso(1L));
    assertEquals(2, server.getRequestCount(), "a GET too");

    // With retries on, the POST is still never replayed; a GET is retried by the client itself.
    client.setMaxRetries(3);
    server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "0"));
    assertThrows(ServerException.class, () -> api.postResetToken());
    assertEquals(3, server.getRequestCount());
    server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "0"));
    server.enqueue(json("{\"config\":null}"));
    api.getWorkspaceSso(1L);
    assertEquals(5, server.getRequestCount());
  }

  @Test
  void asyncRetryWaitsHoldNoDispatcherThread() throws Exception {
    server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
      @Override
      public MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest request) {
        return request.getPath().contains("/reset_token")
            ? json429("2")
            : json("{\"sso_url\":\"https://idp.example.com/sso\"}");
      }
    });
    client.setMaxRetries(1);
    long idle = medianMillisOfAnotherCall(); // the same call with nothing waiting, for comparison
    List<ApiClientTest.Recorder<String>> waiting = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      ApiClientTest.Recorder<String> recorder = new ApiClientTest.Recorder<>();
      api.postResetTokenAsync(recorder);
      waiting.add(recorder);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (server.getRequestCount() < 53 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(53, server.getRequestCount(), "every call had its first 429");
    // All 50 now wait out Retry-After: 2. Another operation must not queue behind them (OkHttp
    // runs 5 calls per host at once: had they waited on its threads, it would wait 20 s).
    long loaded = medianMillisOfAnotherCall();
    System.out.println("Another call took " + loaded + " ms (median of 3) while 50 async calls waited out"
        + " Retry-After: 2, and " + idle + " ms with none waiting");
    assertTrue(loaded - idle < 250, "the other call took " + loaded + " ms, against " + idle + " ms");

    // The waiting calls still end exactly once each: retried once after 2 s, 429 again, given up.
    for (ApiClientTest.Recorder<String> recorder : waiting) {
      assertTrue(recorder.await(30, TimeUnit.SECONDS), "no answer");
    }
    for (ApiClientTest.Recorder<String> recorder : waiting) {
      assertEquals(1, recorder.failures.get() + recorder.successes.get());
      assertTrue(recorder.error.get() instanceof RateLimitException, String.valueOf(recorder.error.get()));
    }
    assertEquals(50 * 2 + 6, server.getRequestCount(), "each tried twice, and the other call six times");
  }

  /** The median time of three async calls to an operation that answers at once. */
  private long medianMillisOfAnotherCall() throws InterruptedException {
    long[] millis = new long[3];
    for (int i = 0; i < millis.length; i++) {
      long start = System.nanoTime();
      ApiClientTest.Recorder<io.github.togglapi.client.model.Saml2LoginResponse> other = new ApiClientTest.Recorder<>();
      api.getSaml2LoginUrlAsync("ada@example.com", null, null, other);
      assertTrue(other.await(5, TimeUnit.SECONDS), "no answer");
      assertEquals(1, other.successes.get());
      millis[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
    Arrays.sort(millis);
    return millis[1];
  }

  @Test
  void anAsyncRetryHonoursTheWholeCallTimeoutAcrossTries() throws Exception {
    client.setCallTimeout(1_500);
    server.enqueue(json429("1"));
    server.enqueue(json429("1")); // a second wait of 1 s would pass the 1.5 s deadline
    ApiClientTest.Recorder<String> recorder = new ApiClientTest.Recorder<>();
    long start = System.nanoTime();
    api.postResetTokenAsync(recorder);
    recorder.awaitIdle(client);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(recorder.error.get() instanceof RateLimitException, String.valueOf(recorder.error.get()));
    assertEquals(2, server.getRequestCount());
    assertTrue(millis >= 950 && millis < 1_500, "took " + millis + " ms");
  }

  @Test
  void cancellingAnAsyncCallReachesARetryUnderWay() throws Exception {
    server.enqueue(json429("0"));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE)); // the retry hangs
    ApiClientTest.Recorder<String> recorder = new ApiClientTest.Recorder<>();
    okhttp3.Call call = api.postResetTokenAsync(recorder);
    server.takeRequest(5, TimeUnit.SECONDS);
    server.takeRequest(5, TimeUnit.SECONDS); // the retry is under way, on a copy of the call
    long start = System.nanoTime();
    call.cancel();
    recorder.awaitIdle(client);
    assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 2_000);
    assertEquals(1, recorder.failures.get());
    assertTrue(recorder.error.get().getMessage().endsWith("was cancelled"), recorder.error.get().getMessage());
  }

  @Test
  void backoffGrowsExponentiallyWithJitterAndStaysUnderTheCap() {
    RetryPolicy policy = new RetryPolicy(10, 100, 1_000);
    for (int retry = 0; retry < 8; retry++) {
      long full = Math.min(100L << retry, 1_000);
      for (int sample = 0; sample < 50; sample++) {
        long wait = policy.backoffMillis(retry);
        assertTrue(wait >= full / 2 && wait <= full, "retry " + retry + " waited " + wait);
      }
    }
  }

  private static MockResponse json429(String retryAfter) {
    MockResponse response = new MockResponse().setResponseCode(429).setBody("\"Too many requests\"");
    return retryAfter == null ? response : response.setHeader("Retry-After", retryAfter);
  }

  private static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }
}
