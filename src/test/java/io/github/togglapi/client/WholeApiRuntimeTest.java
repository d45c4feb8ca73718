package io.github.togglapi.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import com.google.gson.reflect.TypeToken;
import io.github.togglapi.client.api.ReportsApi;
import io.github.togglapi.client.model.DetailedGroupedTimeEntry;
import io.github.togglapi.client.model.DetailedPost;
import io.github.togglapi.client.model.ModelsUser;
import io.github.togglapi.client.model.TimeentryPayload;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the whole API needs of the runtime beyond the authentication operations: paths on the
 * host's root, parameters inside a path segment, lists in paths and queries, file uploads, file
 * answers, and the cursor pages of the reports API.
 */
class WholeApiRuntimeTest {
  private final MockWebServer server = new MockWebServer();
  private ApiClient client;

  @BeforeEach
  void start() throws IOException {
    server.start();
    client = new ApiClient().setBasePath(server.url("/api/v9").toString()).setApiToken("tok-whole-api-0123456789")
        .setInitialRetryDelay(1);
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private RecordedRequest send(ApiRequest.Builder request) throws Exception {
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{}"));
    client.execute(client.buildCall(request.authenticated().build()), null);
    return server.takeRequest();
  }

  /** No running time entry is a literal null; a delete may answer nothing. Neither is a failure there. */
  @Test
  void aNullAnswerIsNullWhereTheSpecAllowsItAndAFailureElsewhere() throws Exception {
    io.github.togglapi.client.api.TimeEntriesApi timeEntries = new io.github.togglapi.client.api.TimeEntriesApi(client);
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("null"));
    assertNull(timeEntries.getCurrentTimeEntry());
    server.enqueue(new MockResponse().setResponseCode(200));
    assertNull(new io.github.togglapi.client.api.TagsApi(client).deleteWorkspaceTag(1L, 2L));
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("\"deleted\""));
    assertEquals("deleted", new io.github.togglapi.client.api.TagsApi(client).deleteWorkspaceTag(1L, 2L));
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("null"));
    ApiException notAllowed = assertThrows(ApiException.class, () -> timeEntries.getTimeEntryById(5L, null, null));
    assertTrue(notAllowed.getMessage().contains("null instead of a"), notAllowed.getMessage());
  }

  @Test
  void reportsAndInsightsPathsStartAtTheHostsRoot() throws Exception {
    RecordedRequest reports = send(ApiRequest.builder("searchTimeEntries", "POST",
        "/reports/api/v3/workspace/{workspace_id}/search/time_entries").pathParam("workspace_id", 42L).hostRelative());
    assertEquals("/reports/api/v3/workspace/42/search/time_entries", reports.getPath());
    assertTrue(reports.getHeader("Authorization").startsWith("Basic "), "same host, same credentials");
    RecordedRequest v9 = send(ApiRequest.builder("getMe", "GET", "/me"));
    assertEquals("/api/v9/me", v9.getPath());
  }

  @Test
  void parametersFillPartOfASegmentAndListsJoinWithCommas() throws Exception {
    assertEquals("/api/v9/workspaces/1/invoices/77.pdf", send(ApiRequest.builder("getInvoice", "GET",
        "/workspaces/{workspace_id}/invoices/{invoice_id}.pdf").pathParam("workspace_id", 1L).pathParam("invoice_id", 77L)).getPath());
    assertEquals("/insights/api/v1/workspace/1/profitability/employees.csv", send(ApiRequest.builder("x", "POST",
        "/insights/api/v1/workspace/{workspace_id}/profitability/employees.{extension}").hostRelative()
        .pathParam("workspace_id", 1L).pathParam("extension", "csv")).getPath());
    assertEquals("/api/v9/workspaces/1/time_entries/3730303299,3730303300", send(ApiRequest.builder("patch", "PATCH",
        "/workspaces/{workspace_id}/time_entries/{time_entry_ids}").pathParam("workspace_id", 1L)
        .pathParam("time_entry_ids", Arrays.asList(3730303299L, 3730303300L))).getPath());
    // A value is one segment whatever it holds: a slash cannot reach another resource.
    assertEquals("/api/v9/me/export/data/a%2Fb.zip", send(ApiRequest.builder("x", "GET",
        "/me/export/data/{uuid}.zip").pathParam("uuid", "a/b")).getPath());
    assertThrows(IllegalArgumentException.class, () -> client.buildCall(ApiRequest.builder("x", "GET",
        "/me/export/data/{uuid}").pathParam("uuid", "..").build()));
    assertThrows(IllegalArgumentException.class, () -> client.buildCall(ApiRequest.builder("x", "GET",
        "/me/export/data/{uuid}.zip").build()));
  }

  @Test
  void queryListsGoAsCommasOrRepeatedAndTimestampsAsRfc3339() throws Exception {
    OffsetDateTime since = OffsetDateTime.of(2024, 12, 15, 20, 17, 0, 0, ZoneOffset.UTC);
    RecordedRequest request = send(ApiRequest.builder("x", "GET", "/me/time_entries")
        .queryParam("project_ids", Arrays.asList(1L, 2L, 3L))
        .queryParams("user_ids", Arrays.asList(7L, 8L))
        .queryParam("since", since)
        .queryParams("none", null));
    assertEquals("1,2,3", request.getRequestUrl().queryParameter("project_ids"));
    assertEquals(Arrays.asList("7", "8"), request.getRequestUrl().queryParameterValues("user_ids"));
    assertEquals("2024-12-15T20:17:00Z", request.getRequestUrl().queryParameter("since"));
    RecordedRequest withHeader = send(ApiRequest.builder("x", "GET", "/me").header("X-Workspace-Id", 42L).header("X-None", null));
    assertEquals("42", withHeader.getHeader("X-Workspace-Id"));
    assertNull(withHeader.getHeader("X-None"));
    assertNull(request.getRequestUrl().queryParameter("none"));
  }

  @Test
  void filesGoAsMultipartWithTheFormFields(@TempDir Path folder) throws Exception {
    Path logo = folder.resolve("logo.png");
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3};
    Files.write(logo, png);
    client.setDebugging(true);
    try (LogCapture log = LogCapture.debugLog()) {
      RecordedRequest request = send(ApiRequest.builder("postWorkspaceLogo", "POST", "/workspaces/{workspace_id}/logo")
          .pathParam("workspace_id", 9L).formParam("file", logo.toFile()).formParam("note", "new logo"));
      assertTrue(request.getHeader("Content-Type").startsWith("multipart/form-data; boundary="));
      Buffer body = request.getBody();
      String text = body.clone().readString(StandardCharsets.ISO_8859_1);
      assertTrue(text.contains("Content-Disposition: form-data; name=\"file\"; filename=\"logo.png\""), text);
      assertTrue(text.contains("Content-Type: image/png"), text);
      assertTrue(text.contains(new String(png, StandardCharsets.ISO_8859_1)), "the file's bytes as they are");
      assertTrue(text.contains("name=\"note\"") && text.contains("new logo"), text);
      assertTrue(log.all().contains("(multipart body, "), log.all());
      assertFalse(log.all().contains("PNG"), "a file's bytes are not logged");
    }
    assertEquals(Arrays.asList("file"), new ArrayList<>(ApiRequest.builder("x", "POST", "/x")
        .formParam("file", new File("a.pdf")).build().getFileParams().keySet()));
  }

  @Test
  void fileAnswersComeAsBytesBoundedAndUnlogged() throws Exception {
    byte[] pdf = "%PDF-1.7\n\u00e2\u00e3 binary \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
    client.setDebugging(true);
    try (LogCapture log = LogCapture.debugLog()) {
      server.enqueue(new MockResponse().setHeader("Content-Type", "application/pdf").setBody(new Buffer().write(pdf)));
      ApiResponse<byte[]> answer = client.execute(client.buildCall(ApiRequest.builder("getInvoicePdf", "GET",
          "/workspaces/1/invoices/2.pdf").accept("application/pdf").authenticated().build()), byte[].class);
      assertArrayEquals(pdf, answer.getData());
      assertEquals("application/pdf", server.takeRequest().getHeader("Accept"));
      assertTrue(log.all().contains("(application/pdf body, " + pdf.length + " bytes)"), log.all());
      assertFalse(log.all().contains("%PDF"), log.all());
    }
    client.setMaxResponseBytes(10);
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/pdf").setBody(new Buffer().write(pdf)));
    ApiException tooLong = assertThrows(ApiException.class, () -> client.execute(client.buildCall(
        ApiRequest.builder("getInvoicePdf", "GET", "/x.pdf").build()), byte[].class));
    assertTrue(tooLong.getMessage().contains("longer than 10 bytes"), tooLong.getMessage());
  }

  @Test
  void reportPagesFollowTheCursorHeadersUntilTheLastPage() throws Exception {
    server.enqueue(page("[{\"id\":1},{\"id\":2}]").setHeader(ReportPages.NEXT_ID, "3").setHeader(ReportPages.NEXT_ROW_NUMBER, "3"));
    server.enqueue(new MockResponse().setResponseCode(503)); // a POST: not retried, the page is asked for again
    server.enqueue(page("[{\"id\":3}]").setHeader(ReportPages.NEXT_ID, "4").setHeader(ReportPages.NEXT_ROW_NUMBER, "4"));
    server.enqueue(page("[{\"id\":4}]"));
    Map<String, Object> filter = new LinkedHashMap<>();
    filter.put("start_date", "2024-12-01");
    filter.put("page_size", 2);
    ReportPages<List<ModelsUser>> pages = new ReportPages<>((firstId, firstRow) -> client.execute(
        client.buildCall(ApiRequest.builder("searchTimeEntries", "POST", "/reports/api/v3/workspace/1/search/time_entries")
            .hostRelative().authenticated()
            .jsonBody(client.getJSON().withFields(filter, "first_id", firstId, "first_row_number", firstRow)).build()),
        new TypeToken<List<ModelsUser>>() { }.getType()));
    List<Long> ids = new ArrayList<>();
    assertTrue(pages.hasNext());
    pages.next().forEach(user -> ids.add(user.getId()));
    assertThrows(ServerException.class, pages::next);
    while (pages.hasNext()) {
      pages.next().forEach(user -> ids.add(user.getId()));
    }
    assertEquals(Arrays.asList(1L, 2L, 3L, 4L), ids);
    assertThrows(NoSuchElementException.class, pages::next);
    assertEquals("{\"start_date\":\"2024-12-01\",\"page_size\":2}", server.takeRequest().getBody().readUtf8());
    String second = "{\"start_date\":\"2024-12-01\",\"page_size\":2,\"first_id\":3,\"first_row_number\":3}";
    assertEquals(second, server.takeRequest().getBody().readUtf8());
    assertEquals(second, server.takeRequest().getBody().readUtf8(), "the failed page is asked for again");
    assertTrue(server.takeRequest().getBody().readUtf8().contains("\"first_id\":4"));
    assertEquals(2, filter.size(), "the caller's filter is left as it was");
  }

  /** The README's report example: the generated pages method passes the cursor back in the filter. */
  @Test
  void theDetailedReportsPagesMethodWalksEveryPage() throws Exception {
    server.enqueue(page("[{\"description\":\"a\"},{\"description\":\"b\"}]")
        .setHeader(ReportPages.NEXT_ID, "3730303299").setHeader(ReportPages.NEXT_ROW_NUMBER, "3"));
    server.enqueue(page("[{\"description\":\"c\"}]"));
    ReportPages<List<DetailedGroupedTimeEntry>> pages = new ReportsApi(client).searchDetailedReportTimeEntriesPages(
        1234567L, new DetailedPost().startDate(LocalDate.of(2024, 12, 1)).pageSize(2L));
    List<String> seen = new ArrayList<>();
    while (pages.hasNext()) {
      pages.next().forEach(row -> seen.add(row.getDescription()));
    }
    assertEquals(Arrays.asList("a", "b", "c"), seen);
    RecordedRequest first = server.takeRequest();
    assertEquals("/reports/api/v3/workspace/1234567/search/time_entries", first.getPath());
    assertEquals("{\"page_size\":2,\"start_date\":\"2024-12-01\"}", first.getBody().readUtf8());
    String second = server.takeRequest().getBody().readUtf8();
    assertTrue(second.contains("\"first_id\":3730303299") && second.contains("\"first_row_number\":3")
        && second.contains("\"start_date\":\"2024-12-01\""), second);
  }

  /** The README's promise on enums: a newer service's value reads as UNKNOWN, its text is kept and written back. */
  @Test
  void anEnumValueFromANewerServiceIsUnknownAndKept() {
    JSON json = client.getJSON();
    TimeentryPayload read = json.deserialize("{\"tag_action\":\"merge\",\"description\":\"x\"}", TimeentryPayload.class);
    assertEquals(TimeentryPayload.TagActionEnum.UNKNOWN, read.getTagAction());
    assertEquals("merge", read.getTagActionValue());
    assertEquals("x", read.getDescription());
    assertTrue(json.serialize(read).contains("\"tag_action\":\"merge\""), json.serialize(read));
    TimeentryPayload known = json.deserialize("{\"tag_action\":\"add\"}", TimeentryPayload.class);
    assertEquals(TimeentryPayload.TagActionEnum.ADD, known.getTagAction());
    assertEquals("add", known.getTagActionValue());
  }

  /**
   * A token in the path (a shared report's, a calendar feed's) is a capability: the URL carries it,
   * and neither the debug log nor the exception shows it, as sent or as echoed, encoded or not.
   */
  @Test
  void aSensitivePathParameterIsSentButNeverShown() throws Exception {
    String token = "s3cr3t/report tok\u00e9n";
    String encoded = "s3cr3t%2Freport%20tok%C3%A9n";
    server.enqueue(new MockResponse().setResponseCode(404).setHeader("Content-Type", "application/json")
        .setHeader("X-Echo", "/reports/api/v3/shared/" + encoded)
        .setBody("\"no saved report at /reports/api/v3/shared/" + encoded + " (" + token + ")\""));
    client.setDebugging(true);
    ApiException e;
    String log;
    try (LogCapture capture = LogCapture.debugLog()) {
      e = assertThrows(NotFoundException.class, () -> new ReportsApi(client).getSavedReport(token, null));
      log = capture.all();
    }
    assertEquals("/reports/api/v3/shared/" + encoded, server.takeRequest().getPath(), "sent as it is");
    for (String shown : Arrays.asList(log, e.getMessage(), e.toString())) {
      assertFalse(shown.contains(encoded) || shown.contains(token) || shown.contains("s3cr3t"), shown);
    }
    assertTrue(log.contains("/reports/api/v3/shared/"), log);
    assertTrue(e.getResponseBody().contains(token), "the raw body is the caller's to read");
  }

  /** Behind a gateway's prefix, reports go beside its /api/v9, not to the host's root. */
  @Test
  void reportsKeepTheBasePathsPrefix() throws Exception {
    client.setBasePath(server.url("/toggl/api/v9/").toString());
    RecordedRequest request = send(ApiRequest.builder("searchTimeEntries", "POST",
        "/reports/api/v3/workspace/{workspace_id}/search/time_entries").pathParam("workspace_id", 1L).hostRelative());
    assertEquals("/toggl/reports/api/v3/workspace/1/search/time_entries", request.getPath());
    client.setBasePath(server.url("/mock").toString()); // no /api/v9: the host's root
    assertEquals("/reports/api/v3/x", send(ApiRequest.builder("x", "GET", "/reports/api/v3/x").hostRelative()).getPath());
  }

  /** An operation whose file is optional still sends multipart, as the spec says, without the file. */
  @Test
  void anOptionalFileLeftOutStillGoesAsMultipart() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(200));
    new io.github.togglapi.client.api.FeedbackApi(client).postFeedbackWeb("7.5", "2024-12-15", "It works", null, null, null, null);
    RecordedRequest request = server.takeRequest();
    assertTrue(request.getHeader("Content-Type").startsWith("multipart/form-data; boundary="), request.getHeader("Content-Type"));
    String body = request.getBody().readUtf8();
    assertTrue(body.contains("name=\"details\"") && body.contains("It works") && !body.contains("name=\"files\""), body);
  }

  /** CSV and iCalendar answers hold a user's data: the debug log gives their type and size only. */
  @Test
  void csvAndCalendarAnswersAreNotLogged() throws Exception {
    client.setDebugging(true);
    try (LogCapture log = LogCapture.debugLog()) {
      server.enqueue(new MockResponse().setHeader("Content-Type", "text/calendar").setBody("BEGIN:VCALENDAR\nSUMMARY:Therapy\n"));
      assertEquals("BEGIN:VCALENDAR\nSUMMARY:Therapy\n",
          new String(new io.github.togglapi.client.api.ICalApi(client).getIcal("feed-token-0123456789"), StandardCharsets.UTF_8));
      server.enqueue(new MockResponse().setHeader("Content-Type", "text/csv").setBody("User,Description\nAda,Therapy\n"));
      client.execute(client.buildCall(ApiRequest.builder("export", "POST", "/x.csv").accept("text/csv").build()), byte[].class);
      assertFalse(log.all().contains("Therapy"), log.all());
      assertTrue(log.all().contains("(text/calendar body, ") && log.all().contains("(text/csv body, "), log.all());
    }
  }

  /** A captive portal's page is not saved as the PDF. */
  @Test
  void anHtmlPageWhereAFileWasExpectedIsAnError() {
    server.enqueue(new MockResponse().setHeader("Content-Type", "text/html; charset=utf-8")
        .setBody("<html><body>Sign in to the Wi-Fi</body></html>"));
    ApiException e = assertThrows(ApiException.class, () -> client.execute(client.buildCall(
        ApiRequest.builder("getInvoicePdf", "GET", "/x.pdf").accept("application/pdf").build()), byte[].class));
    assertTrue(e.getMessage().contains("HTML page where a file was expected"), e.getMessage());
    assertEquals(200, e.getCode());
    assertTrue(e.getResponseBody().contains("Wi-Fi"));
  }

  /** A report cursor that does not move forward ends the walk instead of looping. */
  @Test
  void aCursorThatDoesNotMoveEndsTheWalk() throws Exception {
    server.enqueue(page("[]").setHeader(ReportPages.NEXT_ID, "5").setHeader(ReportPages.NEXT_ROW_NUMBER, "5"));
    server.enqueue(page("[]").setHeader(ReportPages.NEXT_ID, "5").setHeader(ReportPages.NEXT_ROW_NUMBER, "5"));
    ReportPages<List<DetailedGroupedTimeEntry>> pages = new ReportsApi(client).searchDetailedReportTimeEntriesPages(
        1L, new DetailedPost());
    assertEquals(0, server.getRequestCount(), "nothing is fetched until next()");
    pages.next();
    ApiException e = assertThrows(ApiException.class, pages::next);
    assertTrue(e.getMessage().contains("X-Next-ID 5"), e.getMessage());
    assertFalse(pages.hasNext());
    assertEquals(2, server.getRequestCount());
  }

  /** A token in the path is a secret: it does not go over plain HTTP to another machine either. */
  @Test
  void aPathTokenNeverGoesOverPlainHttpToAnotherMachine() {
    okhttp3.OkHttpClient resolving = new okhttp3.OkHttpClient.Builder()
        .dns(host -> java.util.Collections.singletonList(java.net.InetAddress.getLoopbackAddress())).build();
    ApiClient remote = new ApiClient(resolving).setBasePath("http://api.example.test:" + server.getPort() + "/api/v9");
    ApiException e = assertThrows(ApiException.class,
        () -> new io.github.togglapi.client.api.ICalApi(remote).getIcal("feed-token-0123456789"));
    assertTrue(e.getMessage().contains("was not sent") && e.getMessage().contains("plain HTTP"), e.getMessage());
    assertFalse(e.getMessage().contains("feed-token"), e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  private static MockResponse page(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }
}
