package io.github.togglapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.github.togglapi.client.api.AuthenticationApi;
import io.github.togglapi.client.model.MePostUser;
import okhttp3.Cache;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ways secrets and sessions could escape, each tried as an attacker or a careless user would:
 * through the caller's own interceptors, caches and clients, escaped echoes, calls whose client
 * changes under them, rewritten URLs, plain HTTP, and exception causes. The cookie rules are in
 * {@code CookieStoreTest}, the retries in {@code RetryTest}.
 */
class HardeningTest {
  private static final String TOKEN = "tok-hardening-0123456789abcdef";
  private static final String OTHER_TOKEN = "tok-other-fedcba9876543210";
  private static final String COOKIE = "__Host-timer-session";
  private static final String SESSION = "session-secret-5e6f7a8b9c";

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

  /** 1: the response a caller's interceptor gets carries the request it passed on, not ours. */
  @Test
  void theCallersInterceptorsNeverSeeCredentialsOrCookiesInTheResponse() throws Exception {
    AtomicReference<Response> seen = new AtomicReference<>();
    MockWebServer https = new MockWebServer();
    Tls.serveHttps(https);
    https.start();
    try {
      OkHttpClient mine = Tls.trustingClient().newBuilder().addInterceptor(chain -> {
        Response response = chain.proceed(chain.request());
        seen.set(response);
        return response;
      }).build();
      ApiClient secured = new ApiClient(mine).setBasePath(https.url("/api/v9").toString()).setApiToken(TOKEN);
      https.enqueue(json("{\"id\":1}").addHeader("Set-Cookie", COOKIE + "=" + SESSION + "; Path=/; Secure; HttpOnly"));
      new AuthenticationApi(secured).meSessionsPost(null);
      https.enqueue(json("{\"config\":null}"));
      new AuthenticationApi(secured).getWorkspaceSso(1L);

      https.takeRequest(); // the sign-in
      RecordedRequest sent = https.takeRequest();
      assertEquals(Credentials.basic(TOKEN, "api_token"), sent.getHeader("Authorization"), "the server got them");
      assertEquals(COOKIE + "=" + SESSION, sent.getHeader("Cookie"));
      Response response = seen.get();
      assertNull(response.request().header("Authorization"));
      assertNull(response.request().header("Cookie"));
      assertNull(response.networkResponse(), "its request is the one sent, with the credentials");
      assertNull(response.priorResponse());
      assertNull(response.cacheResponse());
    } finally {
      https.shutdown();
    }
  }

  /** 2: a password echoed in whatever escaping a server chooses is masked in the decoded text. */
  @Test
  void escapedEchoesOfASecretAreMasked() throws Exception {
    String password = "Tr0ub4dor&3<x>/y";
    // Go's encoder escapes &, < and > as backslash-u 0026, 003c and 003e; and / may come as \/.
    String u = "\\" + "u00"; // a JSON unicode escape, spelled so that javac does not read it as one
    String goEscaped = "Tr0ub4dor" + u + "263" + u + "3cx" + u + "3e\\/y";
    client.setDebugging(true);
    try (LogCapture log = LogCapture.debugLog()) {
      server.enqueue(new MockResponse().setResponseCode(400).setHeader("Content-Type", "application/json")
          .setHeader("X-Echo", "Tr0ub4dor%263%3Cx%3E%2Fy")
          .setBody("{\"error\":\"password " + goEscaped + " is too weak\",\"html\":\"Tr0ub4dor&amp;3&lt;x&gt;/y\"}"));
      ApiException e = assertThrows(ApiException.class,
          () -> api.postSignup(new MePostUser().email("ada@example.com").password(password).tosAccepted(true)));
      String everything = e.getMessage() + "\n" + log.all();
      assertTrue(everything.contains("is too weak"), everything);
      for (String form : new String[] {"Tr0ub4dor", "u00263", "%263", "&amp;3"}) {
        assertFalse(everything.contains(form), () -> form + " in " + everything);
      }
    }
  }

  /** 3: an HTTP cache on the caller's client would serve one account's answer to another. */
  @Test
  void theCallersHttpCacheIsNeverUsed(@TempDir Path folder) throws Exception {
    OkHttpClient caching = new OkHttpClient.Builder().cache(new Cache(folder.toFile(), 1 << 20)).build();
    ApiClient ada = new ApiClient(caching).setBasePath(client.getBasePath()).setApiToken(TOKEN);
    ApiClient nobody = new ApiClient(caching).setBasePath(client.getBasePath());
    server.enqueue(json("{\"config\":{\"domain\":\"ada.example.com\"}}")
        .setHeader("Cache-Control", "private, max-age=600")
        .addHeader("Set-Cookie", "timer-session=" + SESSION + "; Path=/"));
    new AuthenticationApi(ada).getWorkspaceSso(7L);
    server.enqueue(new MockResponse().setResponseCode(401).setBody("\"Unauthorized\""));
    assertThrows(AuthenticationException.class, () -> new AuthenticationApi(nobody).getWorkspaceSso(7L));
    assertEquals(2, server.getRequestCount(), "the second client's call reached the server");
    assertTrue(nobody.getSession().isEmpty());
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(SESSION), file.toString());
      }
    }
    assertEquals(0, caching.cache().requestCount(), "the cache was never asked");
  }

  /** 4: an async call waiting out a 429 is retried as who it started as, and masked as such. */
  @Test
  void aCallUnderWayKeepsTheIdentityAndSecretsItStartedWith() throws Exception {
    client.setApiToken(TOKEN);
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "1"));
    server.enqueue(new MockResponse().setResponseCode(401).setBody("\"token " + TOKEN + " is not valid\""));
    ApiClientTest.Recorder<io.github.togglapi.client.model.SsoConfigResult> recorder = new ApiClientTest.Recorder<>();
    api.getWorkspaceSsoAsync(1L, recorder);
    assertEquals(Credentials.basic(TOKEN, "api_token"), server.takeRequest(5, TimeUnit.SECONDS).getHeader("Authorization"));
    client.setApiToken(OTHER_TOKEN); // while the call waits to retry
    recorder.awaitIdle(client);
    assertEquals(Credentials.basic(TOKEN, "api_token"), server.takeRequest(5, TimeUnit.SECONDS).getHeader("Authorization"),
        "the retry acts as the account the call started as");
    ApiException e = recorder.error.get();
    assertEquals(401, e.getCode());
    assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    client.setApiToken(null); // no credentials now: the call's own still mask its message
    assertFalse(e.getMessage().contains(TOKEN));
  }

  /** 4: clearing the credentials while a call is under way does not unmask an echo of them. */
  @Test
  void clearingCredentialsMidCallDoesNotUnmaskTheirEcho() throws Exception {
    client.setUsername("ada@example.com").setPassword("pw-mid-call-9d8c7b");
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "1"));
    server.enqueue(new MockResponse().setResponseCode(401).setBody("\"password pw-mid-call-9d8c7b is wrong\""));
    ApiClientTest.Recorder<String> recorder = new ApiClientTest.Recorder<>();
    api.postResetTokenAsync(recorder);
    server.takeRequest(5, TimeUnit.SECONDS);
    client.setUsername(null).setPassword(null);
    recorder.awaitIdle(client);
    String message = recorder.error.get().getMessage();
    assertTrue(message.contains("password **** is wrong"), message);
  }

  /** 5: an interceptor that sends the call to another origin gets no credentials to send. */
  @Test
  void credentialsNeverFollowAUrlAnInterceptorRewrote() throws Exception {
    MockWebServer elsewhere = new MockWebServer();
    elsewhere.start();
    try {
      OkHttpClient rewriting = new OkHttpClient.Builder().addInterceptor(chain -> chain.proceed(chain.request()
          .newBuilder().url(chain.request().url().newBuilder().port(elsewhere.getPort()).build()).build())).build();
      client.setHttpClient(rewriting).setApiToken(TOKEN);
      ApiException e = assertThrows(ApiException.class, () -> api.postResetToken());
      assertEquals(0, elsewhere.getRequestCount());
      assertFalse(e instanceof NetworkException, "nothing was sent: it is no network failure");
      assertTrue(e.getMessage().contains("was not sent") && e.getMessage().contains("interceptor"), e.getMessage());
      assertTrue(e.getCause() instanceof RefusedCallException);
      // A public operation's secrets too: the SAML2 lookup's email is personal data.
      assertThrows(ApiException.class, () -> api.getSaml2LoginUrl("ada@example.com", null, null));
      assertEquals(0, elsewhere.getRequestCount());
    } finally {
      elsewhere.shutdown();
    }
  }

  /** 6: credentials never go over plain HTTP to another machine, unless deliberately allowed. */
  @Test
  void credentialsNeverGoOverPlainHttpToAnotherMachine() throws Exception {
    // api.example.test resolves to this machine for OkHttp only, so nothing leaves it; the client
    // sees a host that is not loopback.
    OkHttpClient resolving = new OkHttpClient.Builder()
        .dns(host -> Collections.singletonList(InetAddress.getLoopbackAddress())).build();
    ApiClient remote = new ApiClient(resolving)
        .setBasePath("http://api.example.test:" + server.getPort() + "/api/v9").setApiToken(TOKEN);
    ApiException e = assertThrows(ApiException.class, () -> new AuthenticationApi(remote).postResetToken());
    assertTrue(e.getMessage().contains("plain HTTP") && e.getMessage().contains("setPlainHttpAllowed"), e.getMessage());
    assertEquals(0, server.getRequestCount(), "refused before anything was sent");

    server.enqueue(json("\"new\""));
    new AuthenticationApi(remote.setPlainHttpAllowed(true)).postResetToken();
    assertEquals(Credentials.basic(TOKEN, "api_token"), server.takeRequest().getHeader("Authorization"));

    // Loopback keeps working without asking: tests and the embedded server use it.
    server.enqueue(json("\"new\""));
    new AuthenticationApi(client.setApiToken(TOKEN)).postResetToken();
    assertEquals(Credentials.basic(TOKEN, "api_token"), server.takeRequest().getHeader("Authorization"));
    assertTrue(CallIdentity.isLoopback("127.0.0.1") && CallIdentity.isLoopback("127.8.9.10")
        && CallIdentity.isLoopback("::1") && CallIdentity.isLoopback("LOCALHOST"));
    assertFalse(CallIdentity.isLoopback("128.0.0.1") || CallIdentity.isLoopback("localhost.example.com")
        || CallIdentity.isLoopback("127.0.0.1.nip.io"));
  }

  /** 10: the debug log of the answer that sets a cookie masks its value everywhere in that answer. */
  @Test
  void aCookieEchoedInTheAnswerThatSetsItIsMasked() throws Exception {
    client.setDebugging(true).setApiToken(TOKEN);
    try (LogCapture log = LogCapture.debugLog()) {
      server.enqueue(json("{\"id\":1,\"fullname\":\"" + SESSION + "\"}")
          .addHeader("Set-Cookie", "timer-session=" + SESSION + "; Path=/")
          .addHeader("X-Debug", "session=" + SESSION));
      api.meSessionsPost(null);
      String all = log.all();
      assertTrue(all.contains("X-Debug: session=****"), all);
      assertFalse(all.contains(SESSION), all);
    }
  }

  /** 11: an exception's causes hold no secret: a decode error's NumberFormatException quoted it. */
  @Test
  void causeChainsAreMaskedToo() throws Exception {
    String password = "pw-cause-chain-4a5b6c";
    client.setUsername("ada@example.com").setPassword(password);
    server.enqueue(json("{\"id\":\"" + password + "\",\"email\":\"ada@example.com\"}"));
    ApiException e = assertThrows(ApiException.class, () -> api.meSessionsPost(null));
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    assertFalse(trace.toString().contains(password), trace.toString());
    assertTrue(trace.toString().contains("NumberFormatException"), "the cause's kind is kept: " + trace);
    assertNotNull(e.getCause().getStackTrace());
    assertTrue(e.getCause().getStackTrace().length > 0, "and where it was thrown");

    server.enqueue(json("{\"id\":\"x\"}"));
    ApiException plain = assertThrows(ApiException.class, () -> api.meSessionsPost(null));
    assertFalse(plain.getCause() instanceof RedactedCause, "a cause without secrets is kept as it is");
  }

  /** 12: short secrets are masked as words; a common word as password leaves the log readable. */
  @Test
  void shortAndCommonWordSecretsAreMaskedWithoutManglingTheLog() throws Exception {
    client.setDebugging(true).setUsername("ada@example.com").setPassword("http");
    try (LogCapture log = LogCapture.debugLog()) {
      server.enqueue(new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/json")
          .setBody("\"password http is wrong; see https://support.toggl.com\""));
      ApiException e = assertThrows(ApiException.class, () -> api.postResetToken());
      assertTrue(e.getMessage().endsWith("password **** is wrong; see https://support.toggl.com"), e.getMessage());
      String request = log.messages().get(0);
      assertTrue(request.startsWith("--> POST http://"), request);
    }
    client.setPassword("pw");
    server.enqueue(new MockResponse().setResponseCode(401).setBody("\"pw: wrong\""));
    ApiException e = assertThrows(ApiException.class, () -> api.postResetToken());
    assertTrue(e.getMessage().endsWith("****: wrong"), e.getMessage());
  }

  /** 12: a password set after a token leaves token mode; the token never shows as a user name. */
  @Test
  void mixedCredentialsNeverShowTheToken() {
    client.setApiToken(TOKEN).setPassword("hunter22-pass");
    assertNull(client.getCredentials(), "no email yet: nothing to send, the token is not one");
    assertNull(client.getUsername());
    client.setUsername("ada@example.com");
    assertEquals("HttpBasicAuth{username=****, password=****}", client.getCredentials().toString());
  }

  /** 13: personal data and one-time values go to the server but never to the debug log. */
  @Test
  void sensitiveParametersAndHeadersAreMaskedAsTheSpecSays() throws Exception {
    client.setDebugging(true);
    try (LogCapture log = LogCapture.debugLog()) {
      server.enqueue(json("{\"sso_url\":\"https://idp.example.com/sso\"}"));
      api.getSaml2LoginUrl("grace@example.com", "webapp", "state-7f3e");
      server.enqueue(new MockResponse().setResponseCode(302)
          .setHeader("Location", "https://track.toggl.com/timer?token=one-time-8e9f"));
      api.postSaml2Callback(3L, "PHNhbWw-assertion", "relay-1a2b");
      String all = log.all();
      for (String value : new String[] {"grace", "state-7f3e", "one-time-8e9f", "PHNhbWw", "relay-1a2b"}) {
        assertFalse(all.contains(value), () -> value + " in " + all);
      }
      assertTrue(all.contains("client=webapp"), "other parameters stay readable: " + all);
    }
    RecordedRequest lookup = server.takeRequest();
    assertEquals("grace@example.com", lookup.getRequestUrl().queryParameter("email"), "sent as given");
    assertEquals("state-7f3e", lookup.getRequestUrl().queryParameter("state"));
  }

  /** 14: a sign-in that ends in an exception leaves no session behind. */
  @Test
  void aFailedSignInKeepsNoCookie() throws Exception {
    client.setApiToken(TOKEN);
    server.enqueue(new MockResponse().setResponseCode(401).setBody("\"no\"")
        .addHeader("Set-Cookie", "timer-session=" + SESSION + "; Path=/"));
    assertThrows(AuthenticationException.class, () -> api.meSessionsPost(null));
    assertTrue(client.getSession().isEmpty());
    server.enqueue(json("not json").addHeader("Set-Cookie", "timer-session=" + SESSION + "; Path=/"));
    assertThrows(ApiException.class, () -> api.meSessionsPost(null));
    assertTrue(client.getSession().isEmpty(), "a 200 whose body is unreadable is no sign-in either");
    server.enqueue(json("{\"id\":1}").addHeader("Set-Cookie", "timer-session=" + SESSION + "; Path=/"));
    api.meSessionsPost(null);
    assertEquals(SESSION, client.getSession().getCookies().get(0).value());
  }

  /** Retry 15: the caller's Authenticator would see our request and send it again. */
  @Test
  void theCallersAuthenticatorIsNeverAsked() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    OkHttpClient withAuthenticator = new OkHttpClient.Builder().authenticator((route, response) -> {
      asked.incrementAndGet();
      return response.request().newBuilder().header("Authorization", "Basic other").build();
    }).build();
    client.setHttpClient(withAuthenticator).setApiToken(TOKEN);
    server.enqueue(new MockResponse().setResponseCode(401).setBody("\"Unauthorized\""));
    server.enqueue(json("\"replayed\""));
    assertThrows(AuthenticationException.class, () -> api.postResetToken());
    assertEquals(0, asked.get());
    assertEquals(1, server.getRequestCount());
  }

  private static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }
}
