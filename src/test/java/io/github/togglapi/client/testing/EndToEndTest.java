package io.github.togglapi.client.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.github.togglapi.client.ApiClient;
import io.github.togglapi.client.ApiException;
import io.github.togglapi.client.ApiResponse;
import io.github.togglapi.client.api.AuthenticationApi;
import io.github.togglapi.client.auth.Session;
import io.github.togglapi.client.model.MePostSessionHandlerRequestBody;
import io.github.togglapi.client.model.MePostUser;
import io.github.togglapi.client.model.ModelsSSOConfig;
import io.github.togglapi.client.model.ModelsTogglUser;
import io.github.togglapi.client.model.SsoConfirmation;
import io.github.togglapi.client.model.SsoState;
import io.github.togglapi.client.testing.EmbeddedTogglServer.Account;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SDK against the embedded server, over HTTPS and plain HTTP, with the spec validator on: the
 * happy paths and the ways they fail in production.
 */
class EndToEndTest {
  private static final String PASSWORD = "correct-horse-battery";

  private EmbeddedTogglServer toggl;

  private EmbeddedTogglServer start(boolean https) {
    toggl = https ? EmbeddedTogglServer.startHttps() : EmbeddedTogglServer.startHttp();
    return toggl;
  }

  @AfterEach
  void stop() {
    if (toggl != null) {
      toggl.close(); // fails the test if any traffic broke api/openapi.yaml
    }
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void signUpLogInAndUseTheSession(boolean https) throws ApiException {
    start(https);
    ApiClient client = toggl.newApiClient();
    AuthenticationApi api = new AuthenticationApi(client);
    ModelsTogglUser user = api.postSignup(new MePostUser().email("ada@example.com").password(PASSWORD).tosAccepted(true));
    assertTrue(user.getId() > Integer.MAX_VALUE);
    assertTrue(user.getDefaultWorkspaceId() > Integer.MAX_VALUE);
    assertEquals("ada", user.getFullname());
    assertEquals("UTC", user.getTimezone());
    assertTrue(user.getCreatedAt().getNano() % 1000 == 0, "microsecond timestamps");

    client.setUsername("ada@example.com").setPassword(PASSWORD);
    api.meSessionsPost(new MePostSessionHandlerRequestBody().rememberMe(true));
    client.setUsername(null).setPassword(null);
    okhttp3.Cookie cookie = client.getSession().getCookies().get(0);
    assertEquals(https ? "__Host-timer-session" : "timer-session", cookie.name());
    assertEquals(https, cookie.secure());
    assertTrue(cookie.httpOnly());
    assertTrue(cookie.hostOnly(), "no Domain attribute");
    assertEquals("/", cookie.path());
    long hours = Duration.ofMillis(cookie.expiresAt() - System.currentTimeMillis()).toHours();
    assertTrue(cookie.persistent() && hours >= 23 && hours <= 24, "remember_me makes a 24-hour cookie: " + hours);

    assertNull(api.getWorkspaceSso(user.getDefaultWorkspaceId()).getConfig());
    api.meSessionsDelete();
    assertTrue(client.getSession().isEmpty());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void withoutRememberMeTheCookieLastsAsLongAsTheClient(boolean https) throws ApiException {
    start(https);
    toggl.createAccount("ada@example.com", PASSWORD);
    ApiClient client = toggl.newApiClient().setUsername("ada@example.com").setPassword(PASSWORD);
    AuthenticationApi api = new AuthenticationApi(client);
    Account ada = toggl.account("ada@example.com");
    api.meSessionsPost(null);
    assertFalse(client.getSession().getCookies().get(0).persistent());
    client.setUsername(null).setPassword(null);
    toggl.advanceClock(Duration.ofDays(30));
    api.getWorkspaceSso(ada.getWorkspaceId()); // a browser session does not expire on the server's clock
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void theWholeWorkspaceSsoLifeCycle(boolean https) throws ApiException {
    start(https);
    Account ada = toggl.createAccount("ada@example.com", PASSWORD);
    AuthenticationApi api = new AuthenticationApi(toggl.newApiClient().setApiToken(ada.getApiToken()));
    long workspace = ada.getWorkspaceId();

    ModelsSSOConfig saved = api.postWorkspaceSso(workspace, config("example.com"));
    assertEquals("example.com", saved.getDomain());
    assertTrue(saved.getEnabled());
    assertTrue(saved.getSharedSsoProfileId() > Integer.MAX_VALUE);
    assertEquals(saved, api.getWorkspaceSso(workspace).getConfig());
    assertFalse(api.patchWorkspaceSso(workspace, new SsoState().enabled(false)).getEnabled());
    ApiException disabled = assertThrows(ApiException.class, () -> api.getSaml2LoginUrl("grace@example.com", null, null));
    assertEquals(404, disabled.getCode());
    assertTrue(api.patchWorkspaceSso(workspace, new SsoState().enabled(true)).getEnabled());

    HttpUrl login = HttpUrl.get(api.getSaml2LoginUrl("grace@example.com", "webapp", "s1").getSsoUrl());
    assertEquals("idp.example.com", login.host());
    assertEquals("s1", login.queryParameter("RelayState"));

    assertEquals("SSO configuration removed", api.deleteWorkspaceSso(workspace));
    assertNull(api.getWorkspaceSso(workspace).getConfig());
    assertEquals(404, assertThrows(ApiException.class, () -> api.deleteWorkspaceSso(workspace)).getCode());
    assertEquals(404, assertThrows(ApiException.class,
        () -> api.patchWorkspaceSso(workspace, new SsoState().enabled(true))).getCode());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void theSaml2CallbackSignsInAndRedirects(boolean https) throws ApiException {
    start(https);
    Account ada = toggl.createAccount("ada@example.com", PASSWORD);
    new AuthenticationApi(toggl.newApiClient().setApiToken(ada.getApiToken()))
        .postWorkspaceSso(ada.getWorkspaceId(), config("example.com"));

    ApiClient browser = toggl.newApiClient();
    AuthenticationApi api = new AuthenticationApi(browser);
    ApiResponse<Void> redirect = api.postSaml2CallbackWithHttpInfo(ada.getWorkspaceId(),
        EmbeddedTogglServer.samlResponseFor("ada@example.com"), "client=webapp");
    assertEquals(302, redirect.getStatusCode());
    assertEquals("https://track.toggl.com/timer", redirect.getHeader("Location"));
    assertFalse(browser.getSession().isEmpty());
    assertEquals("example.com", api.getWorkspaceSso(ada.getWorkspaceId()).getConfig().getDomain(),
        "the SAML2 session authenticates");

    ApiException otherDomain = assertThrows(ApiException.class, () -> api.postSaml2Callback(ada.getWorkspaceId(),
        EmbeddedTogglServer.samlResponseFor("mallory@evil.example"), null));
    assertEquals(400, otherDomain.getCode());
    ApiException garbage = assertThrows(ApiException.class,
        () -> api.postSaml2Callback(ada.getWorkspaceId(), "not base64 at all", null));
    assertEquals(400, garbage.getCode());
    ApiException noSso = assertThrows(ApiException.class,
        () -> api.postSaml2Callback(ada.getWorkspaceId() + 1, EmbeddedTogglServer.samlResponseFor("ada@example.com"), null));
    assertEquals(404, noSso.getCode());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void enablingSsoNeedsTheIssuedCode(boolean https) throws ApiException {
    start(https);
    Account ada = toggl.createAccount("ada@example.com", PASSWORD);
    AuthenticationApi api = new AuthenticationApi(toggl.newApiClient().setApiToken(ada.getApiToken()));
    ApiException wrong = assertThrows(ApiException.class,
        () -> api.postEnableSso(new SsoConfirmation().confirmationCode("guess")));
    assertEquals(400, wrong.getCode());
    String code = toggl.newSsoConfirmationCode("ada@example.com");
    assertEquals("SSO enabled for ada@example.com", api.postEnableSso(new SsoConfirmation().confirmationCode(code)));
    assertEquals(400, assertThrows(ApiException.class,
        () -> api.postEnableSso(new SsoConfirmation().confirmationCode(code))).getCode(), "a code works once");
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void aWrongPasswordIsRefused(boolean https) {
    start(https);
    toggl.createAccount("ada@example.com", PASSWORD);
    AuthenticationApi api = new AuthenticationApi(toggl.newApiClient().setUsername("ada@example.com").setPassword("wrong-password"));
    ApiException e = assertThrows(ApiException.class, () -> api.meSessionsPost(null));
    assertEquals(401, e.getCode());
    assertEquals("\"Incorrect username and/or password\"", e.getResponseBody());
    assertTrue(e.getMessage().endsWith("failed with HTTP 401: Incorrect username and/or password"), e.getMessage());
    assertFalse(e.getMessage().contains("wrong-password"));
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void anExpiredSessionIsRefused(boolean https) throws ApiException {
    start(https);
    Account ada = toggl.createAccount("ada@example.com", PASSWORD);
    ApiClient client = toggl.newApiClient().setUsername("ada@example.com").setPassword(PASSWORD);
    AuthenticationApi api = new AuthenticationApi(client);
    api.meSessionsPost(new MePostSessionHandlerRequestBody().rememberMe(true));
    client.setUsername(null).setPassword(null);
    api.getWorkspaceSso(ada.getWorkspaceId());
    toggl.advanceClock(Duration.ofHours(25));
    ApiException e = assertThrows(ApiException.class, () -> api.getWorkspaceSso(ada.getWorkspaceId()));
    assertEquals(401, e.getCode());
    assertEquals("\"Session has expired\"", e.getResponseBody());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void aDeletedSessionIsRefusedEvenIfItsCookieWasKept(boolean https) throws ApiException {
    start(https);
    Account ada = toggl.createAccount("ada@example.com", PASSWORD);
    ApiClient client = toggl.newApiClient().setUsername("ada@example.com").setPassword(PASSWORD);
    AuthenticationApi api = new AuthenticationApi(client);
    api.meSessionsPost(null);
    client.setUsername(null).setPassword(null);
    Session copy = Session.decode(client.getSession().encode());
    api.meSessionsDelete();

    ApiClient stale = toggl.newApiClient().setSession(copy);
    ApiException e = assertThrows(ApiException.class,
        () -> new AuthenticationApi(stale).getWorkspaceSso(ada.getWorkspaceId()));
    assertEquals(401, e.getCode());
    assertEquals("\"Session has ended\"", e.getResponseBody());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void theOldTokenIsRefusedAfterAReset(boolean https) throws ApiException {
    start(https);
    Account ada = toggl.createAccount("ada@example.com", PASSWORD);
    AuthenticationApi old = new AuthenticationApi(toggl.newApiClient().setApiToken(ada.getApiToken()));
    String fresh = old.postResetToken();
    assertNotEquals(ada.getApiToken(), fresh);
    assertEquals(fresh, toggl.account("ada@example.com").getApiToken());
    assertEquals(401, assertThrows(ApiException.class, () -> old.getWorkspaceSso(ada.getWorkspaceId())).getCode());
    new AuthenticationApi(toggl.newApiClient().setApiToken(fresh)).getWorkspaceSso(ada.getWorkspaceId());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void onlyAWorkspaceAdminManagesSso(boolean https) throws ApiException {
    start(https);
    Account ada = toggl.createAccount("ada@example.com", PASSWORD);
    Account bob = toggl.createAccount("bob@example.com", PASSWORD);
    Account eve = toggl.createAccount("eve@example.com", PASSWORD);
    toggl.addMember(ada.getWorkspaceId(), "bob@example.com");

    AuthenticationApi member = new AuthenticationApi(toggl.newApiClient().setApiToken(bob.getApiToken()));
    ApiException notAdmin = assertThrows(ApiException.class, () -> member.getWorkspaceSso(ada.getWorkspaceId()));
    assertEquals(403, notAdmin.getCode());
    assertEquals(403, assertThrows(ApiException.class,
        () -> member.postWorkspaceSso(ada.getWorkspaceId(), config("example.com"))).getCode());
    AuthenticationApi stranger = new AuthenticationApi(toggl.newApiClient().setApiToken(eve.getApiToken()));
    assertEquals(403, assertThrows(ApiException.class,
        () -> stranger.deleteWorkspaceSso(ada.getWorkspaceId())).getCode());
    assertEquals(404, assertThrows(ApiException.class,
        () -> stranger.getWorkspaceSso(42L)).getCode(), "unknown workspace");
    AuthenticationApi anonymous = new AuthenticationApi(toggl.newApiClient());
    assertEquals(401, assertThrows(ApiException.class,
        () -> anonymous.getWorkspaceSso(ada.getWorkspaceId())).getCode());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void signUpRefusesBadInputWithClearMessages(boolean https) throws ApiException {
    start(https);
    AuthenticationApi api = new AuthenticationApi(toggl.newApiClient());
    api.postSignup(new MePostUser().email("ada@example.com").password(PASSWORD).tosAccepted(true));
    assertEquals("\"User with this email already exists\"", assertThrows(ApiException.class,
        () -> api.postSignup(new MePostUser().email("ada@example.com").password(PASSWORD).tosAccepted(true)))
        .getResponseBody());
    assertEquals("\"You must accept the Terms of Service\"", assertThrows(ApiException.class,
        () -> api.postSignup(new MePostUser().email("bob@example.com").password(PASSWORD).tosAccepted(false)))
        .getResponseBody());
    assertEquals("\"Password should be at least 8 characters long\"", assertThrows(ApiException.class,
        () -> api.postSignup(new MePostUser().email("bob@example.com").password("short").tosAccepted(true)))
        .getResponseBody());
  }

  @Test
  void aRequestThatBreaksTheSpecIsRefusedAndReportedWithTheValidatorsMessage() {
    start(true);
    AuthenticationApi api = new AuthenticationApi(toggl.newApiClient());
    ApiException e = assertThrows(ApiException.class,
        () -> api.postSignup(new MePostUser().email("ada@example.com").tosAccepted(true)));
    assertEquals(400, e.getCode());
    assertTrue(e.getResponseBody().contains("password"), e.getResponseBody());
    List<String> violations = toggl.takeViolations();
    assertEquals(1, violations.size(), violations.toString());
    assertTrue(violations.get(0).contains("body.password: required but missing"), violations.get(0));

    assertThrows(ApiException.class, () -> api.postSignup(new MePostUser().password(PASSWORD).tosAccepted(true)));
    AssertionError reported = assertThrows(AssertionError.class, toggl::close);
    assertTrue(reported.getMessage().contains("broke api/openapi.yaml"), reported.getMessage());
    assertTrue(reported.getMessage().contains("email"), reported.getMessage());
    toggl = null;
  }

  @Test
  void aBodyWithoutContentTypeIsAViolationNotASilentPass() throws Exception {
    start(false);
    Account ada = toggl.createAccount("ada@example.com", PASSWORD);
    okhttp3.Request raw = new okhttp3.Request.Builder()
        .url(toggl.baseUrl() + "/workspaces/" + ada.getWorkspaceId() + "/sso")
        .header("Authorization", okhttp3.Credentials.basic(ada.getApiToken(), "api_token"))
        .patch(okhttp3.RequestBody.create("{\"enabled\":\"x\"}".getBytes(StandardCharsets.UTF_8), null))
        .build();
    try (okhttp3.Response response = toggl.httpClient().newCall(raw).execute()) {
      assertEquals(400, response.code());
    }
    List<String> violations = toggl.takeViolations();
    assertEquals(1, violations.size(), violations.toString());
    assertTrue(violations.get(0).contains("without a Content-Type"), violations.get(0));
  }

  private static ModelsSSOConfig config(String domain) {
    return new ModelsSSOConfig().domain(domain).name("IdP").entityId("https://idp." + domain + "/metadata")
        .ssoUrl("https://idp." + domain + "/sso").certificate("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----");
  }
}
