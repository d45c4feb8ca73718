package io.github.togglapi.client.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.togglapi.client.ApiCallback;
import io.github.togglapi.client.ApiClient;
import io.github.togglapi.client.ApiException;
import io.github.togglapi.client.ApiResponse;
import io.github.togglapi.client.Configuration;
import io.github.togglapi.client.model.MePostInitialWorkspace;
import io.github.togglapi.client.model.MePostSessionHandlerRequestBody;
import io.github.togglapi.client.model.MePostUser;
import io.github.togglapi.client.model.ModelsSSOConfig;
import io.github.togglapi.client.model.ModelsTogglUser;
import io.github.togglapi.client.model.ModelsUser;
import io.github.togglapi.client.model.Saml2LoginResponse;
import io.github.togglapi.client.model.SsoConfigResult;
import io.github.togglapi.client.model.SsoConfirmation;
import io.github.togglapi.client.model.SsoState;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every operation of {@link AuthenticationApi} against a {@link MockWebServer}: what goes on the
 * wire (method, path, query, headers, body) and how the answer is decoded.
 */
class AuthenticationScenariosTest {
  private static final String USERNAME = "ada@example.com";
  private static final String PASSWORD = "s3cret-pass";
  private static final String EXPECTED_AUTH = Credentials.basic(USERNAME, PASSWORD, StandardCharsets.UTF_8);
  /** Above 2^31, so that an int anywhere on the way would break it. */
  private static final long WORKSPACE_ID = 1234567890123L;
  private static final String SSO_PATH = "/api/v9/workspaces/1234567890123/sso";

  private MockWebServer server;
  private ApiClient client;
  private AuthenticationApi api;

  @BeforeEach
  void setUp() throws IOException {
    server = new MockWebServer();
    server.start();
    client = new ApiClient().setBasePath(server.url("/api/v9").toString());
    client.setUsername(USERNAME).setPassword(PASSWORD);
    api = new AuthenticationApi(client);
  }

  @AfterEach
  void tearDown() throws IOException {
    server.shutdown();
  }

  // ---------------------------------------------------------------- helpers

  private static MockResponse json(String body) {
    return new MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .setBody(body);
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertNotNull(request, "the server received no request");
    return request;
  }

  private static void assertCommonHeaders(RecordedRequest request, boolean authenticated, boolean accept) {
    if (accept) {
      assertEquals("application/json", request.getHeader("Accept"), "Accept");
    } else {
      assertNull(request.getHeader("Accept"), "no Accept expected");
    }
    if (authenticated) {
      assertEquals(EXPECTED_AUTH, request.getHeader("Authorization"), "Authorization");
    } else {
      assertNull(request.getHeader("Authorization"), "public operation must not send credentials");
    }
    String userAgent = request.getHeader("User-Agent");
    assertNotNull(userAgent, "User-Agent");
    assertTrue(userAgent.startsWith("toggl-api-java/"), "User-Agent was " + userAgent);
  }

  private static Set<String> setOf(String... elements) {
    return new HashSet<>(Arrays.asList(elements));
  }

  private static JsonObject jsonBody(RecordedRequest request) {
    assertEquals("application/json", request.getHeader("Content-Type"), "Content-Type");
    String text = request.getBody().readUtf8();
    return JsonParser.parseString(text).getAsJsonObject();
  }

  private static void assertNoBody(RecordedRequest request) {
    assertEquals(0, request.getBodySize(), "body size");
    assertEquals(0, request.getBody().size(), "no body bytes");
    assertNull(request.getHeader("Content-Type"), "no Content-Type without a body");
  }

  private void assertNothingSent(Executable call, String parameterName) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertNotNull(e.getMessage());
    assertTrue(e.getMessage().contains(parameterName),
        "message should name '" + parameterName + "': " + e.getMessage());
    assertEquals(0, server.getRequestCount(), "nothing may be sent");
  }

  /** A callback that fails the test if it is ever called (the call must not start). */
  private static <T> ApiCallback<T> neverCalled() {
    return new ApiCallback<T>() {
      @Override
      public void onFailure(ApiException e, int statusCode, Map<String, List<String>> responseHeaders) {
        throw new AssertionError("callback must not be called", e);
      }

      @Override
      public void onSuccess(T result, int statusCode, Map<String, List<String>> responseHeaders) {
        throw new AssertionError("callback must not be called");
      }
    };
  }

  // ---------------------------------------------------------------- constructors

  @Test
  void defaultConstructorUsesTheDefaultApiClient() {
    AuthenticationApi defaultApi = new AuthenticationApi();
    assertSame(Configuration.getDefaultApiClient(), defaultApi.getApiClient());
    assertSame(client, api.getApiClient());
  }

  @Test
  void nullApiClientIsRejected() {
    assertThrows(NullPointerException.class, () -> new AuthenticationApi(null));
  }

  // ---------------------------------------------------------------- deleteWorkspaceSso

  @Test
  void deleteWorkspaceSso() throws Exception {
    server.enqueue(json("\"SSO configuration removed\""));

    String result = api.deleteWorkspaceSso(WORKSPACE_ID);

    assertEquals("SSO configuration removed", result);
    RecordedRequest request = take();
    assertEquals("DELETE", request.getMethod());
    assertEquals(SSO_PATH, request.getPath());
    assertCommonHeaders(request, true, true);
    assertNoBody(request);
    assertEquals(1, server.getRequestCount());
  }

  // ---------------------------------------------------------------- getSaml2LoginUrl

  @Test
  void getSaml2LoginUrl() throws Exception {
    server.enqueue(json("{\"sso_url\":\"https://idp.example.com/saml2/sso?SAMLRequest=abc%3D%3D&RelayState=xyz\"}"));

    Saml2LoginResponse result = api.getSaml2LoginUrl("ada@example.com", "webapp", "st4te");

    assertEquals("https://idp.example.com/saml2/sso?SAMLRequest=abc%3D%3D&RelayState=xyz", result.getSsoUrl());
    RecordedRequest request = take();
    assertEquals("GET", request.getMethod());
    assertEquals("/api/v9/auth/saml2/login?email=ada%40example.com&client=webapp&state=st4te", request.getPath());
    HttpUrl url = request.getRequestUrl();
    assertEquals("/api/v9/auth/saml2/login", url.encodedPath());
    assertEquals("ada@example.com", url.queryParameter("email"));
    assertEquals("webapp", url.queryParameter("client"));
    assertEquals("st4te", url.queryParameter("state"));
    assertEquals(setOf("email", "client", "state"), url.queryParameterNames());
    assertCommonHeaders(request, false, true);
    assertNoBody(request);
  }

  @Test
  void getSaml2LoginUrlLeavesOutNullOptionalParameters() throws Exception {
    server.enqueue(json("{\"sso_url\":null}"));

    Saml2LoginResponse result = api.getSaml2LoginUrl("ada@example.com", null, null);

    assertNotNull(result);
    assertNull(result.getSsoUrl());
    RecordedRequest request = take();
    assertEquals("GET", request.getMethod());
    HttpUrl url = request.getRequestUrl();
    assertEquals("/api/v9/auth/saml2/login", url.encodedPath());
    assertEquals(setOf("email"), url.queryParameterNames());
    assertEquals("ada@example.com", url.queryParameter("email"));
    assertFalse(request.getPath().contains("client"), request.getPath());
    assertFalse(request.getPath().contains("state"), request.getPath());
    assertCommonHeaders(request, false, true);
    assertNoBody(request);
  }

  @Test
  void getSaml2LoginUrlPercentEncodesQueryValues() throws Exception {
    server.enqueue(json("{\"sso_url\":\"https://idp.example.com/sso\"}"));
    String email = "zoë+tag@exämple.com";
    String clientName = "toggl button & more";
    String state = "a=b&c=d é/ü?#";

    api.getSaml2LoginUrl(email, clientName, state);

    RecordedRequest request = take();
    String path = request.getPath();
    // The raw request line must carry no space, raw '&' inside values, or non-ASCII character.
    assertFalse(path.contains(" "), path);
    assertTrue(path.chars().allMatch(c -> c < 0x80), "non-ASCII must be percent-encoded: " + path);
    assertFalse(path.contains("#"), path);
    String query = path.substring(path.indexOf('?') + 1);
    assertEquals(3, query.split("&").length, "only the separators are raw '&': " + query);
    assertTrue(query.contains("%20") || query.contains("+"), query);
    assertTrue(query.contains("%26"), query);
    assertTrue(query.contains("%C3%AB") || query.contains("%c3%ab"), "ë as UTF-8: " + query);
    // And it decodes back to exactly what was passed.
    HttpUrl url = request.getRequestUrl();
    assertEquals(email, url.queryParameter("email"));
    assertEquals(clientName, url.queryParameter("client"));
    assertEquals(state, url.queryParameter("state"));
  }

  // ---------------------------------------------------------------- getWorkspaceSso

  private static final String SSO_CONFIG_RESULT =
      "{\n"
      + "  \"config\": {\n"
      + "    \"certificate\": \"-----BEGIN CERTIFICATE-----\\nMIIC8DCCAdigAwIBAgIQ\\n-----END CERTIFICATE-----\",\n"
      + "    \"domain\": \"example.com\",\n"
      + "    \"enabled\": true,\n"
      + "    \"entity_id\": \"https://idp.example.com/metadata/123\",\n"
      + "    \"metadata_url\": \"https://idp.example.com/app/123/sso/saml/metadata\",\n"
      + "    \"name\": \"Example IdP\",\n"
      + "    \"shared_sso_profile_id\": 9876543210123,\n"
      + "    \"sso_url\": \"https://idp.example.com/app/123/sso/saml\"\n"
      + "  },\n"
      + "  \"sp_settings\": {\n"
      + "    \"acs_url\": \"https://api.track.toggl.com/api/v9/auth/saml2/login/1234567890123\",\n"
      + "    \"entity_id\": \"https://track.toggl.com/sp/1234567890123\"\n"
      + "  },\n"
      + "  \"unknown_extra\": {\"ignored\": [1, 2, 3]}\n"
      + "}\n";

  @Test
  void getWorkspaceSso() throws Exception {
    server.enqueue(json(SSO_CONFIG_RESULT));

    SsoConfigResult result = api.getWorkspaceSso(WORKSPACE_ID);

    RecordedRequest request = take();
    assertEquals("GET", request.getMethod());
    assertEquals(SSO_PATH, request.getPath());
    assertCommonHeaders(request, true, true);
    assertNoBody(request);

    ModelsSSOConfig config = result.getConfig();
    assertNotNull(config);
    assertEquals("-----BEGIN CERTIFICATE-----\nMIIC8DCCAdigAwIBAgIQ\n-----END CERTIFICATE-----", config.getCertificate());
    assertEquals("example.com", config.getDomain());
    assertEquals(Boolean.TRUE, config.getEnabled());
    assertEquals("https://idp.example.com/metadata/123", config.getEntityId());
    assertEquals("https://idp.example.com/app/123/sso/saml/metadata", config.getMetadataUrl());
    assertEquals("Example IdP", config.getName());
    assertEquals(Long.valueOf(9876543210123L), config.getSharedSsoProfileId());
    assertEquals("https://idp.example.com/app/123/sso/saml", config.getSsoUrl());
    assertNotNull(result.getSpSettings());
    assertEquals("https://api.track.toggl.com/api/v9/auth/saml2/login/1234567890123",
        result.getSpSettings().getAcsUrl());
    assertEquals("https://track.toggl.com/sp/1234567890123", result.getSpSettings().getEntityId());
  }

  @Test
  void getWorkspaceSsoWithHttpInfoExposesStatusAndHeaders() throws Exception {
    server.enqueue(json(SSO_CONFIG_RESULT).setHeader("X-Toggl-Request-Id", "req-42"));

    ApiResponse<SsoConfigResult> response = api.getWorkspaceSsoWithHttpInfo(WORKSPACE_ID);

    assertEquals(200, response.getStatusCode());
    assertEquals("req-42", response.getHeader("X-Toggl-Request-Id"));
    assertEquals("req-42", response.getHeader("x-toggl-request-id"));
    assertEquals("req-42", response.getHeader("X-TOGGL-REQUEST-ID"));
    assertEquals(Collections.singletonList("req-42"), response.getHeaders().get("x-Toggl-request-ID"));
    assertTrue(response.getHeader("Content-Type").startsWith("application/json"));
    assertEquals("example.com", response.getData().getConfig().getDomain());
    assertEquals(SSO_PATH, take().getPath());
  }

  // ---------------------------------------------------------------- meSessionsDelete

  @Test
  void meSessionsDelete() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(200));

    api.meSessionsDelete();

    RecordedRequest request = take();
    assertEquals("DELETE", request.getMethod());
    assertEquals("/api/v9/me/sessions", request.getPath());
    assertCommonHeaders(request, true, true);
    assertNoBody(request);
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void meSessionsDeleteWithHttpInfoForgetsTheSessionCookie() throws Exception {
    // A plain-HTTP test server may only set a non-Secure cookie; the name is not the real one.
    server.enqueue(json("{\"id\":1,\"email\":\"ada@example.com\"}")
        .addHeader("Set-Cookie", "test-session=abc123; Path=/; HttpOnly"));
    server.enqueue(new MockResponse().setResponseCode(200).setHeader("X-Ended", "yes"));

    api.meSessionsPost(new MePostSessionHandlerRequestBody().rememberMe(false));
    assertFalse(client.getSession().getCookies().isEmpty(), "session cookie kept after sign-in");
    take();

    ApiResponse<Void> response = api.meSessionsDeleteWithHttpInfo();

    assertEquals(200, response.getStatusCode());
    assertNull(response.getData());
    assertEquals("yes", response.getHeader("x-ended"));
    RecordedRequest request = take();
    assertEquals("DELETE", request.getMethod());
    assertEquals("test-session=abc123", request.getHeader("Cookie"));
    assertNoBody(request);
    assertTrue(client.getSession().getCookies().isEmpty(), "session forgotten after meSessionsDelete");
  }

  // ---------------------------------------------------------------- meSessionsPost

  private static final String MODELS_USER =
      "{\n"
      + "  \"api_token\": \"1971800d4d82861d8f2c1651fea4d212\",\n"
      + "  \"email\": \"ada@example.com\",\n"
      + "  \"fullname\": \"Ada Lovelace\",\n"
      + "  \"id\": 9000000000001,\n"
      + "  \"timezone\": \"Europe/London\",\n"
      + "  \"not_in_spec\": true\n"
      + "}\n";

  private static void assertModelsUser(ModelsUser user) {
    assertEquals("1971800d4d82861d8f2c1651fea4d212", user.getApiToken());
    assertEquals("ada@example.com", user.getEmail());
    assertEquals("Ada Lovelace", user.getFullname());
    assertEquals(Long.valueOf(9000000000001L), user.getId());
    assertEquals("Europe/London", user.getTimezone());
  }

  @Test
  void meSessionsPost() throws Exception {
    server.enqueue(json(MODELS_USER));

    ModelsUser user = api.meSessionsPost(new MePostSessionHandlerRequestBody().rememberMe(true));

    assertModelsUser(user);
    RecordedRequest request = take();
    assertEquals("POST", request.getMethod());
    assertEquals("/api/v9/me/sessions", request.getPath());
    assertCommonHeaders(request, true, true);
    JsonObject body = jsonBody(request);
    assertEquals(setOf("remember_me"), body.keySet());
    assertTrue(body.get("remember_me").getAsBoolean());
  }

  @Test
  void meSessionsPostWithNullBodySendsEmptyPost() throws Exception {
    server.enqueue(json(MODELS_USER));

    ModelsUser user = api.meSessionsPost(null);

    assertModelsUser(user);
    RecordedRequest request = take();
    assertEquals("POST", request.getMethod());
    assertEquals("/api/v9/me/sessions", request.getPath());
    assertCommonHeaders(request, true, true);
    assertNoBody(request);
  }

  @Test
  void meSessionsPostWithEmptyModelSendsEmptyObject() throws Exception {
    server.enqueue(json(MODELS_USER));

    api.meSessionsPost(new MePostSessionHandlerRequestBody());

    JsonObject body = jsonBody(take());
    assertTrue(body.keySet().isEmpty(), "null optional fields are left out: " + body);
  }

  // ---------------------------------------------------------------- patchWorkspaceSso

  @Test
  void patchWorkspaceSso() throws Exception {
    server.enqueue(json("{\"enabled\":false}"));

    SsoState result = api.patchWorkspaceSso(WORKSPACE_ID, new SsoState().enabled(false));

    assertEquals(Boolean.FALSE, result.getEnabled());
    RecordedRequest request = take();
    assertEquals("PATCH", request.getMethod());
    assertEquals(SSO_PATH, request.getPath());
    assertCommonHeaders(request, true, true);
    JsonObject body = jsonBody(request);
    assertEquals(setOf("enabled"), body.keySet());
    assertFalse(body.get("enabled").getAsBoolean());
  }

  // ---------------------------------------------------------------- postEnableSso

  @Test
  void postEnableSso() throws Exception {
    server.enqueue(json("\"SSO enabled\""));

    String result = api.postEnableSso(new SsoConfirmation().confirmationCode("c0nf-1rm/code=="));

    assertEquals("SSO enabled", result);
    RecordedRequest request = take();
    assertEquals("POST", request.getMethod());
    assertEquals("/api/v9/me/enable_sso", request.getPath());
    assertCommonHeaders(request, true, true);
    JsonObject body = jsonBody(request);
    assertEquals(setOf("confirmation_code"), body.keySet());
    assertEquals("c0nf-1rm/code==", body.get("confirmation_code").getAsString());
  }

  // ---------------------------------------------------------------- postResetToken

  @Test
  void postResetToken() throws Exception {
    server.enqueue(json("\"0123456789abcdef0123456789abcdef\""));

    String token = api.postResetToken();

    assertEquals("0123456789abcdef0123456789abcdef", token);
    RecordedRequest request = take();
    assertEquals("POST", request.getMethod());
    assertEquals("/api/v9/me/reset_token", request.getPath());
    assertCommonHeaders(request, true, true);
    assertNoBody(request);
  }

  @Test
  void postResetTokenWithHttpInfoExposesStatusAndHeaders() throws Exception {
    server.enqueue(json("\"fedcba9876543210fedcba9876543210\"")
        .setHeader("X-RateLimit-Remaining", "99"));

    ApiResponse<String> response = api.postResetTokenWithHttpInfo();

    assertEquals(200, response.getStatusCode());
    assertEquals("fedcba9876543210fedcba9876543210", response.getData());
    assertEquals("99", response.getHeader("x-ratelimit-remaining"));
    assertEquals("99", response.getHeader("X-RateLimit-Remaining"));
    assertEquals(Collections.singletonList("99"), response.getHeaders().get("X-RATELIMIT-REMAINING"));
    assertEquals("/api/v9/me/reset_token", take().getPath());
  }

  // ---------------------------------------------------------------- postSaml2Callback

  @Test
  void postSaml2CallbackDoesNotFollowTheRedirect() throws Exception {
    server.enqueue(redirect());
    server.enqueue(landed());

    api.postSaml2Callback(WORKSPACE_ID, "PHNhbWxwOlJlc3BvbnNlPjwvc2FtbHA6UmVzcG9uc2U+", "client=webapp&host=track.toggl.com");

    RecordedRequest request = take();
    assertEquals("POST", request.getMethod());
    assertEquals("/api/v9/auth/saml2/login/1234567890123", request.getPath());
    assertCommonHeaders(request, false, false);
    assertEquals("application/x-www-form-urlencoded", request.getHeader("Content-Type"));
    assertEquals("SAMLResponse=PHNhbWxwOlJlc3BvbnNlPjwvc2FtbHA6UmVzcG9uc2U%2B"
        + "&RelayState=client%3Dwebapp%26host%3Dtrack.toggl.com", request.getBody().readUtf8());
    assertEquals(1, server.getRequestCount(), "the redirect must not be followed");
  }

  @Test
  void postSaml2CallbackWithHttpInfoShowsTheRedirect() throws Exception {
    server.enqueue(redirect());
    server.enqueue(landed());

    ApiResponse<Void> response = api.postSaml2CallbackWithHttpInfo(WORKSPACE_ID, "PHNhbWxwOlJlc3BvbnNlLz4=", null);

    assertEquals(302, response.getStatusCode());
    assertNull(response.getData());
    assertEquals(landing(), response.getHeader("Location"));
    assertEquals(landing(), response.getHeader("location"));
    assertNotNull(response.getHeader("Set-Cookie"));
    RecordedRequest request = take();
    assertEquals("POST", request.getMethod());
    assertEquals("/api/v9/auth/saml2/login/1234567890123", request.getPath());
    assertCommonHeaders(request, false, false);
    assertEquals("application/x-www-form-urlencoded", request.getHeader("Content-Type"));
    String form = request.getBody().readUtf8();
    assertEquals("SAMLResponse=PHNhbWxwOlJlc3BvbnNlLz4%3D", form);
    assertFalse(form.contains("RelayState"), form);
    assertEquals(1, server.getRequestCount(), "the redirect must not be followed");
  }

  /**
   * A 302 pointing back at the mock server itself: were the client to follow it, the server would
   * see a second request and the request-count assertions would fail.
   */
  private MockResponse redirect() {
    return new MockResponse()
        .setResponseCode(302)
        .setHeader("Location", landing())
        .addHeader("Set-Cookie", "test-session=s4ml; Path=/; HttpOnly");
  }

  private String landing() {
    return server.url("/landed").toString();
  }

  /** What the redirect target would answer, so that following it would fail fast, not hang. */
  private static MockResponse landed() {
    return new MockResponse().setResponseCode(200).setBody("landed");
  }

  // ---------------------------------------------------------------- postSignup

  private static final String TOGGL_USER =
      "{\n"
      + "  \"api_token\": \"5b3d6f0e8a7c4d2b9e1f0a3c6d8e2b4f\",\n"
      + "  \"at\": \"2016-03-20T20:40:08.017845Z\",\n"
      + "  \"beginning_of_week\": 1,\n"
      + "  \"country_id\": 234,\n"
      + "  \"created_at\": \"2016-03-20T20:40:07.5+02:00\",\n"
      + "  \"default_workspace_id\": 4294967296123,\n"
      + "  \"email\": \"ada@example.com\",\n"
      + "  \"fullname\": \"Ada Lovelace\",\n"
      + "  \"has_password\": true,\n"
      + "  \"id\": 5000000000007,\n"
      + "  \"image_url\": \"https://assets.track.toggl.com/images/profile.png\",\n"
      + "  \"openid_email\": null,\n"
      + "  \"openid_enabled\": false,\n"
      + "  \"options\": {\"time_entry_invitations\": true, \"hide_sidebar\": \"yes\", \"nested\": {\"a\": 1}},\n"
      + "  \"timezone\": \"Europe/London\",\n"
      + "  \"updated_at\": \"2024-11-05T09:15:30.123456Z\",\n"
      + "  \"authorization_updated_at\": \"2024-11-05T09:15:30Z\"\n"
      + "}\n";

  @Test
  void postSignup() throws Exception {
    server.enqueue(json(TOGGL_USER));
    MePostUser user = new MePostUser()
        .email("ada@example.com")
        .password("correct horse battery staple")
        .tosAccepted(true)
        .fullName("Ada Lovelace")
        .countryId(234L)
        .timezone("Europe/London")
        .createdWith("toggl-api-java tests")
        .workspace(new MePostInitialWorkspace().initialPricingPlan(3000000000L).name("Analytical Engine"));

    ModelsTogglUser result = api.postSignup(user);

    RecordedRequest request = take();
    assertEquals("POST", request.getMethod());
    assertEquals("/api/v9/signup", request.getPath());
    assertCommonHeaders(request, false, true);
    JsonObject body = jsonBody(request);
    assertEquals(setOf("email", "password", "tos_accepted", "full_name", "country_id", "timezone",
        "created_with", "workspace"), body.keySet(), "invitation_code is null and left out");
    assertEquals("ada@example.com", body.get("email").getAsString());
    assertEquals("correct horse battery staple", body.get("password").getAsString());
    assertTrue(body.get("tos_accepted").getAsBoolean());
    assertEquals("Ada Lovelace", body.get("full_name").getAsString());
    assertEquals(234L, body.get("country_id").getAsLong());
    assertEquals("Europe/London", body.get("timezone").getAsString());
    assertEquals("toggl-api-java tests", body.get("created_with").getAsString());
    JsonObject workspace = body.getAsJsonObject("workspace");
    assertEquals(setOf("initial_pricing_plan", "name"), workspace.keySet());
    assertEquals(3000000000L, workspace.get("initial_pricing_plan").getAsLong());
    assertEquals("3000000000", workspace.get("initial_pricing_plan").toString(), "a whole number, not 3.0E9");
    assertEquals("Analytical Engine", workspace.get("name").getAsString());

    assertEquals("5b3d6f0e8a7c4d2b9e1f0a3c6d8e2b4f", result.getApiToken());
    assertEquals(OffsetDateTime.of(2016, 3, 20, 20, 40, 8, 17_845_000, ZoneOffset.UTC), result.getAt());
    assertEquals(Integer.valueOf(1), result.getBeginningOfWeek());
    assertEquals(Long.valueOf(234L), result.getCountryId());
    assertEquals(OffsetDateTime.of(2016, 3, 20, 20, 40, 7, 500_000_000, ZoneOffset.ofHours(2)), result.getCreatedAt());
    assertEquals(Long.valueOf(4294967296123L), result.getDefaultWorkspaceId());
    assertEquals("ada@example.com", result.getEmail());
    assertEquals("Ada Lovelace", result.getFullname());
    assertEquals(Boolean.TRUE, result.getHasPassword());
    assertEquals(Long.valueOf(5000000000007L), result.getId());
    assertEquals("https://assets.track.toggl.com/images/profile.png", result.getImageUrl());
    assertNull(result.getOpenidEmail());
    assertEquals(Boolean.FALSE, result.getOpenidEnabled());
    Map<String, Object> options = result.getOptions();
    assertNotNull(options);
    assertEquals(setOf("time_entry_invitations", "hide_sidebar", "nested"), options.keySet());
    assertEquals(Boolean.TRUE, options.get("time_entry_invitations"));
    assertEquals("yes", options.get("hide_sidebar"));
    Map<?, ?> nested = assertInstanceOf(Map.class, options.get("nested"));
    assertEquals(1, ((Number) nested.get("a")).intValue());
    assertEquals("Europe/London", result.getTimezone());
    assertEquals(OffsetDateTime.of(2024, 11, 5, 9, 15, 30, 123_456_000, ZoneOffset.UTC), result.getUpdatedAt());
  }

  @Test
  void postSignupLeavesOutNullOptionalFields() throws Exception {
    server.enqueue(json("{\"id\":5000000000008,\"email\":\"grace@example.com\"}"));

    ModelsTogglUser result = api.postSignup(
        new MePostUser().email("grace@example.com").password("pw").tosAccepted(true));

    assertEquals(Long.valueOf(5000000000008L), result.getId());
    assertEquals("grace@example.com", result.getEmail());
    assertNull(result.getAt());
    assertNull(result.getOptions());
    RecordedRequest request = take();
    assertCommonHeaders(request, false, true);
    JsonObject body = jsonBody(request);
    assertEquals(setOf("email", "password", "tos_accepted"), body.keySet());
  }

  // ---------------------------------------------------------------- postWorkspaceSso

  @Test
  void postWorkspaceSso() throws Exception {
    server.enqueue(json(
        "{\n"
        + "  \"certificate\": \"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\",\n"
        + "  \"domain\": \"example.com\",\n"
        + "  \"enabled\": true,\n"
        + "  \"entity_id\": \"https://idp.example.com/entity\",\n"
        + "  \"metadata_url\": \"https://idp.example.com/metadata.xml\",\n"
        + "  \"name\": \"Example IdP\",\n"
        + "  \"shared_sso_profile_id\": 8589934592001,\n"
        + "  \"sso_url\": \"https://idp.example.com/sso\"\n"
        + "}\n"));
    ModelsSSOConfig settings = new ModelsSSOConfig()
        .certificate("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----")
        .domain("example.com")
        .enabled(true)
        .entityId("https://idp.example.com/entity")
        .metadataUrl("https://idp.example.com/metadata.xml")
        .name("Example IdP")
        .sharedSsoProfileId(8589934592001L)
        .ssoUrl("https://idp.example.com/sso");

    ModelsSSOConfig result = api.postWorkspaceSso(WORKSPACE_ID, settings);

    RecordedRequest request = take();
    assertEquals("POST", request.getMethod());
    assertEquals(SSO_PATH, request.getPath());
    assertCommonHeaders(request, true, true);
    JsonObject body = jsonBody(request);
    assertEquals(setOf("certificate", "domain", "enabled", "entity_id", "metadata_url", "name",
        "shared_sso_profile_id", "sso_url"), body.keySet());
    assertEquals("https://idp.example.com/entity", body.get("entity_id").getAsString());
    assertEquals("https://idp.example.com/sso", body.get("sso_url").getAsString());
    assertEquals("https://idp.example.com/metadata.xml", body.get("metadata_url").getAsString());
    assertEquals("8589934592001", body.get("shared_sso_profile_id").toString());
    assertEquals("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----", body.get("certificate").getAsString());
    assertTrue(body.get("enabled").getAsBoolean());

    assertEquals(settings, result);
    assertEquals("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----", result.getCertificate());
    assertEquals("example.com", result.getDomain());
    assertEquals(Boolean.TRUE, result.getEnabled());
    assertEquals("https://idp.example.com/entity", result.getEntityId());
    assertEquals("https://idp.example.com/metadata.xml", result.getMetadataUrl());
    assertEquals("Example IdP", result.getName());
    assertEquals(Long.valueOf(8589934592001L), result.getSharedSsoProfileId());
    assertEquals("https://idp.example.com/sso", result.getSsoUrl());
  }

  @Test
  void postWorkspaceSsoLeavesOutNullOptionalFields() throws Exception {
    server.enqueue(json("{\"entity_id\":\"https://idp.example.com/entity\",\"sso_url\":null}"));

    ModelsSSOConfig result = api.postWorkspaceSso(WORKSPACE_ID,
        new ModelsSSOConfig().entityId("https://idp.example.com/entity").ssoUrl("https://idp.example.com/sso"));

    assertEquals("https://idp.example.com/entity", result.getEntityId());
    assertNull(result.getSsoUrl());
    assertNull(result.getSharedSsoProfileId());
    JsonObject body = jsonBody(take());
    assertEquals(setOf("entity_id", "sso_url"), body.keySet());
  }

  // ---------------------------------------------------------------- required parameters

  @Test
  void nullRequiredParametersAreRejectedBeforeSending() {
    SsoState state = new SsoState().enabled(true);
    ModelsSSOConfig config = new ModelsSSOConfig().domain("example.com");

    assertNothingSent(() -> api.deleteWorkspaceSso(null), "workspaceId");
    assertNothingSent(() -> api.deleteWorkspaceSsoWithHttpInfo(null), "workspaceId");
    assertNothingSent(() -> api.deleteWorkspaceSsoAsync(null, neverCalled()), "workspaceId");

    assertNothingSent(() -> api.getSaml2LoginUrl(null, "webapp", "s"), "email");
    assertNothingSent(() -> api.getSaml2LoginUrlWithHttpInfo(null, null, null), "email");
    assertNothingSent(() -> api.getSaml2LoginUrlAsync(null, null, null, neverCalled()), "email");

    assertNothingSent(() -> api.getWorkspaceSso(null), "workspaceId");
    assertNothingSent(() -> api.getWorkspaceSsoWithHttpInfo(null), "workspaceId");
    assertNothingSent(() -> api.getWorkspaceSsoAsync(null, neverCalled()), "workspaceId");

    assertNothingSent(() -> api.patchWorkspaceSso(null, state), "workspaceId");
    assertNothingSent(() -> api.patchWorkspaceSso(1L, null), "settings");
    assertNothingSent(() -> api.patchWorkspaceSsoWithHttpInfo(1L, null), "settings");
    assertNothingSent(() -> api.patchWorkspaceSsoAsync(1L, null, neverCalled()), "settings");

    assertNothingSent(() -> api.postEnableSso(null), "enableSsoPost");
    assertNothingSent(() -> api.postEnableSsoWithHttpInfo(null), "enableSsoPost");
    assertNothingSent(() -> api.postEnableSsoAsync(null, neverCalled()), "enableSsoPost");

    assertNothingSent(() -> api.postSaml2Callback(1L, null, null), "samlResponse");
    assertNothingSent(() -> api.postSaml2Callback(null, "PHNhbWw+", "r"), "workspaceId");
    assertNothingSent(() -> api.postSaml2CallbackWithHttpInfo(1L, null, "r"), "samlResponse");
    assertNothingSent(() -> api.postSaml2CallbackAsync(1L, null, null, neverCalled()), "samlResponse");

    assertNothingSent(() -> api.postSignup(null), "postUser");
    assertNothingSent(() -> api.postSignupWithHttpInfo(null), "postUser");
    assertNothingSent(() -> api.postSignupAsync(null, neverCalled()), "postUser");

    assertNothingSent(() -> api.postWorkspaceSso(null, config), "workspaceId");
    assertNothingSent(() -> api.postWorkspaceSso(1L, null), "settings");
    assertNothingSent(() -> api.postWorkspaceSsoWithHttpInfo(1L, null), "settings");
    assertNothingSent(() -> api.postWorkspaceSsoAsync(1L, null, neverCalled()), "settings");

    assertEquals(0, server.getRequestCount());
  }

  @Test
  void requiredParameterMessageNamesParameterAndOperation() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> api.patchWorkspaceSso(1L, null));
    assertTrue(e.getMessage().contains("'settings'"), e.getMessage());
    assertTrue(e.getMessage().contains("patchWorkspaceSso"), e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  // ---------------------------------------------------------------- async

  @Test
  void asyncFormDeliversTheDecodedBody() throws Exception {
    server.enqueue(json("\"SSO configuration removed\""));
    java.util.concurrent.CompletableFuture<String> result = new java.util.concurrent.CompletableFuture<>();
    java.util.concurrent.atomic.AtomicInteger status = new java.util.concurrent.atomic.AtomicInteger();

    api.deleteWorkspaceSsoAsync(WORKSPACE_ID, new ApiCallback<String>() {
      @Override
      public void onFailure(ApiException e, int statusCode, Map<String, List<String>> responseHeaders) {
        result.completeExceptionally(e);
      }

      @Override
      public void onSuccess(String value, int statusCode, Map<String, List<String>> responseHeaders) {
        status.set(statusCode);
        result.complete(value);
      }
    });

    assertEquals("SSO configuration removed", result.get(5, TimeUnit.SECONDS));
    assertEquals(200, status.get());
    RecordedRequest request = take();
    assertEquals("DELETE", request.getMethod());
    assertEquals(SSO_PATH, request.getPath());
    assertEquals(EXPECTED_AUTH, request.getHeader("Authorization"));
    assertNoBody(request);
  }
}
