package io.github.togglapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.togglapi.client.api.AuthenticationApi;
import io.github.togglapi.client.model.MePostUser;
import io.github.togglapi.client.model.ModelsSSOConfig;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile arguments: CR/LF, non-ASCII and reserved characters in every string parameter arrive
 * encoded, exactly as given, and never change the request line, the path or the headers.
 */
class HostileArgumentsTest {
  private final MockWebServer server = new MockWebServer();
  private AuthenticationApi api;

  @BeforeEach
  void start() throws IOException {
    server.start();
    api = new AuthenticationApi(new ApiClient().setBasePath(server.url("/api/v9").toString()).setMaxRetries(0));
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "a\r\nX-Injected: yes", "a\nSet-Cookie: evil=1", "zoë+tag@exämple.com", "漢字\uD83D\uDE00",
      "a&b=c#d?e/f%2F..%2e", "../../admin", " spaced out ", "\u0000nul", "\"quoted\" 'single' <tag>",
      "%0D%0AX-Injected: yes", "a;b,c=d", "HTTP/1.1 200 OK"})
  void queryParametersAreEncodedAndArriveIntact(String hostile) throws Exception {
    server.enqueue(json("{\"sso_url\":\"https://idp\"}"));
    api.getSaml2LoginUrl(hostile, hostile, hostile);
    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertClean(request);
    assertEquals("/api/v9/auth/saml2/login", request.getRequestUrl().encodedPath());
    HttpUrl url = request.getRequestUrl();
    assertEquals(3, url.querySize(), url.toString());
    assertEquals(hostile, url.queryParameter("email"));
    assertEquals(hostile, url.queryParameter("client"));
    assertEquals(hostile, url.queryParameter("state"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\r\nX-Injected: yes", "zoë=&x", "PHNhbWw+PC9zYW1sPg==", "a%26b&RelayState=forged"})
  void formFieldsAreEncodedAndArriveIntact(String hostile) throws Exception {
    server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "/timer"));
    api.postSaml2Callback(1L, hostile, hostile);
    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertClean(request);
    Map<String, String> form = new HashMap<>();
    for (String pair : java.util.regex.Pattern.compile("&").split(request.getBody().readUtf8(), -1)) {
      String[] nameValue = java.util.regex.Pattern.compile("=").split(pair, 2);
      assertNull(form.put(URLDecoder.decode(nameValue[0], "UTF-8"), URLDecoder.decode(nameValue[1], "UTF-8")),
          "a field appears twice: " + pair);
    }
    assertEquals(hostile, form.get("SAMLResponse"));
    assertEquals(hostile, form.get("RelayState"));
    assertEquals(2, form.size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\r\nX-Injected: yes", "\"}, \"tos_accepted\": false, \"x\": {\"", "\u2028\u2029", "\\u0000"})
  void jsonFieldsAreEscapedAndArriveIntact(String hostile) throws Exception {
    server.enqueue(json("{\"id\":1}"));
    api.postSignup(new MePostUser().email(hostile).password(hostile).fullName(hostile).tosAccepted(true));
    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertClean(request);
    JsonObject body = JsonParser.parseString(request.getBody().readUtf8()).getAsJsonObject();
    assertEquals(hostile, body.get("email").getAsString());
    assertEquals(hostile, body.get("full_name").getAsString());
    assertTrue(body.get("tos_accepted").getAsBoolean(), "no field was injected");
    assertEquals(4, body.size());

    server.enqueue(json("{}"));
    api.postWorkspaceSso(5L, new ModelsSSOConfig().domain(hostile));
    RecordedRequest sso = server.takeRequest(1, TimeUnit.SECONDS);
    assertEquals("/api/v9/workspaces/5/sso", sso.getRequestUrl().encodedPath());
  }

  @ParameterizedTest
  @ValueSource(strings = {"agent\r\nX-Injected: yes", "agent\n", "agent\u0000"})
  void headerValuesWithControlCharactersAreRefused(String hostile) {
    ApiClient client = new ApiClient();
    assertThrows(IllegalArgumentException.class, () -> client.setUserAgent(hostile));
    assertEquals(ApiClient.DEFAULT_USER_AGENT, client.getUserAgent());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ada\r\nX-Injected: yes", "zoë:колобок", "pa:ss:word"})
  void credentialsNeverReachAHeaderRaw(String hostile) throws Exception {
    AuthenticationApi withCredentials = new AuthenticationApi(new ApiClient()
        .setBasePath(server.url("/api/v9").toString()).setUsername(hostile).setPassword(hostile));
    server.enqueue(json("\"ok\""));
    withCredentials.postResetToken();
    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertClean(request);
    assertTrue(request.getHeader("Authorization").matches("Basic [A-Za-z0-9+/=]+"));
  }

  private static void assertClean(RecordedRequest request) {
    assertNull(request.getHeader("X-Injected"));
    assertNull(request.getHeader("Set-Cookie"));
    String line = request.getRequestLine();
    assertFalse(line.contains("\r") || line.contains("\n"), line);
    assertTrue(line.matches("[A-Z]+ \\S+ HTTP/1\\.1"), line);
  }

  private static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }
}
