package io.github.togglapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import io.github.togglapi.client.api.AuthenticationApi;
import io.github.togglapi.client.auth.Session;
import io.github.togglapi.client.model.MePostSessionHandlerRequestBody;
import io.github.togglapi.client.model.ModelsUser;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cookie session life cycle, over HTTPS with Toggl's real cookie attributes. */
class SessionTest {
  private static final String COOKIE = "__Host-timer-session";
  private static final String SESSION_VALUE = "MTcwMDAwMDAwMHxzZXNzaW9uLXNlY3JldA";

  private final MockWebServer server = new MockWebServer();
  private ApiClient client;
  private AuthenticationApi api;

  @BeforeEach
  void start() throws Exception {
    Tls.serveHttps(server);
    server.start();
    client = new ApiClient(Tls.trustingClient()).setBasePath(server.url("/api/v9").toString());
    api = new AuthenticationApi(client);
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  @Test
  void logInCallAndLogOutWithTheSessionCookieAlone() throws Exception {
    client.setUsername("ada@example.com").setPassword("s3cret-pass");
    server.enqueue(signedIn("Max-Age=86400"));
    ModelsUser user = api.meSessionsPost(new MePostSessionHandlerRequestBody().rememberMe(true));
    assertEquals("ada@example.com", user.getEmail());
    RecordedRequest login = server.takeRequest(1, TimeUnit.SECONDS);
    assertTrue(login.getHeader("Authorization").startsWith("Basic "), "log in sends the credentials");
    assertEquals("{\"remember_me\":true}", login.getBody().readUtf8());
    assertNull(login.getHeader("Cookie"));

    // No credentials from now on: the cookie alone authenticates.
    client.setUsername(null).setPassword(null);
    server.enqueue(json("{\"config\":{\"domain\":\"example.com\"}}"));
    assertEquals("example.com", api.getWorkspaceSso(42L).getConfig().getDomain());
    RecordedRequest call = server.takeRequest(1, TimeUnit.SECONDS);
    assertEquals(COOKIE + "=" + SESSION_VALUE, call.getHeader("Cookie"));
    assertNull(call.getHeader("Authorization"));

    // The server ends the session but does not expire the cookie; the client forgets it anyway.
    server.enqueue(new MockResponse().setResponseCode(200));
    api.meSessionsDelete();
    RecordedRequest logout = server.takeRequest(1, TimeUnit.SECONDS);
    assertEquals(COOKIE + "=" + SESSION_VALUE, logout.getHeader("Cookie"));
    assertEquals("application/json", logout.getHeader("Accept"));
    assertTrue(client.getSession().isEmpty());

    server.enqueue(new MockResponse().setResponseCode(401).setBody("\"Unauthorized\""));
    ApiException e = assertThrows(ApiException.class, () -> api.getWorkspaceSso(42L));
    assertEquals(401, e.getCode());
    assertNull(server.takeRequest(1, TimeUnit.SECONDS).getHeader("Cookie"));
  }

  @Test
  void aFailedLogoutKeepsTheSession() throws Exception {
    server.enqueue(signedIn(""));
    api.meSessionsPost(null);
    server.enqueue(new MockResponse().setResponseCode(500).setBody("\"oops\""));
    assertThrows(ApiException.class, () -> api.meSessionsDelete());
    assertFalse(client.getSession().isEmpty());
  }

  @Test
  void publicOperationsNeverSendTheCookieOrCredentials() throws Exception {
    client.setApiToken("0123456789abcdef0123456789abcdef");
    server.enqueue(signedIn(""));
    api.meSessionsPost(null);
    server.takeRequest();
    server.enqueue(json("{\"sso_url\":\"https://idp.example.com/sso\"}"));
    api.getSaml2LoginUrl("ada@example.com", null, null);
    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertNull(request.getHeader("Cookie"));
    assertNull(request.getHeader("Authorization"));
  }

  @Test
  void signupAndTheSaml2CallbackSendNoCookieEither() throws Exception {
    server.enqueue(signedIn(""));
    api.meSessionsPost(null);
    server.takeRequest();
    server.enqueue(json("{\"id\":2}"));
    api.postSignup(new io.github.togglapi.client.model.MePostUser().email("b@example.com").password("pw").tosAccepted(true));
    assertNull(server.takeRequest(1, TimeUnit.SECONDS).getHeader("Cookie"));
    server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", server.url("/landed")));
    api.postSaml2Callback(1L, "PHNhbWw+", null);
    assertNull(server.takeRequest(1, TimeUnit.SECONDS).getHeader("Cookie"));
  }

  @Test
  void expiredCookiesAreNeitherSentNorKept() throws Exception {
    okhttp3.Cookie expired = new okhttp3.Cookie.Builder().name(COOKIE).value(SESSION_VALUE)
        .hostOnlyDomain(server.getHostName()).path("/").secure().httpOnly()
        .expiresAt(System.currentTimeMillis() - 1000).build();
    client.setSession(new Session(java.util.Collections.singletonList(expired)));
    assertTrue(client.getSession().isEmpty(), "a snapshot leaves expired cookies out");
    server.enqueue(json("\"ok\""));
    api.postResetToken();
    assertNull(server.takeRequest(1, TimeUnit.SECONDS).getHeader("Cookie"));
  }

  @Test
  void clearSessionForgetsTheCookieWithoutCallingTheServer() throws Exception {
    server.enqueue(signedIn(""));
    api.meSessionsPost(null);
    assertFalse(client.getSession().isEmpty());
    client.clearSession();
    assertTrue(client.getSession().isEmpty());
    assertTrue(Session.empty().isEmpty());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void theSaml2CallbackSignsInWithoutFollowingTheRedirect() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(302)
        .setHeader("Location", server.url("/landed"))
        .addHeader("Set-Cookie", COOKIE + "=" + SESSION_VALUE + "; Path=/; Secure; HttpOnly"));
    ApiResponse<Void> response = api.postSaml2CallbackWithHttpInfo(7L, "PHNhbWw+", "state");
    assertEquals(302, response.getStatusCode());
    assertEquals(server.url("/landed").toString(), response.getHeader("location"));
    assertEquals(1, server.getRequestCount());
    assertEquals(SESSION_VALUE, client.getSession().getCookies().get(0).value());
  }

  @Test
  void aSessionSurvivesARestart() throws Exception {
    server.enqueue(signedIn("Max-Age=86400"));
    api.meSessionsPost(new MePostSessionHandlerRequestBody().rememberMe(true));
    server.takeRequest();
    String saved = client.getSession().encode();
    assertFalse(client.getSession().toString().contains(SESSION_VALUE), client.getSession().toString());

    ApiClient restarted = new ApiClient(Tls.trustingClient()).setBasePath(client.getBasePath());
    restarted.setSession(Session.decode(saved));
    server.enqueue(json("\"ok\""));
    assertEquals("ok", new AuthenticationApi(restarted).deleteWorkspaceSso(5L));
    assertEquals(COOKIE + "=" + SESSION_VALUE, server.takeRequest(1, TimeUnit.SECONDS).getHeader("Cookie"));
    Session restored = restarted.getSession();
    assertTrue(restored.getCookies().get(0).persistent(), "the expiry is kept");
    assertTrue(restored.getCookies().get(0).secure());
    assertThrows(IllegalArgumentException.class, () -> Session.decode("garbage without a tab"));
  }

  @Test
  void twoClientsNeverShareASession() throws Exception {
    server.enqueue(signedIn(""));
    api.meSessionsPost(null);
    server.takeRequest();
    ApiClient other = new ApiClient(Tls.trustingClient()).setBasePath(client.getBasePath());
    server.enqueue(json("\"ok\""));
    new AuthenticationApi(other).postResetToken();
    assertNull(server.takeRequest(1, TimeUnit.SECONDS).getHeader("Cookie"));
    assertTrue(other.getSession().isEmpty());
  }

  @Test
  void theCookieStaysWithItsHostWhenTheBasePathChanges() throws Exception {
    server.enqueue(signedIn(""));
    api.meSessionsPost(null);
    server.takeRequest();
    // Same server, other host name: a host-only cookie must not follow.
    String host = server.getHostName().equals("localhost") ? "127.0.0.1" : "localhost";
    String otherHost = server.url("/api/v9").newBuilder().host(host).build().toString();
    client.setBasePath(otherHost);
    server.enqueue(json("\"ok\""));
    api.postResetToken();
    assertNull(server.takeRequest(1, TimeUnit.SECONDS).getHeader("Cookie"));
  }

  @Test
  void switchingTheHttpClientKeepsTheSessionAndCredentials() throws Exception {
    client.setApiToken("0123456789abcdef0123456789abcdef");
    server.enqueue(signedIn(""));
    api.meSessionsPost(null);
    server.takeRequest();
    client.setHttpClient(Tls.trustingClient().newBuilder().readTimeout(5, TimeUnit.SECONDS).build());
    assertEquals(5000, client.getReadTimeout());
    server.enqueue(json("\"ok\""));
    api.postResetToken();
    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertEquals(COOKIE + "=" + SESSION_VALUE, request.getHeader("Cookie"));
    assertEquals(okhttp3.Credentials.basic("0123456789abcdef0123456789abcdef", "api_token"),
        request.getHeader("Authorization"));
  }

  private static MockResponse signedIn(String extraAttributes) {
    String cookie = COOKIE + "=" + SESSION_VALUE + "; Path=/; Secure; HttpOnly; SameSite=Lax"
        + (extraAttributes.isEmpty() ? "" : "; " + extraAttributes);
    return json("{\"id\":1,\"email\":\"ada@example.com\",\"api_token\":\"tok\"}").addHeader("Set-Cookie", cookie);
  }

  private static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json; charset=utf-8").setBody(body);
  }
}
