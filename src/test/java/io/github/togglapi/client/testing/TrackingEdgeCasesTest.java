package io.github.togglapi.client.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.togglapi.client.ApiClient;
import io.github.togglapi.client.ApiException;
import io.github.togglapi.client.NetworkException;
import io.github.togglapi.client.ServerException;
import io.github.togglapi.client.api.MeApi;
import io.github.togglapi.client.api.ProjectsApi;
import io.github.togglapi.client.api.TagsApi;
import io.github.togglapi.client.api.TasksApi;
import io.github.togglapi.client.api.TimeEntriesApi;
import io.github.togglapi.client.api.WorkspacesApi;
import io.github.togglapi.client.model.MePayload;
import io.github.togglapi.client.model.ModelsProject;
import io.github.togglapi.client.model.ModelsTask;
import io.github.togglapi.client.model.ModelsTimeEntry;
import io.github.togglapi.client.model.ProjectPayload;
import io.github.togglapi.client.model.TaskPayload;
import io.github.togglapi.client.model.TimeentryPatchInput;
import io.github.togglapi.client.model.TimeentryPatchOutput;
import io.github.togglapi.client.model.TimeentryPayload;
import io.github.togglapi.client.model.WorkspacePayload;
import io.github.togglapi.client.testing.EmbeddedTogglServer.Account;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The edges a review of the time-tracking core found: which operations answer 501, values no
 * calendar holds, private projects reached through their tasks, one timer per user in bulk edits,
 * refused requests that must change nothing, the nine days of "recent", faults on answers without
 * a body, and retries of PUT and DELETE.
 */
class TrackingEdgeCasesTest {
  private static final String PASSWORD = "correct-horse-battery";
  /** The operations the server implements: the eleven of authentication and the core's. */
  private static final Set<String> IMPLEMENTED = new HashSet<>(Arrays.asList(
      "postSignup", "meSessionsPost", "meSessionsDelete", "postResetToken", "postEnableSso", "getWorkspaceSso",
      "postWorkspaceSso", "patchWorkspaceSso", "deleteWorkspaceSso", "getSaml2LoginUrl", "postSaml2Callback",
      "getMe", "putMe", "getWorkspaces", "getMeProjects", "getClients", "getTags", "getTasks", "getMeOrganizations",
      "getTimeEntries", "getCurrentTimeEntry", "getTimeEntryById", "searchWorkspace", "getWorkspace", "putWorkspaces",
      "getWorkspaceUsers", "getWorkspaceClients", "postWorkspaceClients", "getWorkspaceClient", "putWorkspaceClients",
      "deleteWorkspaceClients", "archiveClient", "restoreClient", "getProjects", "postWorkspaceProjectCreate",
      "getProject", "putWorkspaceProject", "deleteWorkspaceProject", "getWorkspaceProjectTasks",
      "postWorkspaceProjectTasks", "getWorkspaceProjectTask", "putWorkspaceProjectTask", "deleteWorkspaceProjectTask",
      "getWorkspaceTags", "postWorkspaceTag", "putWorkspaceTag", "deleteWorkspaceTag", "createTimeEntry",
      "updateTimeEntry", "deleteTimeEntry", "stopTimeEntry", "patchTimeEntries", "searchDetailedReportTimeEntries"));

  private EmbeddedTogglServer toggl;
  private Account ada;
  private long ws;
  private ApiClient client;

  private void start() {
    toggl = EmbeddedTogglServer.startHttp();
    ada = toggl.createAccount("ada@example.com", PASSWORD);
    ws = ada.getWorkspaceId();
    client = toggl.newApiClient().setApiToken(ada.getApiToken()).setInitialRetryDelay(1);
  }

  @AfterEach
  void stop() {
    if (toggl != null) {
      toggl.close();
    }
  }

  /** Every operation of the spec that the server does not implement answers 501 with its name. */
  @Test
  void everyOperationOutsideTheCoreAnswers501NamingIt() throws IOException {
    start();
    toggl.lenient(); // the requests below carry no real parameters or bodies
    JsonObject paths;
    try (Reader in = new InputStreamReader(Files.newInputStream(Paths.get("api/openapi.json")), StandardCharsets.UTF_8)) {
      paths = JsonParser.parseReader(in).getAsJsonObject().getAsJsonObject("paths");
    }
    List<String> wrong = new ArrayList<>();
    int unimplemented = 0;
    for (Map.Entry<String, JsonElement> path : paths.entrySet()) {
      for (Map.Entry<String, JsonElement> method : path.getValue().getAsJsonObject().entrySet()) {
        if (!method.getValue().isJsonObject() || !method.getValue().getAsJsonObject().has("operationId")) {
          continue;
        }
        JsonObject operation = method.getValue().getAsJsonObject();
        String id = operation.get("operationId").getAsString();
        String concrete = path.getKey().replaceAll("\\{[^}]+}", "1");
        String url = (operation.has("x-host-root") ? "" : EmbeddedTogglServer.BASE_PATH) + concrete;
        String verb = method.getKey().toUpperCase(Locale.ROOT);
        RequestBody body = verb.equals("GET") || verb.equals("DELETE") ? null
            : RequestBody.create("{}", MediaType.get("application/json"));
        Request request = new Request.Builder().url(toggl.baseUrl().replace(EmbeddedTogglServer.BASE_PATH, "") + url)
            .method(verb, body).header("Authorization", Credentials.basic(ada.getApiToken(), "api_token")).build();
        try (Response response = toggl.httpClient().newCall(request).execute()) {
          String text = response.body().string();
          boolean named = response.code() == 501 && text.equals("\"The embedded Toggl server does not implement " + id + "\"");
          if (IMPLEMENTED.contains(id) ? response.code() == 501 : !named) {
            wrong.add(verb + " " + url + " (" + id + "): " + response.code() + " " + text);
          }
          unimplemented += IMPLEMENTED.contains(id) ? 0 : 1;
        }
      }
    }
    assertEquals(Collections.emptyList(), wrong);
    assertEquals(325 - IMPLEMENTED.size(), unimplemented, "every operation of the spec was tried, and each implemented one exists");
    toggl.takeViolations(); // the lenient server noted each request that broke the spec
  }

  @Test
  void aQueryParameterTheServerDoesNotHonourIs501NotASilent200() {
    start();
    ServerException e = assertThrows(ServerException.class,
        () -> new ProjectsApi(client).getProjects(ws, null, null, null, null, null, null, null, "Web", null, null, null,
            null, null, null, null));
    assertEquals(501, e.getCode());
    assertEquals("\"The embedded Toggl server does not implement the 'name' parameter of getProjects\"",
        e.getResponseBody());
  }

  @Test
  void aBodyFieldTheServerDoesNotActOnIs501NotASilent200() throws ApiException {
    start();
    TimeEntriesApi entries = new TimeEntriesApi(client);
    ServerException shared = assertThrows(ServerException.class, () -> entries.createTimeEntry(ws,
        entry(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), 60L).sharedWithUserIds(Collections.singletonList(7L)), null));
    assertEquals(501, shared.getCode());
    assertEquals("\"The embedded Toggl server does not implement the 'shared_with_user_ids' field of createTimeEntry\"",
        shared.getResponseBody());
    assertTrue(entries.getTimeEntries(null, null, null, null, null, null).isEmpty(), "nothing was made");
    ServerException grouped = assertThrows(ServerException.class, () -> new io.github.togglapi.client.api.ReportsApi(client)
        .searchDetailedReportTimeEntries(ws, new io.github.togglapi.client.model.DetailedPost().grouped(true)));
    assertEquals(501, grouped.getCode());
    // false is what the server does anyway
    assertTrue(new io.github.togglapi.client.api.ReportsApi(client)
        .searchDetailedReportTimeEntries(ws, new io.github.togglapi.client.model.DetailedPost().grouped(false)).isEmpty());
  }

  @Test
  void valuesNoCalendarHoldsAre400NotACrash() {
    start();
    TimeEntriesApi entries = new TimeEntriesApi(client);
    ApiException longDuration = assertThrows(ApiException.class, () -> entries.createTimeEntry(ws, new TimeentryPayload()
        .workspaceId(ws).start(OffsetDateTime.now(ZoneOffset.UTC)).duration(Long.MAX_VALUE).createdWith("t"), null));
    assertEquals(400, longDuration.getCode());
    ApiException farSince = assertThrows(ApiException.class,
        () -> entries.getTimeEntries(Long.MAX_VALUE, null, null, null, null, null));
    assertEquals(400, farSince.getCode());
    // close() in stop() passes: neither was a crash of the server
  }

  @Test
  void aPrivateProjectStaysHiddenBehindItsTasks() throws ApiException {
    start();
    Account bob = toggl.createAccount("bob@example.com", PASSWORD);
    toggl.addMember(ws, bob.getEmail());
    ModelsProject secret = new ProjectsApi(client).postWorkspaceProjectCreate(ws, new ProjectPayload().name("Secret").isPrivate(true));
    ModelsTask task = new TasksApi(client).postWorkspaceProjectTasks(ws, secret.getId(), new TaskPayload().name("Secret task"));
    ApiClient member = toggl.newApiClient().setApiToken(bob.getApiToken());
    TasksApi tasks = new TasksApi(member);
    ProjectsApi projects = new ProjectsApi(member);
    assertEquals(404, assertThrows(ApiException.class, () -> tasks.getWorkspaceProjectTasks(ws, secret.getId())).getCode());
    assertEquals(404, assertThrows(ApiException.class, () -> tasks.getWorkspaceProjectTask(ws, secret.getId(), task.getId())).getCode());
    assertEquals(404, assertThrows(ApiException.class,
        () -> tasks.postWorkspaceProjectTasks(ws, secret.getId(), new TaskPayload().name("x"))).getCode());
    assertEquals(404, assertThrows(ApiException.class,
        () -> projects.putWorkspaceProject(ws, secret.getId(), new ProjectPayload().name("Mine"))).getCode());
    assertEquals(404, assertThrows(ApiException.class, () -> projects.deleteWorkspaceProject(ws, secret.getId(), null)).getCode());
    ApiException byTask = assertThrows(ApiException.class, () -> new TimeEntriesApi(member).createTimeEntry(ws,
        new TimeentryPayload().workspaceId(ws).taskId(task.getId()).start(OffsetDateTime.now(ZoneOffset.UTC))
            .duration(60L).createdWith("t"), null));
    assertEquals(400, byTask.getCode());
    assertTrue(new MeApi(member).getTasks(null, null, null, null, null).isEmpty());
  }

  @Test
  void aBulkEditCannotStartASecondTimer() throws ApiException {
    start();
    TimeEntriesApi entries = new TimeEntriesApi(client);
    OffsetDateTime hourAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
    ModelsTimeEntry finished = entries.createTimeEntry(ws, entry(hourAgo, 600L), null);
    ModelsTimeEntry running = entries.createTimeEntry(ws, entry(hourAgo.plusMinutes(30), -1L), null);
    TimeentryPatchOutput out = entries.patchTimeEntries(ws, String.valueOf(finished.getId()),
        Collections.singletonList(new TimeentryPatchInput().op("replace").path("/duration").value(-1)), null);
    assertTrue(out.getSuccess().isEmpty(), String.valueOf(out));
    assertEquals(finished.getId(), out.getFailure().get(0).getId());
    assertEquals(running.getId(), entries.getCurrentTimeEntry().getId());
    assertEquals(600L, entries.getTimeEntryById(finished.getId(), null, null).getDuration().longValue());
  }

  @Test
  void aRefusedRequestChangesNothing() throws ApiException {
    start();
    WorkspacesApi workspaces = new WorkspacesApi(client);
    assertEquals(400, assertThrows(ApiException.class, () -> workspaces.putWorkspaces(ws,
        new WorkspacePayload().onlyAdminsMayCreateProjects(true).admins(Collections.singletonList(42L)))).getCode());
    assertFalse(workspaces.getWorkspace(ws).getOnlyAdminsMayCreateProjects());

    ProjectsApi projects = new ProjectsApi(client);
    ModelsProject project = projects.postWorkspaceProjectCreate(ws, new ProjectPayload().name("Website").isPrivate(true));
    assertEquals(400, assertThrows(ApiException.class, () -> projects.putWorkspaceProject(ws, project.getId(),
        new ProjectPayload().isPrivate(false).endDate(java.time.LocalDate.of(2000, 1, 1)))).getCode());
    assertTrue(projects.getProject(ws, project.getId()).getIsPrivate());

    TimeEntriesApi entries = new TimeEntriesApi(client);
    OffsetDateTime hourAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
    ModelsTimeEntry first = entries.createTimeEntry(ws, entry(hourAgo, 600L), null);
    assertEquals(400, assertThrows(ApiException.class, () -> entries.patchTimeEntries(ws, first.getId() + ",abc",
        Collections.singletonList(new TimeentryPatchInput().op("replace").path("/description").value("changed")), null)).getCode());
    assertEquals("work", entries.getTimeEntryById(first.getId(), null, null).getDescription());

    entries.createTimeEntry(ws, entry(hourAgo.plusMinutes(30), -1L), null); // a timer runs
    assertEquals(400, assertThrows(ApiException.class, () -> entries.updateTimeEntry(ws, first.getId(),
        new TimeentryPayload().duration(-1L).tags(Collections.singletonList("ghost")), null, null)).getCode());
    assertTrue(new TagsApi(client).getWorkspaceTags(ws).isEmpty(), "no tag was made by the refused edit");
  }

  @Test
  void aLenientServerRefusesWhatItCouldNotWriteBackAndChangesNothing() throws ApiException {
    start();
    toggl.lenient();
    String token = ada.getApiToken();
    assertEquals(400, raw("PUT", "/me", "{\"fullname\":\"Ada L\",\"beginning_of_week\":3,\"country_id\":\"x\"}", token));
    assertEquals(400, raw("PUT", "/workspaces/" + ws, "{\"default_hourly_rate\":\"abc\"}", token));
    assertEquals(400, raw("POST", "/workspaces/" + ws + "/time_entries",
        "{\"workspace_id\":" + ws + ",\"start\":\"+10000-01-01T00:00:00Z\",\"duration\":60,\"created_with\":\"t\"}", token));
    assertEquals("ada", new MeApi(client).getMe(null).getFullname());
    assertEquals(1L, new MeApi(client).getMe(null).getBeginningOfWeek().longValue());
    assertNull(new WorkspacesApi(client).getWorkspace(ws).getDefaultHourlyRate());
    assertEquals(3, toggl.takeViolations().size(), "each request broke the spec");
  }

  @Test
  void recentMeansTheLastNineDays() throws ApiException {
    start();
    TimeEntriesApi entries = new TimeEntriesApi(client);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    ModelsTimeEntry eightDays = entries.createTimeEntry(ws, entry(now.minusDays(8), 60L), null);
    entries.createTimeEntry(ws, entry(now.minusDays(10), 60L), null);
    List<ModelsTimeEntry> listed = entries.getTimeEntries(null, null, null, null, null, null);
    assertEquals(1, listed.size());
    assertEquals(eightDays.getId(), listed.get(0).getId());
    assertEquals(1, new MeApi(client).getMe(true).getTimeEntries().size());
    toggl.advanceClock(Duration.ofDays(2)); // now the eight-day-old entry is ten days old
    assertTrue(entries.getTimeEntries(null, null, null, null, null, null).isEmpty());
    assertTrue(new MeApi(client).getMe(true).getTimeEntries().isEmpty());
  }

  /** A delete has no body to break: the connection closes before its answer, after the work is done. */
  @Test
  void aBrokenBodyOnADeleteIsANetworkExceptionAndTheDeleteHappened() throws ApiException {
    start();
    TimeEntriesApi entries = new TimeEntriesApi(client.setMaxRetries(0));
    ModelsTimeEntry entry = entries.createTimeEntry(ws, entry(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), 60L), null);
    toggl.inject(Fault.brokenBody().onlyFor("deleteTimeEntry"));
    assertThrows(NetworkException.class, () -> entries.deleteTimeEntry(ws, entry.getId()));
    assertEquals(404, assertThrows(ApiException.class, () -> entries.getTimeEntryById(entry.getId(), null, null)).getCode());
  }

  @Test
  void aPutAndADeleteAreRetriedAfterA503AndADisconnect() throws ApiException {
    start();
    TimeEntriesApi entries = new TimeEntriesApi(client);
    ModelsTimeEntry entry = entries.createTimeEntry(ws, entry(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), 60L), null);
    int before = toggl.requestCount();
    toggl.inject(Fault.serverError(503).onlyFor("updateTimeEntry"));
    assertEquals("renamed", entries.updateTimeEntry(ws, entry.getId(), new TimeentryPayload().description("renamed"), null, null)
        .getDescription());
    assertEquals(before + 2, toggl.requestCount());
    toggl.inject(Fault.disconnect().onlyFor("deleteTimeEntry"));
    entries.deleteTimeEntry(ws, entry.getId());
    assertEquals(before + 4, toggl.requestCount());
    assertEquals(404, assertThrows(ApiException.class, () -> entries.getTimeEntryById(entry.getId(), null, null)).getCode());
  }

  @Test
  void removingTheTagsOfABulkEditWithoutAValueClearsThem() throws ApiException {
    start();
    TimeEntriesApi entries = new TimeEntriesApi(client);
    ModelsTimeEntry tagged = entries.createTimeEntry(ws, entry(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), 60L)
        .tags(Arrays.asList("focus", "deep")), null);
    TimeentryPatchOutput out = entries.patchTimeEntries(ws, String.valueOf(tagged.getId()),
        Collections.singletonList(new TimeentryPatchInput().op("remove").path("/tags")), null);
    assertEquals(Collections.singletonList(tagged.getId()), out.getSuccess());
    assertTrue(entries.getTimeEntryById(tagged.getId(), null, null).getTags().isEmpty());
  }

  @Test
  void aSlowFaultLongerThanADayIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Fault.slow(Duration.ofDays(2)));
    assertNotNull(Fault.slow(Duration.ofDays(1)));
  }

  @Test
  void putMeChangesNothingWhenTheEmailIsTaken() throws ApiException {
    start();
    toggl.createAccount("bob@example.com", PASSWORD);
    MeApi me = new MeApi(client);
    assertEquals(400, assertThrows(ApiException.class,
        () -> me.putMe(new MePayload().fullname("Ada L").email("bob@example.com"))).getCode());
    assertEquals("ada", me.getMe(null).getFullname());
  }

  private int raw(String method, String path, String json, String token) {
    Request request = new Request.Builder().url(toggl.baseUrl() + path)
        .method(method, RequestBody.create(json, MediaType.get("application/json")))
        .header("Authorization", Credentials.basic(token, "api_token")).build();
    try (Response response = toggl.httpClient().newCall(request).execute()) {
      return response.code();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private TimeentryPayload entry(OffsetDateTime start, long duration) {
    return new TimeentryPayload().workspaceId(ws).start(start.withNano(0)).duration(duration).description("work")
        .createdWith("toggl-api-java tests");
  }
}
