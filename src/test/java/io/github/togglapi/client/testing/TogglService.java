package io.github.togglapi.client.testing;

import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The in-memory Toggl service behind {@link EmbeddedTogglServer}: accounts, API tokens, cookie
 * sessions, workspaces with their members and SSO configuration, and the SAML2 flow; it hands the
 * time-tracking operations to {@link TrackingService} and answers 501 for the rest. It speaks JSON
 * with Gson's tree model, never with the SDK's models, so that it cannot share their mistakes. Not
 * thread-safe on its own: the server serialises calls.
 */
final class TogglService {
  static final String SECURE_COOKIE = "__Host-timer-session";
  static final String PLAIN_COOKIE = "timer-session";
  static final Duration REMEMBER_ME = Duration.ofHours(24);

  static final DateTimeFormatter RFC3339_MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern WORKSPACE_SSO = Pattern.compile("/workspaces/(\\d+)/sso");
  private static final Pattern SAML2_CALLBACK = Pattern.compile("/auth/saml2/login/(\\d+)");
  private static final Pattern NAME_ID = Pattern.compile("<(?:\\w+:)?NameID[^>]*>([^<]+)</(?:\\w+:)?NameID>");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@([^@\\s]+\\.[^@\\s]+)");
  private static final String WEB_APP = "https://track.toggl.com/timer";
  private static final Pattern AMPERSAND = Pattern.compile("&");
  private static final Pattern EQUALS = Pattern.compile("=");
  private static final Pattern SEMICOLON = Pattern.compile(";");

  private final SecureRandom random = new SecureRandom();
  private final boolean https;
  private final Map<String, User> usersByEmail = new LinkedHashMap<>();
  private final Map<String, Session> sessions = new HashMap<>();
  final Map<Long, Workspace> workspaces = new LinkedHashMap<>();
  private final Map<String, User> confirmationCodes = new HashMap<>();
  /** IDs above 2^31, as Toggl's already are, so that an int somewhere shows up at once. */
  private long nextUserId = 9_000_000_001L;
  private long nextWorkspaceId = 3_000_000_001L;
  private long nextProfileId = 5_000_000_001L;
  private long nextOrganizationId = 6_000_000_001L;
  private Duration clockOffset = Duration.ZERO;
  /** Time tracking: workspaces' clients, projects, tasks, tags, time entries and reports. */
  final TrackingService tracking = new TrackingService(this);

  TogglService(boolean https) {
    this.https = https;
  }

  /**
   * Answers a request as Toggl would.
   *
   * @param request the request
   * @param path the path relative to the API's base path ({@code /me}), or the host-root path of
   *     the reports API ({@code /reports/api/v3/...})
   * @param operationId the spec operation the request matches, or null
   * @return the answer; 501 naming the operation for an operation the server does not implement
   */
  MockResponse handle(RecordedRequest request, String path, String operationId) {
    try {
      MockResponse answer = route(request, path);
      if (answer == null) {
        answer = tracking.route(request, path, operationId);
      }
      if (answer == null) {
        return operationId == null ? error(404, "Not found") : notImplemented(request, operationId);
      }
      return answer;
    } catch (BadRequest e) {
      return error(400, e.getMessage());
    }
  }

  /** The answer to an operation of the spec that the server does not implement: never a silent 200. */
  static MockResponse notImplemented(RecordedRequest request, String operationId) {
    // The operation's name, not the request's path: a path may hold a secret (a calendar feed's token).
    return error(501, "The embedded Toggl server does not implement " + operationId);
  }

  private MockResponse route(RecordedRequest request, String path) {
    String method = request.getMethod();
    Matcher sso = WORKSPACE_SSO.matcher(path);
    Matcher callback = SAML2_CALLBACK.matcher(path);
    if (path.equals("/signup") && method.equals("POST")) {
      return signup(request);
    } else if (path.equals("/me/sessions") && method.equals("POST")) {
      return createSession(request);
    } else if (path.equals("/me/sessions") && method.equals("DELETE")) {
      return deleteSession(request);
    } else if (path.equals("/me/reset_token") && method.equals("POST")) {
      return resetToken(request);
    } else if (path.equals("/me/enable_sso") && method.equals("POST")) {
      return enableSso(request);
    } else if (sso.matches()) {
      return workspaceSso(request, Long.parseLong(sso.group(1)));
    } else if (path.equals("/auth/saml2/login") && method.equals("GET")) {
      return saml2LoginUrl(request);
    } else if (callback.matches() && method.equals("POST")) {
      return saml2Callback(request, Long.parseLong(callback.group(1)));
    }
    return null;
  }

  // ---- accounts and sessions -------------------------------------------------------------------

  User createAccount(String email, String password, String fullName) {
    if (user(email) != null) {
      throw new IllegalArgumentException("An account for " + email + " exists already");
    }
    User user = new User(nextUserId++, email, password, fullName, newToken(), now());
    Workspace workspace = new Workspace(nextWorkspaceId++, fullName + "'s workspace", user, nextOrganizationId++, now());
    user.defaultWorkspaceId = workspace.id;
    usersByEmail.put(email.toLowerCase(java.util.Locale.ROOT), user);
    workspaces.put(workspace.id, workspace);
    return user;
  }

  User user(String email) {
    return usersByEmail.get(email.toLowerCase(java.util.Locale.ROOT));
  }

  /** The account with an ID, or null. */
  User userById(long id) {
    for (User user : usersByEmail.values()) {
      if (user.id == id) {
        return user;
      }
    }
    return null;
  }

  /** Gives an account a new email, unless another account has it. */
  boolean changeEmail(User user, String email) {
    User other = user(email);
    if (other != null && other != user) {
      return false;
    }
    usersByEmail.remove(user.email.toLowerCase(java.util.Locale.ROOT));
    user.email = email;
    usersByEmail.put(email.toLowerCase(java.util.Locale.ROOT), user);
    return true;
  }

  /** Makes another account a non-admin member of a workspace. */
  void addMember(long workspaceId, User member) {
    workspaces.get(workspaceId).members.put(member.id, false);
  }

  String newConfirmationCode(User user) {
    String code = randomText(12);
    confirmationCodes.put(code, user);
    return code;
  }

  void advanceClock(Duration duration) {
    clockOffset = clockOffset.plus(duration);
  }

  private MockResponse signup(RecordedRequest request) {
    JsonObject body = jsonBody(request);
    String email = string(body, "email");
    String password = string(body, "password");
    if (email == null || !EMAIL.matcher(email).matches()) {
      return error(400, "Invalid email");
    }
    if (password == null || password.length() < 8) {
      return error(400, "Password should be at least 8 characters long");
    }
    if (!Boolean.TRUE.equals(bool(body, "tos_accepted"))) {
      return error(400, "You must accept the Terms of Service");
    }
    if (user(email) != null) {
      return error(400, "User with this email already exists");
    }
    if (string(body, "invitation_code") != null) {
      return error(400, "Invitation code is invalid or expired");
    }
    String fullName = string(body, "full_name") != null ? string(body, "full_name") : email.substring(0, email.indexOf('@'));
    User user = createAccount(email, password, fullName);
    user.timezone = string(body, "timezone") != null ? string(body, "timezone") : "UTC";
    if (body.has("country_id") && !body.get("country_id").isJsonNull()) {
      user.countryId = body.get("country_id").getAsLong();
    }
    JsonObject workspace = body.has("workspace") && body.get("workspace").isJsonObject()
        ? body.getAsJsonObject("workspace") : null;
    if (workspace != null && string(workspace, "name") != null) {
      workspaces.get(user.defaultWorkspaceId).name = string(workspace, "name");
    }
    return json(200, togglUser(user));
  }

  private MockResponse createSession(RecordedRequest request) {
    Authenticated auth = authenticate(request);
    if (auth.user == null) {
      return auth.failure;
    }
    JsonObject body = request.getBodySize() > 0 ? jsonBody(request) : new JsonObject();
    boolean rememberMe = Boolean.TRUE.equals(bool(body, "remember_me"));
    String value = randomText(32);
    Instant expires = rememberMe ? now().plus(REMEMBER_ME) : null;
    sessions.put(value, new Session(auth.user, expires));
    String cookie = (https ? SECURE_COOKIE : PLAIN_COOKIE) + "=" + value + "; Path=/; HttpOnly"
        + (https ? "; Secure" : "")
        + (rememberMe ? "; Max-Age=" + REMEMBER_ME.getSeconds() : "");
    return json(200, user(auth.user)).addHeader("Set-Cookie", cookie);
  }

  private MockResponse deleteSession(RecordedRequest request) {
    Authenticated auth = authenticate(request);
    if (auth.user == null) {
      return auth.failure;
    }
    if (auth.session != null) {
      sessions.remove(auth.session);
    }
    // Like a server that does not bother to expire the cookie: the client must forget it itself.
    return new MockResponse().setResponseCode(200);
  }

  private MockResponse resetToken(RecordedRequest request) {
    Authenticated auth = authenticate(request);
    if (auth.user == null) {
      return auth.failure;
    }
    auth.user.apiToken = newToken();
    return json(200, new JsonPrimitive(auth.user.apiToken));
  }

  private MockResponse enableSso(RecordedRequest request) {
    Authenticated auth = authenticate(request);
    if (auth.user == null) {
      return auth.failure;
    }
    String code = string(jsonBody(request), "confirmation_code");
    if (code == null || confirmationCodes.get(code) != auth.user) {
      return error(400, "Invalid or expired confirmation code");
    }
    confirmationCodes.remove(code);
    auth.user.ssoEnabled = true;
    return json(200, new JsonPrimitive("SSO enabled for " + auth.user.email));
  }

  // ---- workspace SSO ---------------------------------------------------------------------------

  private MockResponse workspaceSso(RecordedRequest request, long workspaceId) {
    Authenticated auth = authenticate(request);
    if (auth.user == null) {
      return auth.failure;
    }
    Workspace workspace = workspaces.get(workspaceId);
    if (workspace == null) {
      return error(404, "Workspace not found");
    }
    if (!Boolean.TRUE.equals(workspace.members.get(auth.user.id))) {
      return error(403, workspace.members.containsKey(auth.user.id)
          ? "Only workspace admins can manage SSO" : "You are not a member of this workspace");
    }
    switch (request.getMethod()) {
      case "GET":
        JsonObject result = new JsonObject();
        if (workspace.sso != null) {
          result.add("config", workspace.sso.deepCopy());
        }
        JsonObject sp = new JsonObject();
        sp.addProperty("acs_url", request.getRequestUrl().newBuilder()
            .encodedPath(EmbeddedTogglServer.BASE_PATH + "/auth/saml2/login/" + workspaceId).query(null).build().toString());
        sp.addProperty("entity_id", "https://track.toggl.com/saml2/" + workspaceId);
        result.add("sp_settings", sp);
        return json(200, result);
      case "POST":
        return saveSso(workspace, jsonBody(request));
      case "PATCH":
        if (workspace.sso == null) {
          return error(404, "SSO is not configured for this workspace");
        }
        Boolean enabled = bool(jsonBody(request), "enabled");
        if (enabled == null) {
          return error(400, "enabled is required");
        }
        workspace.sso.addProperty("enabled", enabled);
        JsonObject state = new JsonObject();
        state.addProperty("enabled", enabled);
        return json(200, state);
      case "DELETE":
        if (workspace.sso == null) {
          return error(404, "SSO is not configured for this workspace");
        }
        workspace.sso = null;
        return json(200, new JsonPrimitive("SSO configuration removed"));
      default:
        return error(405, "Method not allowed");
    }
  }

  private MockResponse saveSso(Workspace workspace, JsonObject body) {
    for (String required : new String[] {"domain", "sso_url", "entity_id", "certificate"}) {
      if (string(body, required) == null) {
        return error(400, required + " is required");
      }
    }
    if (HttpUrl.parse(string(body, "sso_url")) == null) {
      return error(400, "sso_url must be an http or https URL");
    }
    for (Workspace other : workspaces.values()) {
      if (other != workspace && other.sso != null
          && string(other.sso, "domain").equalsIgnoreCase(string(body, "domain"))) {
        return error(400, "Domain is already used by another SSO configuration");
      }
    }
    JsonObject config = new JsonObject();
    for (String field : new String[] {"certificate", "domain", "entity_id", "metadata_url", "sso_url"}) {
      if (string(body, field) != null) {
        config.addProperty(field, string(body, field));
      }
    }
    config.addProperty("name", string(body, "name") != null ? string(body, "name") : workspace.name + " SSO");
    Boolean enabled = bool(body, "enabled");
    config.addProperty("enabled", enabled == null || enabled);
    config.addProperty("shared_sso_profile_id", workspace.sso != null
        ? workspace.sso.get("shared_sso_profile_id").getAsLong() : nextProfileId++);
    workspace.sso = config;
    return json(200, config.deepCopy());
  }

  // ---- SAML2 -----------------------------------------------------------------------------------

  private MockResponse saml2LoginUrl(RecordedRequest request) {
    HttpUrl url = request.getRequestUrl();
    String email = url.queryParameter("email");
    Matcher valid = email == null ? null : EMAIL.matcher(email);
    if (valid == null || !valid.matches()) {
      return error(400, "Invalid email");
    }
    Workspace workspace = ssoWorkspaceFor(valid.group(1));
    if (workspace == null) {
      return error(404, "SSO is not enabled for this email domain");
    }
    HttpUrl.Builder sso = HttpUrl.get(string(workspace.sso, "sso_url")).newBuilder()
        .addQueryParameter("SAMLRequest", Base64.getEncoder().encodeToString(
            ("<samlp:AuthnRequest ID=\"" + randomText(8) + "\"/>").getBytes(StandardCharsets.UTF_8)));
    String state = url.queryParameter("state");
    if (state != null) {
      sso.addQueryParameter("RelayState", state);
    }
    JsonObject result = new JsonObject();
    result.addProperty("sso_url", sso.build().toString());
    return json(200, result);
  }

  private MockResponse saml2Callback(RecordedRequest request, long workspaceId) {
    Map<String, String> form = formBody(request);
    Workspace workspace = workspaces.get(workspaceId);
    if (workspace == null || workspace.sso == null || !workspace.sso.get("enabled").getAsBoolean()) {
      return new MockResponse().setResponseCode(404);
    }
    String email = assertedEmail(form.get("SAMLResponse"));
    Matcher valid = email == null ? null : EMAIL.matcher(email);
    if (valid == null || !valid.matches() || !valid.group(1).equalsIgnoreCase(string(workspace.sso, "domain"))) {
      return new MockResponse().setResponseCode(400);
    }
    User user = user(email);
    if (user == null) {
      return new MockResponse().setResponseCode(400);
    }
    String value = randomText(32);
    sessions.put(value, new Session(user, null));
    String cookie = (https ? SECURE_COOKIE : PLAIN_COOKIE) + "=" + value + "; Path=/; HttpOnly"
        + (https ? "; Secure" : "");
    return new MockResponse().setResponseCode(302)
        .setHeader("Location", WEB_APP)
        .addHeader("Set-Cookie", cookie);
  }

  /** A stand-in SAML2 response naming the user; the server checks its shape, not a signature. */
  static String samlResponseFor(String email) {
    String xml = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" "
        + "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"><saml:Assertion><saml:Subject>"
        + "<saml:NameID Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress\">" + email
        + "</saml:NameID></saml:Subject></saml:Assertion></samlp:Response>";
    return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
  }

  private static String assertedEmail(String samlResponse) {
    if (samlResponse == null) {
      return null;
    }
    try {
      String xml = new String(Base64.getDecoder().decode(samlResponse), StandardCharsets.UTF_8);
      Matcher nameId = NAME_ID.matcher(xml);
      return nameId.find() ? nameId.group(1).trim() : null;
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  private Workspace ssoWorkspaceFor(String domain) {
    for (Workspace workspace : workspaces.values()) {
      if (workspace.sso != null && workspace.sso.get("enabled").getAsBoolean()
          && domain.equalsIgnoreCase(string(workspace.sso, "domain"))) {
        return workspace;
      }
    }
    return null;
  }

  // ---- authentication --------------------------------------------------------------------------

  /** Basic credentials (email and password, or token and "api_token") or the session cookie. */
  Authenticated authenticate(RecordedRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null) {
      User user = basicUser(authorization);
      return user != null ? new Authenticated(user, null) : Authenticated.failed(401, "Incorrect username and/or password");
    }
    String cookieHeader = request.getHeader("Cookie");
    String value = cookieHeader == null ? null : sessionCookie(cookieHeader);
    if (value == null) {
      return Authenticated.failed(401, "Unauthorized");
    }
    Session session = sessions.get(value);
    if (session == null) {
      return Authenticated.failed(401, "Session has ended");
    }
    if (session.expiresAt != null && !now().isBefore(session.expiresAt)) {
      sessions.remove(value);
      return Authenticated.failed(401, "Session has expired");
    }
    return new Authenticated(session.user, value);
  }

  private User basicUser(String authorization) {
    if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return null;
    }
    String name = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    if (password.equals("api_token")) {
      for (User user : usersByEmail.values()) {
        if (user.apiToken.equals(name)) {
          return user;
        }
      }
      return null;
    }
    User user = user(name);
    return user != null && user.password.equals(password) ? user : null;
  }

  private String sessionCookie(String header) {
    String wanted = https ? SECURE_COOKIE : PLAIN_COOKIE;
    for (String pair : SEMICOLON.split(header, -1)) {
      String[] nameValue = EQUALS.split(pair.trim(), 2);
      if (nameValue.length == 2 && nameValue[0].equals(wanted)) {
        return nameValue[1];
      }
    }
    return null;
  }

  // ---- JSON and helpers ------------------------------------------------------------------------

  JsonObject togglUser(User user) {
    JsonObject json = user(user);
    json.addProperty("at", RFC3339_MICROS.format(user.createdAt));
    json.addProperty("beginning_of_week", user.beginningOfWeek);
    if (user.countryId != null) {
      json.addProperty("country_id", user.countryId);
    } else {
      json.add("country_id", null);
    }
    json.addProperty("created_at", RFC3339_MICROS.format(user.createdAt));
    json.addProperty("default_workspace_id", user.defaultWorkspaceId);
    json.addProperty("has_password", true);
    json.addProperty("image_url", "https://assets.track.toggl.com/images/profile.png");
    json.add("openid_email", null);
    json.addProperty("openid_enabled", false);
    json.addProperty("updated_at", RFC3339_MICROS.format(user.updatedAt != null ? user.updatedAt : user.createdAt));
    // The real API sends fields no model lists; clients must ignore them.
    json.addProperty("authorization_updated_at", RFC3339_MICROS.format(user.createdAt));
    json.addProperty("intercom_hash", randomText(8));
    return json;
  }

  private static JsonObject user(User user) {
    JsonObject json = new JsonObject();
    json.addProperty("api_token", user.apiToken);
    json.addProperty("email", user.email);
    json.addProperty("fullname", user.fullName);
    json.addProperty("id", user.id);
    json.addProperty("timezone", user.timezone);
    return json;
  }

  static JsonObject jsonBody(RecordedRequest request) {
    JsonElement parsed;
    try {
      parsed = JsonParser.parseString(request.getBody().clone().readUtf8());
    } catch (JsonParseException e) {
      throw new BadRequest("The body is not valid JSON");
    }
    if (!parsed.isJsonObject()) {
      throw new BadRequest("The body must be a JSON object");
    }
    return parsed.getAsJsonObject();
  }

  private static Map<String, String> formBody(RecordedRequest request) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : AMPERSAND.split(request.getBody().clone().readUtf8(), -1)) {
      String[] nameValue = EQUALS.split(pair, 2);
      if (nameValue.length == 2) {
        fields.put(decode(nameValue[0]), decode(nameValue[1]));
      }
    }
    return fields;
  }

  private static String decode(String formEncoded) {
    try {
      return URLDecoder.decode(formEncoded, "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new AssertionError(e);
    }
  }

  /** A string field; anything but a string or null is a bad request (the validator should have said so). */
  static String string(JsonObject json, String name) {
    JsonElement value = json.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      throw new BadRequest(name + " must be a string");
    }
    return value.getAsString();
  }

  /** A boolean field; anything but true, false or null is a bad request. */
  static Boolean bool(JsonObject json, String name) {
    JsonElement value = json.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
      throw new BadRequest(name + " must be true or false");
    }
    return value.getAsBoolean();
  }

  static MockResponse json(int status, JsonElement body) {
    return new MockResponse().setResponseCode(status)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .setBody(body.toString());
  }

  /** Toggl's errors are a bare JSON string. */
  static MockResponse error(int status, String message) {
    return json(status, new JsonPrimitive(message));
  }

  Instant now() {
    return Instant.now().plus(clockOffset);
  }

  private String newToken() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    StringBuilder hex = new StringBuilder();
    for (byte b : bytes) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }

  String randomText(int bytes) {
    byte[] raw = new byte[bytes];
    random.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  /** An account. */
  static final class User {
    final long id;
    String email;
    String password;
    String fullName;
    final Instant createdAt;
    Instant updatedAt;
    int beginningOfWeek = 1;
    String apiToken;
    String timezone = "UTC";
    Long countryId;
    long defaultWorkspaceId;
    boolean ssoEnabled;

    User(long id, String email, String password, String fullName, String apiToken, Instant createdAt) {
      this.id = id;
      this.email = email;
      this.password = password;
      this.fullName = fullName;
      this.apiToken = apiToken;
      this.createdAt = createdAt;
    }
  }

  /** A workspace, with its members and the settings an admin can change. */
  static final class Workspace {
    final long id;
    final long organizationId;
    final Instant createdAt;
    Instant at;
    String name;
    /** Member ID to whether the member is an admin; in the order they joined. */
    final Map<Long, Boolean> members = new LinkedHashMap<>();
    /** The fields of workspace.Payload that an admin may change, with Toggl's defaults. */
    final JsonObject settings = TrackingService.defaultWorkspaceSettings();
    JsonObject sso;

    Workspace(long id, String name, User owner, long organizationId, Instant createdAt) {
      this.id = id;
      this.name = name;
      this.organizationId = organizationId;
      this.createdAt = createdAt;
      this.at = createdAt;
      members.put(owner.id, true);
    }

    boolean isMember(long userId) {
      return members.containsKey(userId);
    }

    boolean isAdmin(long userId) {
      return Boolean.TRUE.equals(members.get(userId));
    }
  }

  private static final class Session {
    final User user;
    /** Null for a session that lasts until the browser closes. */
    final Instant expiresAt;

    Session(User user, Instant expiresAt) {
      this.user = user;
      this.expiresAt = expiresAt;
    }
  }

  /** A request the service refuses with 400 and a message. */
  static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message);
    }
  }

  static final class Authenticated {
    final User user;
    final String session;
    final MockResponse failure;

    Authenticated(User user, String session) {
      this.user = user;
      this.session = session;
      this.failure = null;
    }

    private Authenticated(MockResponse failure) {
      this.user = null;
      this.session = null;
      this.failure = failure;
    }

    static Authenticated failed(int status, String message) {
      return new Authenticated(error(status, message));
    }
  }
}
