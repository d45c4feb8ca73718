package io.github.togglapi.client.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import io.github.togglapi.client.ApiClient;
import io.github.togglapi.client.ApiException;
import io.github.togglapi.client.AuthenticationException;
import io.github.togglapi.client.NetworkException;
import io.github.togglapi.client.NotFoundException;
import io.github.togglapi.client.PermissionException;
import io.github.togglapi.client.QuotaExceededException;
import io.github.togglapi.client.RateLimitException;
import io.github.togglapi.client.ServerException;
import io.github.togglapi.client.api.AuthenticationApi;
import io.github.togglapi.client.api.ClientsApi;
import io.github.togglapi.client.api.MeApi;
import io.github.togglapi.client.api.TagsApi;
import io.github.togglapi.client.api.TimeEntriesApi;
import io.github.togglapi.client.model.ClientPayload;
import io.github.togglapi.client.model.MePostUser;
import io.github.togglapi.client.model.ModelsClient;
import io.github.togglapi.client.model.ModelsTimeEntry;
import io.github.togglapi.client.model.TimeentryPayload;
import io.github.togglapi.client.testing.EmbeddedTogglServer.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each {@link Fault} through the SDK, to the exception its answer stands for, and the client's
 * retries around it (counted with {@link EmbeddedTogglServer#requestCount()}), over HTTPS and plain
 * HTTP. Retry delays are kept to milliseconds.
 */
class FaultsTest {
  private static final String PASSWORD = "correct-horse-battery";

  private EmbeddedTogglServer toggl;
  private Account ada;
  private long ws;

  private void start(boolean https) {
    toggl = https ? EmbeddedTogglServer.startHttps() : EmbeddedTogglServer.startHttp();
    ada = toggl.createAccount("ada@example.com", PASSWORD);
    ws = ada.getWorkspaceId();
  }

  @AfterEach
  void stop() {
    if (toggl != null) {
      toggl.close(); // fails the test if any traffic broke api/openapi.yaml
    }
  }

  /** Signed in as Ada, with retries that wait milliseconds, not seconds. */
  private ApiClient client() {
    return toggl.newApiClient().setApiToken(ada.getApiToken())
        .setInitialRetryDelay(Duration.ofMillis(5)).setMaxRetryWait(Duration.ofMillis(500));
  }

  // ---- each status to its exception ------------------------------------------------------------

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void unauthorizedIsAnAuthenticationException(boolean https) {
    start(https);
    toggl.inject(Fault.unauthorized());
    AuthenticationException e = assertThrows(AuthenticationException.class, () -> new MeApi(client()).getMe(null));
    assertEquals(401, e.getCode());
    assertEquals("\"Incorrect username and/or password\"", e.getResponseBody());
    assertEquals(1, toggl.requestCount(), "a 401 is not retried");
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void quotaExceededSaysWhenItResetsAndIsNeverRetried(boolean https) throws ApiException {
    start(https);
    toggl.inject(Fault.quotaExceeded(Duration.ofMinutes(20)));
    QuotaExceededException e = assertThrows(QuotaExceededException.class, () -> new MeApi(client()).getMe(null));
    assertEquals(402, e.getCode());
    assertEquals(Duration.ofMinutes(20), e.getResetsIn());
    assertEquals(Integer.valueOf(0), e.getRemaining());
    assertEquals("\"You have hit your hourly limit for API calls. Your quota will reset in 1200 seconds.\"", e.getResponseBody());
    assertTrue(e.getMessage().contains("quota frees requests in 1200 s"), e.getMessage());
    assertEquals(1, toggl.requestCount(), "402 is never retried");

    toggl.inject(Fault.quotaExceeded(Duration.ofSeconds(30)));
    TimeEntriesApi entries = new TimeEntriesApi(client());
    QuotaExceededException post = assertThrows(QuotaExceededException.class,
        () -> entries.createTimeEntry(ws, entry(), null));
    assertEquals(Duration.ofSeconds(30), post.getResetsIn());
    assertEquals(2, toggl.requestCount());
    assertTrue(entries.getTimeEntries(null, null, "2024-12-15", "2024-12-16", null, null).isEmpty(),
        "the fault stood in for the service: nothing was created");
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void forbiddenIsAPermissionException(boolean https) {
    start(https);
    toggl.inject(Fault.forbidden());
    PermissionException e = assertThrows(PermissionException.class, () -> new MeApi(client()).getMe(null));
    assertEquals(403, e.getCode());
    assertEquals("\"User does not have access to this resource.\"", e.getResponseBody());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void notFoundIsANotFoundException(boolean https) {
    start(https);
    toggl.inject(Fault.notFound());
    NotFoundException e = assertThrows(NotFoundException.class, () -> new MeApi(client()).getMe(null));
    assertEquals(404, e.getCode());
    assertEquals("\"Resource can not be found\"", e.getResponseBody());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void anyOtherStatusIsAPlainApiException(boolean https) {
    start(https);
    toggl.inject(Fault.status(418, "I'm a teapot"));
    ApiException e = assertThrows(ApiException.class, () -> new MeApi(client()).getMe(null));
    assertSame(ApiException.class, e.getClass());
    assertEquals(418, e.getCode());
    assertEquals("\"I'm a teapot\"", e.getResponseBody());
    assertTrue(e.getMessage().endsWith("failed with HTTP 418: I'm a teapot"), e.getMessage());
  }

  // ---- 429 -------------------------------------------------------------------------------------

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void rateLimitedIsARateLimitExceptionWithRetryAfter(boolean https) {
    start(https);
    toggl.inject(Fault.rateLimited(Duration.ofSeconds(1)));
    RateLimitException e = assertThrows(RateLimitException.class, () -> new MeApi(client().setMaxRetries(0)).getMe(null));
    assertEquals(429, e.getCode());
    assertEquals(Duration.ofSeconds(1), e.getRetryAfter());
    assertEquals("\"Too Many Requests\"", e.getResponseBody());
    assertEquals(1, toggl.requestCount(), "setMaxRetries(0): no retry");
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void aRetryAfterLongerThanTheClientWaitsFailsAtOnce(boolean https) {
    start(https);
    toggl.inject(Fault.rateLimited(Duration.ofSeconds(1)));
    RateLimitException e = assertThrows(RateLimitException.class, () -> new MeApi(client()).getMe(null)); // waits at most 500 ms
    assertEquals(Duration.ofSeconds(1), e.getRetryAfter());
    assertEquals(1, toggl.requestCount(), "not retried: the wait asked for is longer than the client's longest");
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void theClientRetriesA429ThenSucceeds(boolean https) throws ApiException {
    start(https);
    toggl.inject(Fault.rateLimited(Duration.ZERO));
    assertEquals(ada.getId(), new MeApi(client()).getMe(null).getId().longValue());
    assertEquals(2, toggl.requestCount());

    toggl.inject(Fault.rateLimited(Duration.ZERO).times(2).onlyFor("createTimeEntry"));
    TimeEntriesApi entries = new TimeEntriesApi(client());
    ModelsTimeEntry created = entries.createTimeEntry(ws, entry(), null);
    assertEquals(5, toggl.requestCount(), "a 429 is retried for a POST too: nothing was done");
    assertEquals(1, entries.getTimeEntries(null, null, "2024-12-15", "2024-12-16", null, null).size(), "created once");
    assertEquals(created.getId(), entries.getTimeEntries(null, null, "2024-12-15", "2024-12-16", null, null).get(0).getId());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void a429ThatOutlastsTheRetriesIsThrown(boolean https) {
    start(https);
    toggl.inject(Fault.rateLimited(Duration.ZERO).times(4));
    RateLimitException e = assertThrows(RateLimitException.class, () -> new MeApi(client()).getMe(null));
    assertEquals(Duration.ZERO, e.getRetryAfter());
    assertEquals(4, toggl.requestCount(), "the first try and 3 retries");
  }

  // ---- 5xx -------------------------------------------------------------------------------------

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void aServerErrorKeepsItsJsonBodyAndA500IsNotRetried(boolean https) {
    start(https);
    toggl.inject(Fault.serverError(500));
    ServerException e = assertThrows(ServerException.class, () -> new MeApi(client()).getMe(null));
    assertEquals(500, e.getCode());
    assertEquals("\"Internal Server Error\"", e.getResponseBody());
    assertTrue(e.getMessage().endsWith("failed with HTTP 500: Internal Server Error"), e.getMessage());
    assertEquals(1, toggl.requestCount());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void aProxysHtmlPageIsAServerExceptionWithThePageKept(boolean https) {
    start(https);
    toggl.inject(Fault.proxyErrorPage(502).times(4));
    ServerException e = assertThrows(ServerException.class, () -> new MeApi(client()).getMe(null));
    assertEquals(502, e.getCode());
    assertTrue(e.getResponseBody().contains("<title>502 Bad Gateway</title>"), e.getResponseBody());
    assertTrue(e.getResponseBody().contains("nginx"));
    assertTrue(e.getMessage().contains("(HTML body, " + e.getResponseBody().length() + " characters)"), e.getMessage());
    assertEquals(4, toggl.requestCount(), "a 502 is retried for a GET");
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void a503IsRetriedForGetAndPutButNotForPost(boolean https) throws ApiException {
    start(https);
    toggl.inject(Fault.serverError(503));
    assertEquals(ada.getId(), new MeApi(client()).getMe(null).getId().longValue());
    assertEquals(2, toggl.requestCount(), "GET: retried, then the real answer");

    ClientsApi clients = new ClientsApi(client());
    toggl.inject(Fault.serverError(503));
    ServerException post = assertThrows(ServerException.class, () -> clients.postWorkspaceClients(ws, new ClientPayload().name("Acme")));
    assertEquals(503, post.getCode());
    assertEquals(3, toggl.requestCount(), "POST: sent once");
    assertTrue(clients.getWorkspaceClients(ws, null, null).isEmpty(), "and nothing was created");

    ModelsClient acme = clients.postWorkspaceClients(ws, new ClientPayload().name("Acme"));
    int before = toggl.requestCount();
    toggl.inject(Fault.proxyErrorPage(504));
    assertEquals("Acme Corp", clients.putWorkspaceClients(ws, acme.getId(), new ClientPayload().name("Acme Corp")).getName());
    assertEquals(before + 2, toggl.requestCount(), "PUT: retried");
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void timesCountsTheCallsAFaultTakes(boolean https) throws ApiException {
    start(https);
    toggl.inject(Fault.serverError(503).times(3));
    assertEquals(ada.getId(), new MeApi(client()).getMe(null).getId().longValue());
    assertEquals(4, toggl.requestCount(), "three 503s, then the answer, within 3 retries");
    toggl.inject(Fault.serverError(503).times(4));
    assertEquals(503, assertThrows(ServerException.class, () -> new MeApi(client()).getMe(null)).getCode());
    assertEquals(8, toggl.requestCount());
    new MeApi(client()).getMe(null); // the fault is used up
  }

  // ---- no (complete) answer --------------------------------------------------------------------

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void aSlowAnswerTimesOut(boolean https) {
    start(https);
    toggl.inject(Fault.slow(Duration.ofMillis(400)));
    ApiClient impatient = client().setReadTimeout(Duration.ofMillis(100)).setMaxRetries(0);
    NetworkException e = assertThrows(NetworkException.class, () -> new MeApi(impatient).getMe(null));
    assertTrue(e.isTimeout(), e.getMessage());
    assertFalse(e.isCancelled());
    assertEquals(0, e.getCode());
    assertTrue(e.getMessage().contains("timed out"), e.getMessage());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void aSlowAnswerIsRetriedForGetAndWaitedForWithinTheTimeout(boolean https) throws ApiException {
    start(https);
    toggl.inject(Fault.slow(Duration.ofMillis(400)));
    assertEquals(ada.getId(), new MeApi(client().setReadTimeout(Duration.ofMillis(100))).getMe(null).getId().longValue());
    assertEquals(2, toggl.requestCount());
    toggl.inject(Fault.slow(Duration.ofMillis(50)));
    long started = System.nanoTime();
    assertEquals(ada.getId(), new MeApi(client()).getMe(null).getId().longValue());
    assertTrue(System.nanoTime() - started >= 50_000_000L, "the answer came after the delay");
    assertEquals(3, toggl.requestCount());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void aBrokenBodyIsANetworkExceptionThatKeepsTheStatus(boolean https) throws ApiException {
    start(https);
    MeApi me = new MeApi(client().setMaxRetries(0));
    me.getMe(null); // over HTTP/2 a new connection's first answer may be lost whole when the socket closes
    toggl.inject(Fault.brokenBody());
    NetworkException e = assertThrows(NetworkException.class, () -> me.getMe(null));
    assertEquals(200, e.getCode(), "the status line arrived");
    assertFalse(e.isTimeout());
    assertTrue(e.getMessage().contains("body broke off"), e.getMessage());

    toggl.inject(Fault.brokenBody());
    assertEquals(ada.getId(), new MeApi(client()).getMe(null).getId().longValue(), "a GET is retried");
    assertEquals(4, toggl.requestCount());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void aPostWhoseBodyBrokeOffIsNotSentAgainThoughItTookEffect(boolean https) throws ApiException {
    start(https);
    toggl.inject(Fault.brokenBody().onlyFor("createTimeEntry"));
    TimeEntriesApi entries = new TimeEntriesApi(client());
    assertThrows(NetworkException.class, () -> entries.createTimeEntry(ws, entry(), null));
    assertEquals(1, toggl.requestCount(), "a POST is never sent twice");
    assertEquals(1, entries.getTimeEntries(null, null, "2024-12-15", "2024-12-16", null, null).size(),
        "the service's own answer was broken: the entry exists");
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void aDisconnectIsANetworkExceptionForAPostAndRetriedForAGet(boolean https) throws ApiException {
    start(https);
    ClientsApi clients = new ClientsApi(client());
    toggl.inject(Fault.disconnect());
    NetworkException e = assertThrows(NetworkException.class, () -> clients.postWorkspaceClients(ws, new ClientPayload().name("Acme")));
    assertEquals(0, e.getCode());
    assertFalse(e.isTimeout());
    assertEquals(1, toggl.requestCount(), "not sent again");
    assertTrue(clients.getWorkspaceClients(ws, null, null).isEmpty(), "no answer, and nothing done");

    toggl.inject(Fault.disconnect());
    assertEquals(ada.getId(), new MeApi(client()).getMe(null).getId().longValue());
    assertEquals(4, toggl.requestCount(), "the GET was retried");
  }

  // ---- when faults apply -----------------------------------------------------------------------

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void anAlwaysFaultLastsUntilClearFaults(boolean https) throws ApiException {
    start(https);
    toggl.inject(Fault.forbidden().always());
    MeApi me = new MeApi(client());
    for (int i = 0; i < 3; i++) {
      assertThrows(PermissionException.class, () -> me.getMe(null));
    }
    assertThrows(PermissionException.class, () -> new TagsApi(client()).getWorkspaceTags(ws));
    toggl.clearFaults();
    assertEquals(ada.getId(), me.getMe(null).getId().longValue());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void onlyForCountsOnlyCallsToThatOperation(boolean https) throws ApiException {
    start(https);
    ClientsApi clients = new ClientsApi(client());
    ModelsClient acme = clients.postWorkspaceClients(ws, new ClientPayload().name("Acme"));
    toggl.inject(Fault.notFound().onlyFor("getWorkspaceClient").times(2));
    new MeApi(client()).getMe(null);
    assertEquals(1, clients.getWorkspaceClients(ws, null, null).size(), "other operations pass and do not count");
    assertThrows(NotFoundException.class, () -> clients.getWorkspaceClient(ws, acme.getId()));
    assertThrows(NotFoundException.class, () -> clients.getWorkspaceClient(ws, acme.getId()));
    assertEquals("Acme", clients.getWorkspaceClient(ws, acme.getId()).getName(), "two calls took it");
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void faultsApplyInTheOrderQueuedAndACallTakesOne(boolean https) throws ApiException {
    start(https);
    toggl.inject(Fault.notFound().onlyFor("getTags"));
    toggl.inject(Fault.unauthorized());
    toggl.inject(Fault.forbidden());
    MeApi me = new MeApi(client());
    assertThrows(AuthenticationException.class, () -> me.getMe(null), "the first fault that applies");
    assertThrows(PermissionException.class, () -> me.getMe(null));
    me.getMe(null);
    assertThrows(NotFoundException.class, () -> me.getTags(null), "waited for its operation");
    assertTrue(me.getTags(null).isEmpty());
  }

  @Test
  void aFaultedRequestIsStillCheckedAgainstTheSpecFirst() throws ApiException {
    start(true);
    toggl.inject(Fault.forbidden());
    ApiException refused = assertThrows(ApiException.class,
        () -> new AuthenticationApi(toggl.newApiClient()).postSignup(new MePostUser().email("bob@example.com").tosAccepted(true)));
    assertEquals(400, refused.getCode(), "the validator's refusal, not the fault");
    List<String> violations = toggl.takeViolations();
    assertEquals(1, violations.size(), violations.toString());
    assertThrows(PermissionException.class, () -> new MeApi(client()).getMe(null), "the fault is still queued");
    new MeApi(client()).getMe(null);
  }

  // ---- the faults themselves -------------------------------------------------------------------

  @Test
  void injectRefusesAnOperationTheSpecDoesNotHave() {
    start(false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> toggl.inject(Fault.notFound().onlyFor("getEverything")));
    assertEquals("api/openapi.yaml has no operation getEverything", e.getMessage());
    toggl.inject(Fault.notFound().onlyFor("getMeFeatures")); // in the spec, though the server does not implement it
  }

  @Test
  void aFaultSaysWhatItDoes() {
    assertEquals("Fault{429 rate limit, retryAfter=PT1S, times=1}", Fault.rateLimited(Duration.ofSeconds(1)).toString());
    assertEquals("Fault{402 quota, resetsIn=PT20M, times=always, onlyFor=getMe}",
        Fault.quotaExceeded(Duration.ofMinutes(20)).onlyFor("getMe").always().toString());
    assertEquals("Fault{503 answer, times=2}", Fault.serverError(503).times(2).toString());
    assertEquals("Fault{502 html, times=1}", Fault.proxyErrorPage(502).toString());
    assertEquals("Fault{slow, delay=PT0.5S, times=1}", Fault.slow(Duration.ofMillis(500)).toString());
    assertEquals("Fault{broken body, times=1, onlyFor=createTimeEntry}", Fault.brokenBody().onlyFor("createTimeEntry").toString());
    assertEquals("Fault{disconnect, times=1}", Fault.disconnect().toString());
    assertEquals("Fault{401 answer, times=1}", Fault.unauthorized().toString());
  }

  @Test
  void aFaultIsImmutable() {
    Fault once = Fault.forbidden();
    Fault twice = once.times(2);
    Fault scoped = twice.onlyFor("getMe");
    assertEquals("Fault{403 answer, times=1}", once.toString());
    assertEquals("Fault{403 answer, times=2}", twice.toString());
    assertEquals("Fault{403 answer, times=2, onlyFor=getMe}", scoped.toString());
    assertEquals("Fault{403 answer, times=always, onlyFor=getMe}", scoped.always().toString());
    assertNull(once.operationId());
  }

  @Test
  void theFactoriesRefuseBadArguments() {
    assertThrows(NullPointerException.class, () -> Fault.rateLimited(null));
    assertThrows(IllegalArgumentException.class, () -> Fault.rateLimited(Duration.ofSeconds(-1)));
    assertThrows(NullPointerException.class, () -> Fault.quotaExceeded(null));
    assertThrows(IllegalArgumentException.class, () -> Fault.quotaExceeded(Duration.ofMillis(-1)));
    assertThrows(NullPointerException.class, () -> Fault.slow(null));
    assertThrows(IllegalArgumentException.class, () -> Fault.slow(Duration.ofSeconds(-5)));
    assertEquals("status must be 500 to 599: 404", assertThrows(IllegalArgumentException.class, () -> Fault.serverError(404)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Fault.serverError(600));
    assertThrows(IllegalArgumentException.class, () -> Fault.proxyErrorPage(499));
    assertEquals("status must be 400 to 599: 399", assertThrows(IllegalArgumentException.class, () -> Fault.status(399, "x")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Fault.status(600, "x"));
    assertThrows(NullPointerException.class, () -> Fault.status(400, null));
    assertEquals("count must be at least 1: 0", assertThrows(IllegalArgumentException.class, () -> Fault.forbidden().times(0)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Fault.forbidden().times(-3));
    assertThrows(NullPointerException.class, () -> Fault.forbidden().onlyFor(null));
  }

  private TimeentryPayload entry() {
    return new TimeentryPayload().createdWith("toggl-api-java tests").workspaceId(ws)
        .start(OffsetDateTime.parse("2024-12-15T09:00:00Z")).duration(600L);
  }
}
