package io.github.togglapi.client.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded server's validator catches requests and answers outside the spec, and says where:
 * each message names the place ({@code body.tags[1]}, {@code query.since}) and the fault. What it
 * agrees and disagrees on with Atlassian's validator is SpecValidatorDifferentialTest's business.
 */
class SpecValidatorTest {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final OkHttpClient CLIENT = new OkHttpClient();
  private static MockWebServer scratch;

  private final SpecValidator validator = SpecValidator.shared();

  @BeforeAll
  static void startScratchServer() throws IOException {
    scratch = new MockWebServer();
    scratch.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse();
      }
    });
    scratch.start();
  }

  @AfterAll
  static void stopScratchServer() throws IOException {
    scratch.shutdown();
  }

  @Test
  void catchesResponsesOutsideTheSpec() throws Exception {
    RecordedRequest get = get("/api/v9/workspaces/1/sso");
    assertEquals(Collections.emptyList(), validator.checkResponse(get, json(200, "{\"config\":{\"enabled\":true}}")));
    assertEquals(Collections.emptyList(), validator.checkResponse(get, json(200, "{\"extra\":1}")),
        "unlisted fields are allowed in answers, as Toggl sends them");
    assertEquals(Collections.singletonList("body.config.enabled: expected boolean, got string"),
        validator.checkResponse(get, json(200, "{\"config\":{\"enabled\":\"yes\"}}")));
    assertEquals(Collections.singletonList("status: 418 is not declared (declared: [200, 401, 402, 403, 404, 429, 500])"),
        validator.checkResponse(get, json(418, "\"teapot\"")));
    assertEquals(Collections.singletonList(
        "header.Content-Type: text/html is not declared for status 200 (declared: [application/json])"),
        validator.checkResponse(get, new MockResponse().setHeader("Content-Type", "text/html").setBody("<p>")));
    assertEquals(Collections.singletonList("header.Content-Type: missing; a body without a Content-Type cannot be"
        + " checked (status 200 declares [application/json])"),
        validator.checkResponse(get, new MockResponse().setBody("{}")));
    assertEquals(Collections.singletonList("body: required but missing (status 200 declares [application/json])"),
        validator.checkResponse(get, new MockResponse().setHeader("Content-Type", "application/json")));
    assertEquals(Collections.singletonList("body: not valid JSON (at line 1 column 3)"),
        validator.checkResponse(get, json(200, "{bad")));
  }

  @Test
  void aResponseWithoutContentHasNoBodyAndAFileAnswerIsNotParsed() throws Exception {
    RecordedRequest delete = record(new Request.Builder().url(scratch.url("/api/v9/me/sessions")).delete());
    assertEquals(Collections.emptyList(), validator.checkResponse(delete, new MockResponse()));
    assertEquals(Collections.singletonList("body: status 200 declares no body, got 2 bytes"),
        validator.checkResponse(delete, json(200, "{}")));
    RecordedRequest invoice = get("/api/v9/organizations/1/invoices/in-1.pdf");
    assertEquals(Collections.emptyList(), validator.checkResponse(invoice,
        new MockResponse().setHeader("Content-Type", "application/pdf").setBody("%PDF-1.7 {not json")));
  }

  @Test
  void messagesNameThePlaceDownToTheArrayItem() throws Exception {
    RecordedRequest search = record(new Request.Builder()
        .url(scratch.url("/reports/api/v3/workspace/1/search/time_entries"))
        .post(RequestBody.create("{\"start_date\":\"2024-01-01\"}".getBytes(StandardCharsets.UTF_8), JSON)));
    assertEquals(Collections.emptyList(), validator.checkRequest(search));
    String entries = "[{\"time_entries\":[{\"id\":1},{\"id\":2},{\"id\":3,\"stop\":1700000000}]}]";
    assertEquals(Collections.singletonList("body[0].time_entries[2].stop: expected string, got integer"),
        validator.checkResponse(search, json(200, entries)));
  }

  @Test
  void catchesRequestsOutsideTheSpec() throws Exception {
    assertEquals(Collections.singletonList("query.email: required but missing"),
        validator.checkRequest(get("/api/v9/auth/saml2/login")));
    assertEquals(Collections.singletonList("path: /api/v9/me/nothing is no operation's path (operations other than"
        + " the reports' and insights' are under /api/v9)"), validator.checkRequest(get("/api/v9/me/nothing")));
    assertEquals(Collections.singletonList("method: GET is not allowed on /api/v9/signup (allowed: [POST])"),
        validator.checkRequest(get("/api/v9/signup")));
    assertEquals(Collections.singletonList("path.workspace_id: expected integer, got \"abc\""),
        validator.checkRequest(get("/api/v9/workspaces/abc/sso")));
    assertEquals(Collections.singletonList("query.since: expected integer, got \"1.5\""),
        validator.checkRequest(get("/api/v9/workspaces/1/projects?since=1.5")));
    assertEquals(Collections.singletonList("query.user_ids[1]: expected integer, got \"x\""),
        validator.checkRequest(get("/api/v9/workspaces/1/projects?user_ids=1,x")));
    assertEquals(Collections.singletonList("query.user_ids: one value expected, got 2"),
        validator.checkRequest(get("/api/v9/workspaces/1/projects?user_ids=1&user_ids=2")),
        "style form, explode false: one comma-separated value");
    assertEquals(Collections.singletonList("query.colour: unknown parameter"),
        validator.checkRequest(get("/api/v9/workspaces/1/projects?colour=red")));
    assertEquals(Collections.singletonList("path.project_user_ids[1]: expected integer, got \"a\""),
        validator.checkRequest(record(new Request.Builder().url(scratch.url("/api/v9/workspaces/1/project_users/1,a"))
            .patch(RequestBody.create(new byte[0], null)))));
    assertEquals(Collections.singletonList("query.start_date: \"2024-02-30\" is not a date (YYYY-MM-DD)"),
        validator.checkRequest(get("/api/v9/workspaces/1/tasks?start_date=2024-02-30")));
    assertEquals(Collections.singletonList("path.client: \"mobile\" is not one of [\"desktop\",\"web\"]"),
        validator.checkRequest(get("/api/v9/me/preferences/mobile")));
    assertEquals(Collections.singletonList("header.Accept: text/html admits none of the answers' media types"
        + " [application/json]"), validator.checkRequest(record(new Request.Builder()
            .url(scratch.url("/api/v9/me/time_entries/current")).header("Accept", "text/html"))));
  }

  @Test
  void catchesBodiesOutsideTheSpec() throws Exception {
    assertEquals(Collections.emptyList(), signup("{\"email\":\"ada@example.com\",\"password\":\"x\",\"tos_accepted\":true}"));
    assertEquals(Collections.singletonList("body.tos_accepted: required but missing"),
        signup("{\"email\":\"ada@example.com\",\"password\":\"x\"}"));
    assertEquals(Collections.singletonList("body.colour: unknown property"),
        signup("{\"email\":\"a@b.c\",\"password\":\"x\",\"tos_accepted\":true,\"colour\":\"red\"}"),
        "requests may only hold what their schema lists");
    assertEquals(Collections.singletonList("body.workspace.colour: unknown property"),
        signup("{\"email\":\"a@b.c\",\"password\":\"x\",\"tos_accepted\":true,\"workspace\":{\"colour\":\"red\"}}"));
    assertEquals(Collections.singletonList("body.email: expected string, got null"),
        signup("{\"email\":null,\"password\":\"x\",\"tos_accepted\":true}"), "null only where nullable");
    assertEquals(Collections.singletonList("body.country_id: expected integer, got number"),
        signup("{\"email\":\"a@b.c\",\"password\":\"x\",\"tos_accepted\":true,\"country_id\":1.0}"));
    assertEquals(Collections.singletonList("body.country_id: 9223372036854775808 is out of the int64 range"),
        signup("{\"email\":\"a@b.c\",\"password\":\"x\",\"tos_accepted\":true,\"country_id\":9223372036854775808}"));
    assertEquals(Collections.singletonList("body: not valid JSON (at line 1 column 54)"),
        signup("{\"email\":\"a@b.c\",\"password\":\"x\",\"tos_accepted\":true}{}"));
    assertEquals(Collections.singletonList("body: not valid JSON (at line 1 column 3)"), signup("{'email':'a@b.c'}"),
        "strict JSON: no single quotes");
    assertEquals(Collections.singletonList("body: required but missing"), signup(""));

    String entry = "/api/v9/workspaces/1/time_entries";
    assertEquals(Collections.emptyList(), post(entry, "{\"stop\":null,\"tag_action\":null,\"start\":\"2024-01-01T10:00:00.123456+02:00\"}"));
    assertEquals(Collections.singletonList("body.tag_action: \"both\" is not one of [\"add\",\"delete\"]"),
        post(entry, "{\"tag_action\":\"both\"}"));
    assertEquals(Collections.singletonList("body.start: \"2024-01-01 10:00:00Z\" is not an RFC 3339 date-time"),
        post(entry, "{\"start\":\"2024-01-01 10:00:00Z\"}"));
    assertEquals(Collections.singletonList("body.tags[1]: expected string, got null"), post(entry, "{\"tags\":[\"a\",null]}"));
  }

  @Test
  void aBodyNeedsADeclaredContentType() throws Exception {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    assertEquals(Collections.singletonList("header.Content-Type: missing; a body without a Content-Type cannot be"
        + " checked (the request declares [application/json])"), validator.checkRequest(record(new Request.Builder()
            .url(scratch.url("/api/v9/me/sessions")).post(RequestBody.create(body, null)))));
    assertEquals(Collections.singletonList("header.Content-Type: text/plain is not declared for the request"
        + " (declared: [application/json])"), validator.checkRequest(record(new Request.Builder()
            .url(scratch.url("/api/v9/me/sessions")).post(RequestBody.create(body, MediaType.get("text/plain"))))));
    assertEquals(Collections.singletonList("body: the operation takes no body, got 2 bytes"),
        validator.checkRequest(record(new Request.Builder().url(scratch.url("/api/v9/me/sessions"))
            .delete(RequestBody.create(body, JSON)))));
  }

  @Test
  void checksFormAndMultipartFieldsByTheirSchema() throws Exception {
    MediaType form = MediaType.get("application/x-www-form-urlencoded");
    String callback = "/api/v9/auth/saml2/login/1";
    assertEquals(Collections.emptyList(), post(callback, "SAMLResponse=PHNhbWw%2B&RelayState=x", form));
    assertEquals(Collections.singletonList("body.SAMLResponse: required but missing"), post(callback, "RelayState=x", form));
    assertEquals(Collections.singletonList("body.Other: unknown property"), post(callback, "SAMLResponse=a&Other=x", form));

    RequestBody png = RequestBody.create(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff}, MediaType.get("image/png"));
    MultipartBody avatar = new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart("file", "me.png", png).build();
    assertEquals(Collections.emptyList(), validator.checkRequest(record(new Request.Builder()
        .url(scratch.url("/api/v9/avatars")).post(avatar))));
    MultipartBody misnamed = new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart("image", "me.png", png).build();
    assertEquals(Arrays.asList("body.file: required but missing", "body.image: unknown property"),
        validator.checkRequest(record(new Request.Builder().url(scratch.url("/api/v9/avatars")).post(misnamed))));
  }

  @Test
  void namesTheOperationOfAPathPreferringLiteralSegments() {
    assertEquals("getCurrentTimeEntry", validator.operationId("GET", "/api/v9/me/time_entries/current"));
    assertEquals("getTimeEntryById", validator.operationId("GET", "/api/v9/me/time_entries/42"));
    assertEquals("postSignup", validator.operationId("post", "/api/v9/signup"));
    assertEquals("searchDetailedReportTimeEntries",
        validator.operationId("POST", "/reports/api/v3/workspace/1/search/time_entries"), "reports live at the host's root");
    assertEquals("exportDetailedReportPdf",
        validator.operationId("POST", "/reports/api/v3/workspace/1/search/time_entries.pdf"));
    assertEquals("exportInsightsEmployeeProfitability",
        validator.operationId("POST", "/insights/api/v1/workspace/1/profitability/employees.csv"));
    assertNull(validator.operationId("POST", "/api/v9/reports/api/v3/workspace/1/search/time_entries"));
    assertNull(validator.operationId("POST", "/signup"), "everything else lives under /api/v9");
    assertNull(validator.operationId("DELETE", "/api/v9/me/time_entries/current"), "no path here has DELETE");
    assertEquals("getProject", validator.operationId("GET", "/api/v9/workspaces/1/projects/2"));
    assertEquals("patchWorkspaceProjects", validator.operationId("PATCH", "/api/v9/workspaces/1/projects/2,3"),
        ".../projects/{project_id} and .../projects/{project_ids} tie: the method decides");
    assertEquals("putWorkspaces", validator.operationId("PUT", "/api/v9/workspaces/plans"),
        "/workspaces/plans has GET alone: PUT goes to /workspaces/{workspace_id}, whose check then fails");
    assertNull(validator.operationId("POST", "/api/v9/signup/"));
    assertNull(validator.operationId("GET", "/api/v9/me/nothing"));
  }

  /**
   * The validator checks the keywords api/openapi.json uses and ignores the rest; this fails the day
   * the spec starts to use one it would silently ignore (allOf, pattern, minimum, a cookie parameter).
   */
  @Test
  void theSpecUsesOnlyWhatTheValidatorChecks() throws IOException {
    JsonObject spec;
    try (Reader in = new InputStreamReader(Files.newInputStream(Paths.get("api/openapi.json")), StandardCharsets.UTF_8)) {
      spec = JsonParser.parseReader(in).getAsJsonObject();
    }
    Set<String> keywords = new TreeSet<>();
    Set<String> places = new TreeSet<>();
    Set<String> mediaTypes = new TreeSet<>();
    for (Map.Entry<String, JsonElement> schema : spec.getAsJsonObject("components").getAsJsonObject("schemas").entrySet()) {
      collectKeywords(schema.getValue().getAsJsonObject(), keywords);
    }
    for (Map.Entry<String, JsonElement> item : spec.getAsJsonObject("paths").entrySet()) {
      for (Map.Entry<String, JsonElement> member : item.getValue().getAsJsonObject().entrySet()) {
        if (!member.getValue().isJsonObject()) {
          continue;
        }
        JsonObject operation = member.getValue().getAsJsonObject();
        if (operation.has("parameters")) {
          for (JsonElement parameter : operation.getAsJsonArray("parameters")) {
            JsonObject p = parameter.getAsJsonObject();
            places.add(p.has("in") ? p.get("in").getAsString() + (p.has("style") ? " " + p.get("style").getAsString() : "")
                : p.get("$ref").getAsString());
            if (p.has("schema")) {
              collectKeywords(p.getAsJsonObject("schema"), keywords);
            }
          }
        }
        if (operation.has("requestBody")) {
          for (Map.Entry<String, JsonElement> media : operation.getAsJsonObject("requestBody").getAsJsonObject("content").entrySet()) {
            mediaTypes.add("request " + media.getKey());
            collectKeywords(media.getValue().getAsJsonObject().getAsJsonObject("schema"), keywords);
          }
        }
        if (operation.has("responses")) {
          for (Map.Entry<String, JsonElement> answer : operation.getAsJsonObject("responses").entrySet()) {
            assertTrue(answer.getKey().matches("[1-5]\\d\\d"), "a status the validator matches: " + answer.getKey());
          }
        }
      }
    }
    Set<String> checked = new HashSet<>(Arrays.asList("type", "nullable", "format", "$ref", "items", "properties",
        "additionalProperties", "enum", "required"));
    Set<String> ignored = new HashSet<>(Arrays.asList("description", "example", "default", "x-sensitive", "x-long-text"));
    keywords.removeAll(checked);
    keywords.removeAll(ignored);
    assertEquals(Collections.emptySet(), keywords, "schema keywords the validator would ignore");
    assertEquals(new TreeSet<>(Arrays.asList("#/components/parameters/WorkspaceId", "path", "path simple", "query",
        "query form")), places);
    assertEquals(new TreeSet<>(Arrays.asList("request application/json", "request application/x-www-form-urlencoded",
        "request multipart/form-data")), mediaTypes);
  }

  private static void collectKeywords(JsonObject schema, Set<String> keywords) {
    keywords.addAll(schema.keySet());
    if (schema.has("properties")) {
      for (Map.Entry<String, JsonElement> property : schema.getAsJsonObject("properties").entrySet()) {
        collectKeywords(property.getValue().getAsJsonObject(), keywords);
      }
    }
    for (String nested : Arrays.asList("items", "additionalProperties")) {
      if (schema.has(nested) && schema.get(nested).isJsonObject()) {
        collectKeywords(schema.getAsJsonObject(nested), keywords);
      }
    }
  }

  private List<String> signup(String body) throws Exception {
    return post("/api/v9/signup", body);
  }

  private List<String> post(String path, String body) throws Exception {
    return post(path, body, JSON);
  }

  private List<String> post(String path, String body, MediaType type) throws Exception {
    return validator.checkRequest(record(new Request.Builder().url(scratch.url(path))
        .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), type))));
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  private static RecordedRequest get(String pathAndQuery) throws Exception {
    return record(new Request.Builder().url(scratch.url(pathAndQuery)));
  }

  /** Sends the request to the scratch server to get the RecordedRequest the embedded server would see. */
  static RecordedRequest record(Request.Builder request) throws IOException, InterruptedException {
    CLIENT.newCall(request.build()).execute().close();
    return scratch.takeRequest(1, TimeUnit.SECONDS);
  }
}
