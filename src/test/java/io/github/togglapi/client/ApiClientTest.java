package io.github.togglapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.togglapi.client.api.AuthenticationApi;
import io.github.togglapi.client.model.MePostSessionHandlerRequestBody;
import io.github.togglapi.client.model.MePostUser;
import io.github.togglapi.client.model.ModelsTogglUser;
import io.github.togglapi.client.model.SsoConfirmation;
import io.github.togglapi.client.model.SsoState;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Credentials, errors, async callbacks, debugging and configuration of {@link ApiClient}. */
class ApiClientTest {
  private static final String PASSWORD = "pässwörd-canary-91";
  private static final String TOKEN = "canarytoken0123456789abcdef0123";
  /** Not the configured password: the body's own secret field must be masked. */
  private static final String SIGNUP_PASSWORD = "signupcanary-5150";

  private final MockWebServer server = new MockWebServer();
  private ApiClient client;
  private AuthenticationApi api;

  @BeforeEach
  void start() throws IOException {
    server.start();
    // Retries wait a millisecond here, not a second: the tests stay fast and still count them.
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
    assertEquals("https://api.track.toggl.com/api/v9", fresh.getBasePath());
    assertTrue(fresh.getUserAgent().matches("toggl-api-java/\\d+\\.\\d+\\.\\d+.*"), fresh.getUserAgent());
    assertNull(fresh.getCredentials());
    assertEquals(10_000, fresh.getConnectTimeout());
    assertEquals(30_000, fresh.getReadTimeout());
    assertEquals(30_000, fresh.getWriteTimeout());
    assertEquals(0, fresh.getCallTimeout()); // none, as in OkHttp: it costs CPU on every call
    assertFalse(fresh.isDebugging());
    assertNotNull(fresh.getJSON());
  }

  @Test
  void timeoutsAreConfigurable() {
    client.setConnectTimeout(1_000).setReadTimeout(2_000).setWriteTimeout(3_000).setCallTimeout(4_000);
    assertEquals(1_000, client.getConnectTimeout());
    assertEquals(2_000, client.getReadTimeout());
    assertEquals(3_000, client.getWriteTimeout());
    assertEquals(4_000, client.getCallTimeout());
    assertEquals(2_000, client.getHttpClient().readTimeoutMillis());
  }

  @Test
  void readTimeoutGivesAnApiExceptionWithoutAStatus() {
    client.setReadTimeout(200);
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    ApiException e = assertThrows(ApiException.class, () -> api.postResetToken());
    assertEquals(0, e.getCode());
    assertTrue(e.getCause() instanceof IOException, String.valueOf(e.getCause()));
    assertTrue(e.getMessage().startsWith("POST /me/reset_token (postResetToken) timed out"), e.getMessage());
  }

  @Test
  void emailAndPasswordAreSentAsUtf8Basic() throws Exception {
    client.setUsername("zoë@example.com").setPassword(PASSWORD);
    server.enqueue(json("\"ok\""));
    api.postResetToken();
    String header = server.takeRequest().getHeader("Authorization");
    String decoded = new String(Base64.getDecoder().decode(header.substring("Basic ".length())), StandardCharsets.UTF_8);
    assertEquals("zoë@example.com:" + PASSWORD, decoded);
  }

  @Test
  void apiTokenIsSentAsBasicWithTheLiteralApiTokenPassword() throws Exception {
    client.setApiToken(TOKEN);
    server.enqueue(json("\"ok\""));
    api.postResetToken();
    assertEquals(okhttp3.Credentials.basic(TOKEN, "api_token"), server.takeRequest().getHeader("Authorization"));
    assertFalse(client.getCredentials().toString().contains(TOKEN));
  }

  @Test
  void incompleteCredentialsSendNoAuthorization() throws Exception {
    client.setUsername("ada@example.com");
    server.enqueue(json("\"ok\""));
    api.postResetToken();
    assertNull(server.takeRequest().getHeader("Authorization"));
  }

  @Test
  void userAgentIsConfigurable() throws Exception {
    client.setUserAgent("my-app/2.1 (me@example.com)");
    server.enqueue(json("\"ok\""));
    api.postResetToken();
    assertEquals("my-app/2.1 (me@example.com)", server.takeRequest().getHeader("User-Agent"));
    assertThrows(IllegalArgumentException.class, () -> client.setUserAgent(""));
  }

  @Test
  void unauthorizedWithAJsonStringBody() {
    client.setUsername("ada@example.com").setPassword(PASSWORD);
    server.enqueue(json("\"Incorrect username and/or password\"").setResponseCode(401).setHeader("X-Request-Id", "r-1"));
    ApiException e = assertThrows(ApiException.class, () -> api.meSessionsPost(null));
    assertEquals(401, e.getCode());
    assertEquals("\"Incorrect username and/or password\"", e.getResponseBody());
    assertEquals(Collections.singletonList("r-1"), e.getResponseHeaders().get("x-request-id"));
    assertEquals("POST /me/sessions (meSessionsPost) failed with HTTP 401: Incorrect username and/or password",
        e.getMessage());
  }

  @Test
  void badGatewayWithAnHtmlBody() {
    String html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    for (int i = 0; i < 4; i++) { // the first try and three retries, as GET is idempotent
      server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html").setBody(html));
    }
    ApiException e = assertThrows(ServerException.class, () -> api.getWorkspaceSso(1L));
    assertEquals(4, server.getRequestCount());
    assertEquals(502, e.getCode());
    assertEquals(html, e.getResponseBody());
    assertEquals("GET /workspaces/{workspace_id}/sso (getWorkspaceSso) failed with HTTP 502: (HTML body, "
        + html.length() + " characters)", e.getMessage());
  }

  @Test
  void malformedJsonKeepsTheRawBody() {
    server.enqueue(json("{\"id\": 12, \"email\": "));
    ApiException e = assertThrows(ApiException.class,
        () -> api.postSignup(new MePostUser().email("a@b.c").password("pw").tosAccepted(true)));
    assertEquals(200, e.getCode());
    assertEquals("{\"id\": 12, \"email\": ", e.getResponseBody());
    assertTrue(e.getMessage().contains("not a valid ModelsTogglUser"), e.getMessage());
    assertNotNull(e.getCause());
  }

  @Test
  void wrongTypesAndHtmlInASuccessAreApiExceptions() {
    server.enqueue(json("{\"id\": \"not a number\"}"));
    ApiException wrongType = assertThrows(ApiException.class, () -> api.meSessionsPost(null));
    assertEquals("{\"id\": \"not a number\"}", wrongType.getResponseBody());
    server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody("<html>login</html>"));
    ApiException html = assertThrows(ApiException.class, () -> api.postResetToken());
    assertEquals("<html>login</html>", html.getResponseBody());
    server.enqueue(json("null"));
    ApiException literalNull = assertThrows(ApiException.class, () -> api.getWorkspaceSso(1L));
    assertTrue(literalNull.getMessage().contains("null instead of a SsoConfigResult"), literalNull.getMessage());
  }

  @Test
  void anEmptyBodyWhereOneIsExpected() {
    server.enqueue(new MockResponse().setResponseCode(200));
    ApiException e = assertThrows(ApiException.class, () -> api.patchWorkspaceSso(1L, new SsoState().enabled(true)));
    assertEquals(200, e.getCode());
    assertEquals("", e.getResponseBody());
    assertTrue(e.getMessage().endsWith("with an empty body"), e.getMessage());
  }

  @Test
  void plainTextStringResultsAreReturnedAsIs() throws Exception {
    server.enqueue(new MockResponse().setHeader("Content-Type", "text/plain; charset=utf-8").setBody("SSO enabled"));
    assertEquals("SSO enabled", api.postEnableSso(new SsoConfirmation().confirmationCode("c")));
  }

  @Test
  void anUndeclaredRedirectIsNotFollowedAndCredentialsStayHome() throws Exception {
    MockWebServer elsewhere = new MockWebServer();
    elsewhere.start();
    try {
      client.setUsername("ada@example.com").setPassword(PASSWORD);
      server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", elsewhere.url("/steal")));
      ApiException e = assertThrows(ApiException.class, () -> api.getWorkspaceSso(1L));
      assertEquals(302, e.getCode());
      assertEquals(elsewhere.url("/steal").toString(), e.getResponseHeaders().get("Location").get(0));
      assertEquals(0, elsewhere.getRequestCount());
    } finally {
      elsewhere.shutdown();
    }
  }

  @Test
  void eachCallReturnsItsOwnStatusAndHeaders() throws Exception {
    server.enqueue(json("\"a\"").setHeader("X-Call", "1"));
    server.enqueue(json("\"b\"").setResponseCode(201).setHeader("X-Call", "2"));
    ApiResponse<String> first = api.postResetTokenWithHttpInfo();
    ApiResponse<String> second = api.postResetTokenWithHttpInfo();
    assertEquals("a", first.getData());
    assertEquals("1", first.getHeader("x-call"));
    assertEquals(200, first.getStatusCode());
    assertEquals("b", second.getData());
    assertEquals(201, second.getStatusCode());
    assertEquals("2", second.getHeader("X-CALL"));
  }

  @Test
  void asyncSuccessCallsOnSuccessExactlyOnce() throws Exception {
    server.enqueue(json("{\"id\":1,\"email\":\"ada@example.com\"}"));
    Recorder<io.github.togglapi.client.model.ModelsUser> recorder = new Recorder<>();
    api.meSessionsPostAsync(new MePostSessionHandlerRequestBody(), recorder);
    recorder.awaitIdle(client);
    assertEquals(1, recorder.successes.get());
    assertEquals(0, recorder.failures.get());
    assertEquals(200, recorder.status.get());
  }

  @Test
  void asyncErrorCallsOnFailureExactlyOnce() throws Exception {
    server.enqueue(json("\"Forbidden\"").setResponseCode(403));
    Recorder<io.github.togglapi.client.model.SsoConfigResult> recorder = new Recorder<>();
    api.getWorkspaceSsoAsync(1L, recorder);
    recorder.awaitIdle(client);
    assertEquals(0, recorder.successes.get());
    assertEquals(1, recorder.failures.get());
    assertEquals(403, recorder.status.get());
    assertEquals(403, recorder.error.get().getCode());
    assertEquals("\"Forbidden\"", recorder.error.get().getResponseBody());
  }

  @Test
  void asyncNetworkFailureAndMalformedBodyCallOnFailureExactlyOnce() throws Exception {
    client.setMaxRetries(0);
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    Recorder<String> network = new Recorder<>();
    api.deleteWorkspaceSsoAsync(1L, network);
    network.awaitIdle(client);
    assertEquals(1, network.failures.get());
    assertEquals(0, network.status.get());
    assertTrue(network.error.get().getCause() instanceof IOException);

    server.enqueue(json("{broken"));
    Recorder<io.github.togglapi.client.model.Saml2LoginResponse> malformed = new Recorder<>();
    api.getSaml2LoginUrlAsync("ada@example.com", null, null, malformed);
    malformed.awaitIdle(client);
    assertEquals(1, malformed.failures.get());
    assertEquals(0, malformed.successes.get());
    assertEquals("{broken", malformed.error.get().getResponseBody());
  }

  @Test
  void aCancelledAsyncCallFailsOnce() throws Exception {
    server.enqueue(json("\"late\"").setBodyDelay(2, TimeUnit.SECONDS));
    Recorder<String> recorder = new Recorder<>();
    okhttp3.Call call = api.postResetTokenAsync(recorder);
    call.cancel();
    recorder.awaitIdle(client);
    assertEquals(1, recorder.failures.get());
    assertEquals(0, recorder.successes.get());
    assertTrue(call.isCanceled());
  }

  @Test
  void aThrowingOnSuccessDoesNotAlsoCallOnFailure() throws Exception {
    server.enqueue(json("\"ok\""));
    AtomicInteger failures = new AtomicInteger();
    CountDownLatch called = new CountDownLatch(1);
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> { });
    try {
      api.postResetTokenAsync(new ApiCallback<String>() {
        @Override
        public void onFailure(ApiException e, int statusCode, Map<String, List<String>> headers) {
          failures.incrementAndGet();
        }

        @Override
        public void onSuccess(String result, int statusCode, Map<String, List<String>> headers) {
          called.countDown();
          throw new IllegalStateException("user code failed");
        }
      });
      assertTrue(called.await(5, TimeUnit.SECONDS));
      awaitDispatcherIdle(client);
      assertEquals(0, failures.get());
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(previous);
    }
  }

  @Test
  void debugLogsRedactEverySecret() throws Exception {
    try (LogCapture log = LogCapture.debugLog()) {
      client.setDebugging(true).setUsername("ada@example.com").setPassword(PASSWORD);
      String sessionValue = "sessioncanary0123456789";
      server.enqueue(json("{\"id\":1,\"api_token\":\"" + TOKEN + "\"}")
          .addHeader("Set-Cookie", "timer-session=" + sessionValue + "; Path=/; HttpOnly"));
      api.meSessionsPost(new MePostSessionHandlerRequestBody().rememberMe(true));
      server.enqueue(json("{\"api_token\":\"" + TOKEN + "\",\"email\":\"x@example.com\"}"));
      api.postSignup(new MePostUser().email("x@example.com").password(SIGNUP_PASSWORD).tosAccepted(true));
      server.enqueue(json("\"" + TOKEN + "\""));
      api.postResetToken();
      server.enqueue(json("\"ok\""));
      api.postEnableSso(new SsoConfirmation().confirmationCode("confirmcanary42"));
      server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "/timer"));
      api.postSaml2Callback(3L, "samlcanaryassertion", "relay");
      server.enqueue(new MockResponse().setResponseCode(401).setBody("\"bad password " + PASSWORD + "\""));
      ApiException e = assertThrows(ApiException.class, () -> api.getWorkspaceSso(1L));

      String all = log.all() + "\n" + e.getMessage();
      assertTrue(all.contains("POST") && all.contains("/me/sessions"), "something was logged");
      String basic = Base64.getEncoder().encodeToString(("ada@example.com:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      for (String secret : Arrays.asList(PASSWORD, SIGNUP_PASSWORD, TOKEN, sessionValue, "confirmcanary42", "samlcanaryassertion", basic)) {
        assertFalse(all.contains(secret), "leaked " + secret + " in:\n" + all);
      }
      assertTrue(all.contains("Authorization: ****") && all.contains("Set-Cookie: ****"), all);
      assertTrue(all.contains("(secret body, 33 characters)"), all);
    }
  }

  @Test
  void buildCallRejectsDotSegmentsAndForeignCalls() {
    ApiRequest dots = ApiRequest.builder("op", "GET", "/workspaces/{id}").pathParam("id", "..").build();
    assertThrows(IllegalArgumentException.class, () -> client.buildCall(dots));
    okhttp3.Call foreign = new OkHttpClient().newCall(new okhttp3.Request.Builder().url(server.url("/")).build());
    assertThrows(IllegalArgumentException.class, () -> client.execute(foreign, String.class));
    assertThrows(IllegalArgumentException.class, () -> client.executeAsync(foreign, String.class, new Recorder<>()));
    assertEquals(0, server.getRequestCount(), "nothing was sent");
  }

  @Test
  void urlsFollowTheBasePathAndTheirParameters() {
    ApiClient fresh = new ApiClient().setBasePath("http://127.0.0.1:1/api/v9");
    ApiRequest fixed = ApiRequest.builder("op", "POST", "/me/reset_token").build();
    assertEquals("http://127.0.0.1:1/api/v9/me/reset_token", fresh.buildCall(fixed).request().url().toString());
    assertEquals("http://127.0.0.1:1/api/v9/me/reset_token", fresh.buildCall(fixed).request().url().toString());
    fresh.setBasePath("http://127.0.0.1:2/v10/");
    assertEquals("http://127.0.0.1:2/v10/me/reset_token", fresh.buildCall(fixed).request().url().toString(),
        "a URL built once is not kept past a new base path");
    for (long id = 1; id <= 3; id++) {
      ApiRequest withParameter = ApiRequest.builder("op", "GET", "/workspaces/{id}/sso").pathParam("id", id)
          .queryParam("q", "a b" + id).build();
      assertEquals("http://127.0.0.1:2/v10/workspaces/" + id + "/sso?q=a%20b" + id,
          fresh.buildCall(withParameter).request().url().toString());
    }
    for (int i = 0; i < 100; i++) { // more paths than are kept
      ApiRequest many = ApiRequest.builder("op", "GET", "/path" + i + "/x").build();
      assertEquals("http://127.0.0.1:2/v10/path" + i + "/x", fresh.buildCall(many).request().url().toString());
    }
  }

  @Test
  void hugeSecretValuesAreMaskedWithoutBlowingTheStack() {
    StringBuilder huge = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      huge.append((char) ('a' + i % 26));
    }
    String body = "{\"password\":\"" + huge + "\",\"api_token\":\"" + huge + "\"}";
    server.enqueue(json(body).setResponseCode(400));
    ApiException e = assertThrows(ApiException.class, () -> api.getWorkspaceSso(1L));
    assertEquals(body, e.getResponseBody());
    assertFalse(e.getMessage().contains("abcdefghij"), e.getMessage());
    assertEquals("{\"password\":\"****\",\"api_token\":\"****\"}", Redactor.redact(body, Collections.<String>emptyList()));
    assertEquals("{\"api_token\":\"****\"", Redactor.redact("{\"api_token\":\"cut-off-secr", Collections.<String>emptyList()),
        "a value cut short at the end of a log is masked too");
  }

  @Test
  void secretsTheRequestSentAreMaskedWhenTheServerEchoesThem() {
    server.enqueue(json("\"Password echo-secret-77 is too weak\"").setResponseCode(400));
    ApiException e = assertThrows(ApiException.class,
        () -> api.postSignup(new MePostUser().email("a@example.com").password("echo-secret-77").tosAccepted(true)));
    assertEquals("POST /signup (postSignup) failed with HTTP 400: Password **** is too weak", e.getMessage());
    server.enqueue(new MockResponse().setResponseCode(400).setBody("bad assertion samlecho123456"));
    ApiException saml = assertThrows(ApiException.class, () -> api.postSaml2Callback(1L, "samlecho123456", null));
    assertFalse(saml.getMessage().contains("samlecho123456"), saml.getMessage());
  }

  @Test
  void theReturnedCallAndTheCallersInterceptorsNeverHoldCredentials() throws Exception {
    List<String> seenByCaller = Collections.synchronizedList(new ArrayList<String>());
    OkHttpClient own = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          seenByCaller.add(String.valueOf(chain.request().header("Authorization")));
          return chain.proceed(chain.request());
        })
        .build();
    client.setHttpClient(own).setApiToken(TOKEN);
    server.enqueue(json("\"ok\""));
    Recorder<String> recorder = new Recorder<>();
    okhttp3.Call call = api.postResetTokenAsync(recorder);
    recorder.awaitIdle(client);
    assertNull(call.request().header("Authorization"));
    assertFalse(call.request().toString().contains(TOKEN));
    assertEquals(Collections.singletonList("null"), seenByCaller, "the caller's interceptor ran, without credentials");
    assertEquals(okhttp3.Credentials.basic(TOKEN, "api_token"), server.takeRequest().getHeader("Authorization"));
  }

  @Test
  void theCallersCookieJarIsBypassed() throws Exception {
    List<String> jarSaw = Collections.synchronizedList(new ArrayList<String>());
    okhttp3.CookieJar leaky = new okhttp3.CookieJar() {
      @Override
      public void saveFromResponse(okhttp3.HttpUrl url, List<okhttp3.Cookie> cookies) {
        jarSaw.add("save " + cookies);
      }

      @Override
      public List<okhttp3.Cookie> loadForRequest(okhttp3.HttpUrl url) {
        jarSaw.add("load");
        return Collections.emptyList();
      }
    };
    client.setHttpClient(new OkHttpClient.Builder().cookieJar(leaky).build());
    server.enqueue(json("{\"id\":1}").addHeader("Set-Cookie", "timer-session=jarsecret; Path=/"));
    api.meSessionsPost(null);
    assertEquals(Collections.emptyList(), jarSaw);
    assertEquals("jarsecret", client.getSession().getCookies().get(0).value());
  }

  @Test
  void apiResponseToStringHidesStringResults() throws Exception {
    server.enqueue(json("\"" + TOKEN + "\""));
    ApiResponse<String> response = api.postResetTokenWithHttpInfo();
    assertEquals(TOKEN, response.getData());
    assertEquals("ApiResponse{statusCode=200, data=(31 characters)}", response.toString());
    server.enqueue(json("{\"enabled\":true}"));
    assertEquals("ApiResponse{statusCode=200, data=SsoState{enabled=true}}",
        api.patchWorkspaceSsoWithHttpInfo(1L, new SsoState().enabled(true)).toString());
  }

  @Test
  void settingAUserNameLeavesApiTokenMode() throws Exception {
    client.setApiToken(TOKEN).setUsername("ada@example.com");
    assertNull(client.getCredentials(), "an email with the literal api_token password would be nonsense");
    client.setPassword(PASSWORD);
    assertFalse(client.getCredentials().isApiToken());
    client.setApiToken(null);
    assertNull(client.getCredentials());
  }

  @Test
  void credentialsNeverFollowTheClientToAnotherOrigin() {
    ApiClient secured = new ApiClient().setBasePath("https://api.track.toggl.com/api/v9").setApiToken(TOKEN);
    for (String elsewhere : new String[] {"https://evil.example.com/api/v9", "http://api.track.toggl.com/api/v9",
        "https://api.track.toggl.com:8443/api/v9"}) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> secured.setBasePath(elsewhere));
      assertFalse(e.getMessage().contains(TOKEN));
      assertEquals("https://api.track.toggl.com/api/v9", secured.getBasePath(), "unchanged after " + elsewhere);
    }
    secured.setBasePath("https://api.track.toggl.com/api/v10"); // same origin: fine
    new ApiClient().setBasePath("http://localhost:1/api/v9"); // no credentials yet: fine
  }

  @Test
  void configurationHoldsTheDefaultClient() {
    ApiClient original = Configuration.getDefaultApiClient();
    try {
      assertSame(original, Configuration.getDefaultApiClient());
      Configuration.setDefaultApiClient(client);
      assertSame(client, new AuthenticationApi().getApiClient());
      assertThrows(NullPointerException.class, () -> Configuration.setDefaultApiClient(null));
    } finally {
      Configuration.setDefaultApiClient(original);
    }
  }

  private static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  static void awaitDispatcherIdle(ApiClient client) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (client.getHttpClient().dispatcher().runningCallsCount() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(0, client.getHttpClient().dispatcher().runningCallsCount());
  }

  /** Counts callbacks, to prove each async call gets exactly one. */
  static final class Recorder<T> implements ApiCallback<T> {
    final AtomicInteger successes = new AtomicInteger();
    final AtomicInteger failures = new AtomicInteger();
    final AtomicInteger status = new AtomicInteger(-1);
    final AtomicReference<ApiException> error = new AtomicReference<>();
    private final CountDownLatch done = new CountDownLatch(1);

    @Override
    public void onFailure(ApiException e, int statusCode, Map<String, List<String>> headers) {
      failures.incrementAndGet();
      status.set(statusCode);
      error.set(e);
      done.countDown();
    }

    @Override
    public void onSuccess(T result, int statusCode, Map<String, List<String>> headers) {
      successes.incrementAndGet();
      status.set(statusCode);
      done.countDown();
    }

    boolean await(long time, TimeUnit unit) throws InterruptedException {
      return done.await(time, unit);
    }

    void awaitIdle(ApiClient client) throws InterruptedException {
      assertTrue(done.await(10, TimeUnit.SECONDS), "no callback");
      awaitDispatcherIdle(client);
    }
  }
}
