package io.github.togglapi.client.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.togglapi.client.ApiClient;
import io.github.togglapi.client.ApiException;
import io.github.togglapi.client.ApiResponse;
import io.github.togglapi.client.NotFoundException;
import io.github.togglapi.client.ReportPages;
import io.github.togglapi.client.ServerException;
import io.github.togglapi.client.api.ClientsApi;
import io.github.togglapi.client.api.MeApi;
import io.github.togglapi.client.api.ProjectsApi;
import io.github.togglapi.client.api.ReportsApi;
import io.github.togglapi.client.api.TagsApi;
import io.github.togglapi.client.api.TasksApi;
import io.github.togglapi.client.api.TimeEntriesApi;
import io.github.togglapi.client.api.UsersApi;
import io.github.togglapi.client.api.WorkspacesApi;
import io.github.togglapi.client.model.ClientPayload;
import io.github.togglapi.client.model.DetailedGroupedTimeEntry;
import io.github.togglapi.client.model.DetailedPost;
import io.github.togglapi.client.model.DetailedSingleTimeEntry;
import io.github.togglapi.client.model.MePayload;
import io.github.togglapi.client.model.ModelsClient;
import io.github.togglapi.client.model.ModelsOrganization;
import io.github.togglapi.client.model.ModelsProject;
import io.github.togglapi.client.model.ModelsSimpleWorkspaceUser;
import io.github.togglapi.client.model.ModelsTag;
import io.github.togglapi.client.model.ModelsTask;
import io.github.togglapi.client.model.ModelsTimeEntry;
import io.github.togglapi.client.model.ModelsTogglUser;
import io.github.togglapi.client.model.ModelsWorkspace;
import io.github.togglapi.client.model.ProjectPayload;
import io.github.togglapi.client.model.ProjectRestoreParams;
import io.github.togglapi.client.model.RelatedUserWithRelated;
import io.github.togglapi.client.model.TagsPayload;
import io.github.togglapi.client.model.TaskPayload;
import io.github.togglapi.client.model.TimeentryPatchInput;
import io.github.togglapi.client.model.TimeentryPatchOutput;
import io.github.togglapi.client.model.TimeentryPayload;
import io.github.togglapi.client.model.WorkspacePayload;
import io.github.togglapi.client.model.WorkspaceWithActiveProjectCount;
import io.github.togglapi.client.model.WorkspaceWorkspace;
import io.github.togglapi.client.testing.EmbeddedTogglServer.Account;
import okhttp3.Credentials;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The time-tracking core through the SDK against the embedded server, over HTTPS and plain HTTP,
 * with the spec validator on: every operation's happy path and the errors Toggl answers with, and
 * the shapes of Toggl's answers (IDs past 2^31, two timestamp shapes, legacy fields, nulls).
 */
class TimeTrackingEndToEndTest {
  private static final String PASSWORD = "correct-horse-battery";
  private static final long INT_MAX = Integer.MAX_VALUE;
  private static final String CREATED_WITH = "toggl-api-java tests";
  /** Microseconds and Z: {@code at}, {@code created_at} of users. */
  private static final String MICROS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";
  /** Seconds and an offset: {@code start}, {@code stop}, a project's {@code created_at}. */
  private static final String SECONDS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+00:00";

  private EmbeddedTogglServer toggl;
  private Account ada;
  private long ws;
  private ApiClient client;

  private void start(boolean https) {
    toggl = https ? EmbeddedTogglServer.startHttps() : EmbeddedTogglServer.startHttp();
    ada = toggl.createAccount("ada@example.com", PASSWORD);
    ws = ada.getWorkspaceId();
    client = toggl.newApiClient().setApiToken(ada.getApiToken());
  }

  @AfterEach
  void stop() {
    if (toggl != null) {
      toggl.close(); // fails the test if any traffic broke api/openapi.yaml
    }
  }

  // ---- the user and their lists -----------------------------------------------------------------

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void getMeWithAndWithoutRelatedData(boolean https) throws ApiException {
    start(https);
    MeApi me = new MeApi(client);
    RelatedUserWithRelated plain = me.getMe(null);
    assertEquals(ada.getId(), plain.getId().longValue());
    assertTrue(plain.getId() > INT_MAX && plain.getDefaultWorkspaceId() > INT_MAX);
    assertEquals("ada@example.com", plain.getEmail());
    assertEquals(ws, plain.getDefaultWorkspaceId().longValue());
    assertNull(plain.getWorkspaces(), "no related data unless asked for");
    assertNull(plain.getTimeEntries());
    assertNull(plain.getCountryId(), "null for an unset field");

    ModelsClient acme = new ClientsApi(client).postWorkspaceClients(ws, new ClientPayload().name("Acme"));
    ModelsProject website = newProject("Website", acme.getId());
    ModelsTask design = new TasksApi(client).postWorkspaceProjectTasks(ws, website.getId(), new TaskPayload().name("Design"));
    ModelsTag urgent = new TagsApi(client).postWorkspaceTag(ws, new TagsPayload().name("urgent")).get(0);
    ModelsTimeEntry recent = newEntry(OffsetDateTime.now(ZoneOffset.UTC).minusHours(3), 3600);
    newEntry(OffsetDateTime.now(ZoneOffset.UTC).minusDays(30), 3600); // older than the nine days listed

    RelatedUserWithRelated related = me.getMe(true);
    assertEquals(ada.getId(), related.getId().longValue());
    assertEquals(1, related.getWorkspaces().size());
    assertEquals(ws, related.getWorkspaces().get(0).getId().longValue());
    assertEquals(acme.getId(), related.getClients().get(0).getId());
    assertEquals(website.getId(), related.getProjects().get(0).getId());
    assertEquals(design.getId(), related.getTasks().get(0).getId());
    assertEquals(urgent.getId(), related.getTags().get(0).getId());
    assertEquals(1, related.getTimeEntries().size(), "recent time entries only");
    assertEquals(recent.getId(), related.getTimeEntries().get(0).getId());
    assertNull(me.getMe(false).getWorkspaces());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void putMeChangesSettingsAndThePassword(boolean https) throws ApiException {
    start(https);
    MeApi me = new MeApi(client);
    ModelsTogglUser changed = me.putMe(new MePayload().fullname("Ada Lovelace").timezone("Europe/London").beginningOfWeek(0L));
    assertEquals("Ada Lovelace", changed.getFullname());
    assertEquals("Europe/London", changed.getTimezone());
    assertEquals(0L, changed.getBeginningOfWeek().longValue());
    RelatedUserWithRelated read = me.getMe(null);
    assertEquals("Ada Lovelace", read.getFullname());
    assertEquals("Europe/London", read.getTimezone());

    ApiException wrong = assertThrows(ApiException.class,
        () -> me.putMe(new MePayload().password("a-new-password").currentPassword("not-it")));
    assertEquals(400, wrong.getCode());
    assertEquals("\"Current password is not valid\"", wrong.getResponseBody());
    assertEquals(400, assertThrows(ApiException.class, () -> me.putMe(new MePayload().beginningOfWeek(7L))).getCode());

    me.putMe(new MePayload().password("a-new-password").currentPassword(PASSWORD));
    ApiClient byPassword = toggl.newApiClient().setUsername("ada@example.com").setPassword("a-new-password");
    assertEquals(ada.getId(), new MeApi(byPassword).getMe(null).getId().longValue());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void theUsersListsAndTheirFilters(boolean https) throws ApiException {
    start(https);
    MeApi me = new MeApi(client);
    ModelsClient acme = new ClientsApi(client).postWorkspaceClients(ws, new ClientPayload().name("Acme"));
    ModelsProject website = newProject("Website", acme.getId());
    ModelsProject archived = new ProjectsApi(client).postWorkspaceProjectCreate(ws, new ProjectPayload().name("Old site").active(false));
    TasksApi tasks = new TasksApi(client);
    ModelsTask design = tasks.postWorkspaceProjectTasks(ws, website.getId(), new TaskPayload().name("Design"));
    ModelsTask done = tasks.postWorkspaceProjectTasks(ws, website.getId(), new TaskPayload().name("Done").active(false));
    ModelsTag urgent = new TagsApi(client).postWorkspaceTag(ws, new TagsPayload().name("urgent")).get(0);

    List<WorkspaceWithActiveProjectCount> workspaces = me.getWorkspaces(null);
    assertEquals(1, workspaces.size());
    assertEquals(ws, workspaces.get(0).getId().longValue());
    assertEquals(1L, workspaces.get(0).getActiveProjectCount().longValue());
    assertTrue(workspaces.get(0).getAdmin());
    assertEquals("admin", workspaces.get(0).getRole());

    assertEquals(ids(website), ids(me.getMeProjects(null, null)));
    assertEquals(ids(website, archived), ids(me.getMeProjects("true", null)));
    assertEquals(ids(acme), clientIds(me.getClients(null)));
    assertEquals(Collections.singletonList(urgent.getId()), tagIds(me.getTags(null)));
    assertEquals(Collections.singletonList(design.getId()), taskIds(me.getTasks(null, null, null, null, null)));
    assertEquals(Arrays.asList(design.getId(), done.getId()), taskIds(me.getTasks(null, "true", null, null, null)));

    List<ModelsOrganization> organizations = me.getMeOrganizations();
    assertEquals(1, organizations.size());
    assertTrue(organizations.get(0).getId() > INT_MAX);
    assertTrue(organizations.get(0).getOwner());
    assertTrue(organizations.get(0).getAdmin());
    assertEquals(1L, organizations.get(0).getUserCount().longValue());

    // since (Unix seconds) keeps what changed from then on.
    long before = acme.getAt().toEpochSecond();
    toggl.advanceClock(Duration.ofHours(1));
    ModelsClient globex = new ClientsApi(client).postWorkspaceClients(ws, new ClientPayload().name("Globex"));
    ModelsTag later = new TagsApi(client).postWorkspaceTag(ws, new TagsPayload().name("later")).get(0);
    ModelsProject newer = newProject("Newer", null);
    ModelsTask task = tasks.postWorkspaceProjectTasks(ws, newer.getId(), new TaskPayload().name("Later"));
    long since = before + 1800;
    assertEquals(ids(globex), clientIds(me.getClients(since)));
    assertEquals(Collections.singletonList(later.getId()), tagIds(me.getTags(since)));
    assertEquals(ids(newer), ids(me.getMeProjects(null, since)));
    assertEquals(Collections.singletonList(task.getId()), taskIds(me.getTasks(since, null, null, null, null)));
    assertTrue(me.getWorkspaces(since).isEmpty(), "the workspace did not change");
  }

  // ---- workspaces -------------------------------------------------------------------------------

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void workspacesAreReadChangedAndListTheirUsers(boolean https) throws ApiException {
    start(https);
    Account bob = toggl.createAccount("bob@example.com", PASSWORD);
    toggl.addMember(ws, bob.getEmail());
    WorkspacesApi workspaces = new WorkspacesApi(client);

    List<WorkspaceWorkspace> mine = workspaces.searchWorkspace();
    assertEquals(1, mine.size());
    assertEquals(ws, mine.get(0).getId().longValue());
    WorkspaceWorkspace workspace = workspaces.getWorkspace(ws);
    assertEquals("ada's workspace", workspace.getName());
    assertTrue(workspace.getId() > INT_MAX && workspace.getOrganizationId() > INT_MAX);
    assertTrue(workspace.getAdmin());
    assertEquals("USD", workspace.getDefaultCurrency());
    assertNull(workspace.getDefaultHourlyRate(), "null for an unset field");
    assertNull(workspace.getSuspendedAt());
    assertTrue(workspace.getProjectsPrivateByDefault());

    List<ModelsSimpleWorkspaceUser> users = new UsersApi(client).getWorkspaceUsers(ws, null);
    assertEquals(2, users.size());
    assertEquals(ada.getId(), users.get(0).getId().longValue());
    assertTrue(users.get(0).getIsAdmin());
    assertEquals(bob.getId(), users.get(1).getId().longValue());
    assertFalse(users.get(1).getIsAdmin());
    assertEquals("user", users.get(1).getRole());
    assertEquals("bob@example.com", users.get(1).getEmail());

    ModelsWorkspace changed = workspaces.putWorkspaces(ws, new WorkspacePayload().name("Analytical Engines")
        .onlyAdminsMayCreateTags(true).defaultHourlyRate(new BigDecimal("50")).admins(Collections.singletonList(bob.getId())));
    assertEquals("Analytical Engines", changed.getName());
    assertTrue(changed.getOnlyAdminsMayCreateTags());
    assertEquals(0, new BigDecimal("50").compareTo(changed.getDefaultHourlyRate()));
    assertEquals("Analytical Engines", workspaces.getWorkspace(ws).getName());
    assertTrue(new UsersApi(client).getWorkspaceUsers(ws, true).get(1).getIsAdmin(), "bob was made an admin");
    assertTrue(new WorkspacesApi(toggl.newApiClient().setApiToken(bob.getApiToken())).getWorkspace(ws).getAdmin());
  }

  // ---- clients ----------------------------------------------------------------------------------

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void clientsAreCreatedReadRenamedAndListed(boolean https) throws ApiException {
    start(https);
    ClientsApi clients = new ClientsApi(client);
    ModelsClient acme = clients.postWorkspaceClients(ws, new ClientPayload().name("Acme").notes("Pays late"));
    assertTrue(acme.getId() > INT_MAX);
    assertEquals(ws, acme.getWid().longValue());
    assertEquals("Acme", acme.getName());
    assertEquals("Pays late", acme.getNotes());
    assertFalse(acme.getArchived());
    assertEquals(ada.getId(), acme.getCreatorId().longValue());
    assertEquals(acme, clients.getWorkspaceClient(ws, acme.getId()));
    ModelsClient globex = clients.postWorkspaceClients(ws, new ClientPayload().name("Globex"));
    assertNull(globex.getNotes(), "null for an unset field");

    ModelsClient renamed = clients.putWorkspaceClients(ws, acme.getId(), new ClientPayload().name("Acme Corp"));
    assertEquals("Acme Corp", renamed.getName());
    assertEquals("Pays late", renamed.getNotes(), "a field left out is kept");
    assertEquals(ids(acme, globex), clientIds(clients.getWorkspaceClients(ws, null, null)));
    assertEquals(ids(globex), clientIds(clients.getWorkspaceClients(ws, "active", "GLOB")));
    assertTrue(clients.getWorkspaceClients(ws, "archived", null).isEmpty());
    ApiException badStatus = assertThrows(ApiException.class, () -> clients.getWorkspaceClients(ws, "gone", null));
    assertEquals("\"status must be one of active, archived, both\"", badStatus.getResponseBody());
    ApiException taken = assertThrows(ApiException.class,
        () -> clients.putWorkspaceClients(ws, globex.getId(), new ClientPayload().name("acme corp")));
    assertEquals(400, taken.getCode());
    assertEquals("\"client name already exists\"", taken.getResponseBody());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void postWorkspaceClientsRefusesADuplicateOrBlankName(boolean https) throws ApiException {
    start(https);
    ClientsApi clients = new ClientsApi(client);
    clients.postWorkspaceClients(ws, new ClientPayload().name("Acme"));
    ApiException taken = assertThrows(ApiException.class, () -> clients.postWorkspaceClients(ws, new ClientPayload().name("ACME")));
    assertEquals(400, taken.getCode());
    assertEquals("\"client name already exists\"", taken.getResponseBody());
    ApiException blank = assertThrows(ApiException.class, () -> clients.postWorkspaceClients(ws, new ClientPayload().name(" ")));
    assertEquals("\"Client name can't be blank\"", blank.getResponseBody());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void archivingAClientArchivesItsProjectsAndRestoringBringsBackThoseAskedFor(boolean https) throws ApiException {
    start(https);
    ClientsApi clients = new ClientsApi(client);
    ProjectsApi projects = new ProjectsApi(client);
    ModelsClient acme = clients.postWorkspaceClients(ws, new ClientPayload().name("Acme"));
    ModelsProject website = newProject("Website", acme.getId());
    ModelsProject shop = newProject("Shop", acme.getId());
    ModelsProject other = newProject("Internal", null);

    List<Long> archived = clients.archiveClient(ws, acme.getId());
    assertEquals(ids(website, shop), archived);
    assertTrue(archived.get(0) > INT_MAX);
    assertTrue(clients.getWorkspaceClient(ws, acme.getId()).getArchived());
    assertEquals(ids(acme), clientIds(clients.getWorkspaceClients(ws, "archived", null)));
    assertEquals(ids(acme), clientIds(clients.getWorkspaceClients(ws, "both", null)));
    assertTrue(clients.getWorkspaceClients(ws, null, null).isEmpty());
    assertFalse(projects.getProject(ws, website.getId()).getActive());
    assertEquals("archived", projects.getProject(ws, shop.getId()).getStatus());
    assertTrue(projects.getProject(ws, other.getId()).getActive());

    ModelsClient restored = clients.restoreClient(ws, acme.getId(), new ProjectRestoreParams().projects(ids(website)));
    assertFalse(restored.getArchived());
    assertTrue(projects.getProject(ws, website.getId()).getActive());
    assertFalse(projects.getProject(ws, shop.getId()).getActive(), "only the projects asked for");

    clients.archiveClient(ws, acme.getId());
    clients.restoreClient(ws, acme.getId(), null);
    assertFalse(clients.getWorkspaceClient(ws, acme.getId()).getArchived());
    assertFalse(projects.getProject(ws, website.getId()).getActive(), "without a body, no project");
    clients.archiveClient(ws, acme.getId());
    clients.restoreClient(ws, acme.getId(), new ProjectRestoreParams().restoreAllProjects(true));
    assertTrue(projects.getProject(ws, website.getId()).getActive());
    assertTrue(projects.getProject(ws, shop.getId()).getActive());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void deletingAClientLeavesItsProjectsWithoutOne(boolean https) throws ApiException {
    start(https);
    ClientsApi clients = new ClientsApi(client);
    ModelsClient acme = clients.postWorkspaceClients(ws, new ClientPayload().name("Acme"));
    ModelsProject website = newProject("Website", acme.getId());
    clients.deleteWorkspaceClients(ws, acme.getId()); // Toggl answers 200 without a body
    assertThrows(NotFoundException.class, () -> clients.getWorkspaceClient(ws, acme.getId()));
    assertNull(new ProjectsApi(client).getProject(ws, website.getId()).getClientId());
  }

  // ---- projects ---------------------------------------------------------------------------------

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void projectsAreCreatedReadChangedAndListed(boolean https) throws ApiException {
    start(https);
    ProjectsApi projects = new ProjectsApi(client);
    ModelsClient acme = new ClientsApi(client).postWorkspaceClients(ws, new ClientPayload().name("Acme"));
    ModelsProject website = projects.postWorkspaceProjectCreate(ws, new ProjectPayload().name("Website").clientId(acme.getId())
        .color("#06aaf5").billable(true).isPrivate(false).estimatedHours(10L).rate(new BigDecimal("75.5"))
        .startDate(LocalDate.of(2024, 12, 1)).endDate(LocalDate.of(2024, 12, 31)));
    assertTrue(website.getId() > INT_MAX);
    assertEquals(ws, website.getWorkspaceId().longValue());
    assertEquals(ws, website.getWid().longValue(), "the legacy wid beside workspace_id");
    assertEquals(acme.getId(), website.getClientId());
    assertEquals(acme.getId(), website.getCid(), "the legacy cid beside client_id");
    assertEquals("#06aaf5", website.getColor());
    assertTrue(website.getBillable());
    assertFalse(website.getIsPrivate());
    assertTrue(website.getActive());
    assertEquals("active", website.getStatus());
    assertEquals(36000L, website.getEstimatedSeconds().longValue());
    assertEquals(0, new BigDecimal("75.5").compareTo(website.getRate()));
    assertEquals(LocalDate.of(2024, 12, 1), website.getStartDate());
    assertEquals(LocalDate.of(2024, 12, 31), website.getEndDate());
    assertNull(website.getCurrency(), "null for an unset field");
    assertNull(website.getServerDeletedAt());
    assertEquals(0L, website.getActualSeconds().longValue());
    assertEquals(website, projects.getProject(ws, website.getId()));

    ModelsProject byClientName = projects.postWorkspaceProjectCreate(ws, new ProjectPayload().name("Shop").clientName("acme"));
    assertEquals(acme.getId(), byClientName.getClientId());
    assertTrue(byClientName.getIsPrivate(), "private by default, as the workspace says");
    assertNull(byClientName.getEndDate());

    ModelsTimeEntry tracked = new TimeEntriesApi(client).createTimeEntry(ws, stopped(at("2024-12-15T09:00:00Z"), 5400)
        .projectId(website.getId()), null);
    assertEquals(website.getId(), tracked.getProjectId());
    assertEquals(5400L, projects.getProject(ws, website.getId()).getActualSeconds().longValue());
    assertEquals(1L, projects.getProject(ws, website.getId()).getActualHours().longValue());

    ModelsProject changed = projects.putWorkspaceProject(ws, byClientName.getId(), new ProjectPayload().name("Web shop").active(false));
    assertEquals("Web shop", changed.getName());
    assertFalse(changed.getActive());
    assertEquals("archived", changed.getStatus());
    assertEquals(acme.getId(), changed.getClientId(), "a field left out is kept");
    assertEquals(ids(website, changed), ids(listProjects(projects, null)));
    assertEquals(ids(website), ids(listProjects(projects, true)));
    assertEquals(ids(changed), ids(listProjects(projects, false)));

    ApiException taken = assertThrows(ApiException.class,
        () -> projects.putWorkspaceProject(ws, changed.getId(), new ProjectPayload().name("WEBSITE")));
    assertEquals(400, taken.getCode());
    assertEquals("\"project name already exists\"", taken.getResponseBody());
    assertEquals("\"Invalid project color\"", assertThrows(ApiException.class,
        () -> projects.putWorkspaceProject(ws, website.getId(), new ProjectPayload().color("blue"))).getResponseBody());
    assertEquals("\"end_date must not be earlier than start_date\"", assertThrows(ApiException.class,
        () -> projects.putWorkspaceProject(ws, website.getId(), new ProjectPayload().endDate(LocalDate.of(2024, 11, 1))))
        .getResponseBody());
    assertEquals("#06aaf5", projects.getProject(ws, website.getId()).getColor(), "a refused change changes nothing");
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void deletingAProjectUnassignsOrDeletesItsTimeEntries(boolean https) throws ApiException {
    start(https);
    ProjectsApi projects = new ProjectsApi(client);
    TimeEntriesApi entries = new TimeEntriesApi(client);
    ModelsProject kept = newProject("Kept entries", null);
    ModelsProject dropped = newProject("Dropped entries", null);
    ModelsTimeEntry unassigned = entries.createTimeEntry(ws, stopped(at("2024-12-15T09:00:00Z"), 600).projectId(kept.getId()), null);
    ModelsTimeEntry deleted = entries.createTimeEntry(ws, stopped(at("2024-12-15T10:00:00Z"), 600).projectId(dropped.getId()), null);

    projects.deleteWorkspaceProject(ws, kept.getId(), null); // Toggl answers 200 without a body
    assertNull(entries.getTimeEntryById(unassigned.getId(), null, null).getProjectId(), "unassign by default");
    projects.deleteWorkspaceProject(ws, dropped.getId(), "delete");
    assertThrows(NotFoundException.class, () -> entries.getTimeEntryById(deleted.getId(), null, null));
    assertTrue(listProjects(projects, null).isEmpty());
  }

  // ---- tasks ------------------------------------------------------------------------------------

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void tasksAreCreatedReadChangedAndListed(boolean https) throws ApiException {
    start(https);
    TasksApi tasks = new TasksApi(client);
    ModelsProject website = newProject("Website", null);
    ModelsTask design = tasks.postWorkspaceProjectTasks(ws, website.getId(),
        new TaskPayload().name("Design").estimatedSeconds(7200L).userId(ada.getId()));
    assertTrue(design.getId() > INT_MAX);
    assertEquals(website.getId(), design.getProjectId());
    assertEquals(ws, design.getWorkspaceId().longValue());
    assertEquals(ada.getId(), design.getUserId().longValue());
    assertEquals(7200L, design.getEstimatedSeconds().longValue());
    assertEquals("Website", design.getProjectName());
    assertTrue(design.getActive());
    assertEquals(0L, design.getTrackedSeconds().longValue());
    assertNull(design.getRate(), "null for an unset field");
    assertEquals(design, tasks.getWorkspaceProjectTask(ws, website.getId(), design.getId()));
    ModelsTask build = tasks.postWorkspaceProjectTasks(ws, website.getId(), new TaskPayload().name("Build"));
    assertNull(build.getUserId());
    assertEquals(Arrays.asList(design.getId(), build.getId()), taskIds(tasks.getWorkspaceProjectTasks(ws, website.getId())));

    ModelsTimeEntry entry = new TimeEntriesApi(client).createTimeEntry(ws, stopped(at("2024-12-15T09:00:00Z"), 1800)
        .taskId(design.getId()), null);
    assertEquals(website.getId(), entry.getProjectId(), "the task's project");
    assertEquals(design.getId(), entry.getTaskId());
    assertEquals(design.getId(), entry.getTid(), "the legacy tid beside task_id");
    assertEquals(1800L, tasks.getWorkspaceProjectTask(ws, website.getId(), design.getId()).getTrackedSeconds().longValue());

    ModelsTask changed = tasks.putWorkspaceProjectTask(ws, website.getId(), String.valueOf(design.getId()),
        new TaskPayload().name("Design v2").active(false));
    assertEquals("Design v2", changed.getName());
    assertFalse(changed.getActive());
    assertEquals(7200L, changed.getEstimatedSeconds().longValue(), "a field left out is kept");
    assertEquals(Collections.singletonList(build.getId()), taskIds(new MeApi(client).getTasks(null, null, null, null, null)));

    assertEquals("\"Name can't be blank\"", assertThrows(ApiException.class,
        () -> tasks.postWorkspaceProjectTasks(ws, website.getId(), new TaskPayload().name(""))).getResponseBody());
    assertEquals("\"estimated_seconds must not be negative\"", assertThrows(ApiException.class,
        () -> tasks.putWorkspaceProjectTask(ws, website.getId(), String.valueOf(build.getId()),
            new TaskPayload().estimatedSeconds(-1L))).getResponseBody());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void deletingATaskTakesItOffItsTimeEntries(boolean https) throws ApiException {
    start(https);
    TasksApi tasks = new TasksApi(client);
    ModelsProject website = newProject("Website", null);
    ModelsTask design = tasks.postWorkspaceProjectTasks(ws, website.getId(), new TaskPayload().name("Design"));
    ModelsTimeEntry entry = new TimeEntriesApi(client).createTimeEntry(ws, stopped(at("2024-12-15T09:00:00Z"), 600)
        .taskId(design.getId()), null);
    tasks.deleteWorkspaceProjectTask(ws, website.getId(), design.getId()); // Toggl answers 200 without a body
    assertTrue(tasks.getWorkspaceProjectTasks(ws, website.getId()).isEmpty());
    ModelsTimeEntry after = new TimeEntriesApi(client).getTimeEntryById(entry.getId(), null, null);
    assertNull(after.getTaskId());
    assertEquals(website.getId(), after.getProjectId(), "the project stays");
  }

  // ---- tags -------------------------------------------------------------------------------------

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void tagsAreCreatedRenamedAndListed(boolean https) throws ApiException {
    start(https);
    TagsApi tags = new TagsApi(client);
    List<ModelsTag> created = tags.postWorkspaceTag(ws, new TagsPayload().name("urgent"));
    assertEquals(1, created.size());
    ModelsTag urgent = created.get(0);
    assertTrue(urgent.getId() > INT_MAX);
    assertEquals("urgent", urgent.getName());
    assertEquals(ws, urgent.getWorkspaceId().longValue());
    assertEquals(ada.getId(), urgent.getCreatorId().longValue());
    assertNull(urgent.getDeletedAt(), "null for an unset field");
    ModelsTimeEntry entry = new TimeEntriesApi(client).createTimeEntry(ws, stopped(at("2024-12-15T09:00:00Z"), 600)
        .tagIds(Collections.singletonList(urgent.getId())), null);
    assertEquals(Collections.singletonList("urgent"), entry.getTags());

    ModelsTag renamed = tags.putWorkspaceTag(ws, urgent.getId(), new TagsPayload().name("critical")).get(0);
    assertEquals(urgent.getId(), renamed.getId());
    assertEquals("critical", renamed.getName());
    assertEquals(Collections.singletonList("critical"),
        new TimeEntriesApi(client).getTimeEntryById(entry.getId(), null, null).getTags(), "entries show the new name");
    ModelsTag later = tags.postWorkspaceTag(ws, new TagsPayload().name("later")).get(0);
    assertEquals(Arrays.asList(urgent.getId(), later.getId()), tagIds(tags.getWorkspaceTags(ws)));

    ApiException taken = assertThrows(ApiException.class, () -> tags.postWorkspaceTag(ws, new TagsPayload().name("CRITICAL")));
    assertEquals(400, taken.getCode());
    assertEquals("\"a tag with the name 'CRITICAL' already exists\"", taken.getResponseBody());
    assertEquals(400, assertThrows(ApiException.class,
        () -> tags.putWorkspaceTag(ws, later.getId(), new TagsPayload().name("critical"))).getCode());
    assertEquals("\"tag name can't be blank\"", assertThrows(ApiException.class,
        () -> tags.postWorkspaceTag(ws, new TagsPayload().name(""))).getResponseBody());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void deletingATagTakesItOffItsTimeEntries(boolean https) throws ApiException {
    start(https);
    TagsApi tags = new TagsApi(client);
    ModelsTag urgent = tags.postWorkspaceTag(ws, new TagsPayload().name("urgent")).get(0);
    ModelsTimeEntry entry = new TimeEntriesApi(client).createTimeEntry(ws, stopped(at("2024-12-15T09:00:00Z"), 600)
        .tags(Arrays.asList("urgent", "kept")), null);
    tags.deleteWorkspaceTag(ws, urgent.getId()); // Toggl answers 200 without a body
    assertEquals(Collections.singletonList("kept"), new TimeEntriesApi(client).getTimeEntryById(entry.getId(), null, null).getTags());
    assertEquals(1, tags.getWorkspaceTags(ws).size());
  }

  // ---- time entries -----------------------------------------------------------------------------

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void aRunningEntryHasNoStopAndANegativeDurationUntilItIsStopped(boolean https) throws ApiException {
    start(https);
    TimeEntriesApi entries = new TimeEntriesApi(client);
    OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).truncatedTo(ChronoUnit.SECONDS);
    ModelsTimeEntry running = entries.createTimeEntry(ws, new TimeentryPayload().createdWith(CREATED_WITH).workspaceId(ws)
        .start(started).duration(-1L).description("Writing tests"), null);
    assertTrue(running.getId() > INT_MAX);
    assertNull(running.getStop());
    assertEquals(-started.toEpochSecond(), running.getDuration().longValue(), "minus the start as Unix seconds");
    assertTrue(started.isEqual(running.getStart()));
    assertEquals(ws, running.getWorkspaceId().longValue());
    assertEquals(ws, running.getWid().longValue());
    assertEquals(ada.getId(), running.getUserId().longValue());
    assertEquals(ada.getId(), running.getUid().longValue());
    assertEquals(running.getId(), entries.getCurrentTimeEntry().getId());

    ModelsTimeEntry stopped = entries.stopTimeEntry(ws, running.getId());
    assertNotNull(stopped.getStop());
    assertFalse(stopped.getStop().isBefore(started.plusMinutes(5)));
    assertEquals(stopped.getStop().toEpochSecond() - started.toEpochSecond(), stopped.getDuration().longValue());
    assertEquals(stopped.getStop(), entries.getTimeEntryById(running.getId(), null, null).getStop());

    ApiException again = assertThrows(ApiException.class, () -> entries.stopTimeEntry(ws, running.getId()));
    assertEquals(409, again.getCode());
    assertEquals("\"Time entry is already stopped\"", again.getResponseBody());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void startingATimerStopsTheOneRunning(boolean https) throws ApiException {
    start(https);
    TimeEntriesApi entries = new TimeEntriesApi(client);
    OffsetDateTime first = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(30).truncatedTo(ChronoUnit.SECONDS);
    ModelsTimeEntry one = entries.createTimeEntry(ws, running(first), null);
    ModelsTimeEntry two = entries.createTimeEntry(ws, running(first.plusMinutes(20)), null);
    assertEquals(two.getId(), entries.getCurrentTimeEntry().getId());
    ModelsTimeEntry stopped = entries.getTimeEntryById(one.getId(), null, null);
    assertTrue(first.plusMinutes(20).isEqual(stopped.getStop()));
    assertEquals(1200L, stopped.getDuration().longValue());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void getCurrentTimeEntryIsNullWhenNothingRuns(boolean https) throws ApiException {
    start(https);
    TimeEntriesApi entries = new TimeEntriesApi(client);
    entries.createTimeEntry(ws, stopped(at("2024-12-15T09:00:00Z"), 600), null);
    assertNull(entries.getCurrentTimeEntry()); // Toggl answers 200 with the JSON null
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void createTimeEntryRefusesAnEntryWithoutCreatedWith(boolean https) {
    start(https);
    TimeEntriesApi entries = new TimeEntriesApi(client);
    ApiException e = assertThrows(ApiException.class, () -> entries.createTimeEntry(ws,
        new TimeentryPayload().workspaceId(ws).start(at("2024-12-15T09:00:00Z")).duration(60L), null));
    assertEquals(400, e.getCode());
    assertEquals("\"created_with needs to be provided an a valid value\"", e.getResponseBody());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void theWireShowsBothTimestampShapesLegacyFieldsAndNulls(boolean https) throws Exception {
    start(https);
    TimeEntriesApi entries = new TimeEntriesApi(client);
    ModelsTimeEntry done = entries.createTimeEntry(ws, stopped(at("2024-12-15T20:17:59Z"), 3600), null);
    JsonObject wire = JsonParser.parseString(rawGet("/me/time_entries/" + done.getId())).getAsJsonObject();
    assertEquals(done.getId().longValue(), wire.get("id").getAsLong());
    assertTrue(wire.get("id").getAsLong() > INT_MAX);
    assertEquals("2024-12-15T20:17:59+00:00", wire.get("start").getAsString(), "seconds with an offset");
    assertEquals("2024-12-15T21:17:59+00:00", wire.get("stop").getAsString());
    assertTrue(wire.get("at").getAsString().matches(MICROS), "microseconds and Z: " + wire.get("at"));
    assertEquals(ws, wire.get("wid").getAsLong(), "legacy wid");
    assertEquals(ada.getId(), wire.get("uid").getAsLong(), "legacy uid");
    assertTrue(wire.has("pid") && wire.get("pid").isJsonNull(), "legacy pid, null");
    for (String unset : new String[] {"project_id", "task_id", "description", "server_deleted_at", "tid"}) {
      assertTrue(wire.has(unset) && wire.get(unset).isJsonNull(), unset + " is sent as null");
    }
    // The model reads both shapes to the same instants.
    assertTrue(at("2024-12-15T20:17:59Z").isEqual(done.getStart()));
    assertTrue(at("2024-12-15T21:17:59Z").isEqual(done.getStop()));
    assertEquals(0, done.getAt().getNano() % 1000, "microseconds kept");
    assertNull(done.getPid());
    assertNull(done.getDescription());
    assertEquals(3600L, done.getDuration().longValue());

    ModelsTimeEntry running = entries.createTimeEntry(ws, running(at("2024-12-16T08:00:00Z")), null);
    JsonObject runningWire = JsonParser.parseString(rawGet("/me/time_entries/current")).getAsJsonObject();
    assertEquals(running.getId().longValue(), runningWire.get("id").getAsLong());
    assertTrue(runningWire.get("stop").isJsonNull(), "a running entry has stop: null");
    assertEquals(-at("2024-12-16T08:00:00Z").toEpochSecond(), runningWire.get("duration").getAsLong());

    ModelsProject website = newProject("Website", null);
    JsonObject project = JsonParser.parseString(rawGet("/workspaces/" + ws + "/projects/" + website.getId())).getAsJsonObject();
    assertTrue(project.get("created_at").getAsString().matches(SECONDS), "seconds with an offset: " + project.get("created_at"));
    assertTrue(project.get("at").getAsString().matches(MICROS), "microseconds and Z: " + project.get("at"));
    assertEquals(ws, project.get("wid").getAsLong());
    assertTrue(project.get("cid").isJsonNull());
    ModelsTimeEntry onProject = entries.updateTimeEntry(ws, done.getId(), new TimeentryPayload().projectId(website.getId()), null, null);
    assertEquals(website.getId(), onProject.getPid(), "the legacy pid follows project_id");
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void updateTimeEntryChangesFieldsAndMetaNamesThem(boolean https) throws ApiException {
    start(https);
    TimeEntriesApi entries = new TimeEntriesApi(client);
    ModelsClient acme = new ClientsApi(client).postWorkspaceClients(ws, new ClientPayload().name("Acme"));
    ModelsProject website = newProject("Website", acme.getId());
    ModelsTask design = new TasksApi(client).postWorkspaceProjectTasks(ws, website.getId(), new TaskPayload().name("Design"));
    ModelsTimeEntry entry = entries.createTimeEntry(ws, stopped(at("2024-12-15T09:00:00Z"), 1800).description("Draft"), null);
    assertNull(entry.getProjectName(), "no meta fields unless asked for");

    ModelsTimeEntry changed = entries.updateTimeEntry(ws, entry.getId(), new TimeentryPayload().description("Reviewed")
        .projectId(website.getId()).taskId(design.getId()).billable(true), true, null);
    assertEquals("Reviewed", changed.getDescription());
    assertEquals(website.getId(), changed.getProjectId());
    assertEquals(design.getId(), changed.getTaskId());
    assertTrue(changed.getBillable());
    assertEquals("Website", changed.getProjectName());
    assertEquals("Acme", changed.getClientName());
    assertEquals("Design", changed.getTaskName());
    assertEquals("ada", changed.getUserName());
    assertEquals(1800L, changed.getDuration().longValue(), "a field left out is kept");

    ModelsTimeEntry moved = entries.updateTimeEntry(ws, entry.getId(), new TimeentryPayload().start(at("2024-12-15T10:00:00Z")), null, null);
    assertTrue(at("2024-12-15T10:30:00Z").isEqual(moved.getStop()), "moving a stopped entry keeps its duration");
    ModelsTimeEntry longer = entries.updateTimeEntry(ws, entry.getId(), new TimeentryPayload().duration(7200L), null, null);
    assertTrue(at("2024-12-15T12:00:00Z").isEqual(longer.getStop()));
    ModelsTimeEntry withMeta = entries.getTimeEntryById(entry.getId(), true, null);
    assertEquals("Website", withMeta.getProjectName());
    assertEquals("Design", withMeta.getTaskName());
    assertTrue(withMeta.getProjectActive());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void tagsNamedOnATimeEntryAreCreatedOnTheFly(boolean https) throws ApiException {
    start(https);
    TimeEntriesApi entries = new TimeEntriesApi(client);
    TagsApi tags = new TagsApi(client);
    ModelsTimeEntry entry = entries.createTimeEntry(ws, stopped(at("2024-12-15T09:00:00Z"), 600)
        .tags(Arrays.asList("focus", "Deep Work")), null);
    assertEquals(Arrays.asList("focus", "Deep Work"), entry.getTags());
    List<ModelsTag> created = tags.getWorkspaceTags(ws);
    assertEquals(2, created.size());
    assertEquals(tagIds(created), entry.getTagIds());
    assertTrue(entry.getTagIds().get(0) > INT_MAX);

    ModelsTimeEntry again = entries.createTimeEntry(ws, stopped(at("2024-12-15T10:00:00Z"), 600)
        .tags(Collections.singletonList("FOCUS")), null);
    assertEquals(Collections.singletonList(created.get(0).getId()), again.getTagIds(), "a known name, in any case, is reused");
    assertEquals(2, tags.getWorkspaceTags(ws).size());

    ModelsTimeEntry added = entries.updateTimeEntry(ws, entry.getId(), new TimeentryPayload()
        .tagAction(TimeentryPayload.TagActionEnum.ADD).tags(Collections.singletonList("billed")), null, null);
    assertEquals(Arrays.asList("focus", "Deep Work", "billed"), added.getTags());
    ModelsTimeEntry removed = entries.updateTimeEntry(ws, entry.getId(), new TimeentryPayload()
        .tagAction(TimeentryPayload.TagActionEnum.DELETE).tags(Arrays.asList("focus", "never-made")), null, null);
    assertEquals(Arrays.asList("Deep Work", "billed"), removed.getTags());
    assertEquals(3, tags.getWorkspaceTags(ws).size(), "deleting an unknown name creates nothing");
    ModelsTimeEntry replaced = entries.updateTimeEntry(ws, entry.getId(), new TimeentryPayload()
        .tags(Collections.<String>emptyList()), null, null);
    assertEquals(Collections.emptyList(), replaced.getTags());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void patchTimeEntriesListsWhatSucceededAndWhatFailed(boolean https) throws ApiException {
    start(https);
    TimeEntriesApi entries = new TimeEntriesApi(client);
    ModelsTimeEntry one = entries.createTimeEntry(ws, stopped(at("2024-12-15T09:00:00Z"), 600).description("one"), null);
    ModelsTimeEntry two = entries.createTimeEntry(ws, stopped(at("2024-12-15T10:00:00Z"), 600).description("two"), null);
    ModelsTimeEntry three = entries.createTimeEntry(ws, stopped(at("2024-12-15T11:00:00Z"), 600).description("three"), null);
    long missing = 3_999_999_999L;

    TimeentryPatchOutput result = entries.patchTimeEntries(ws, one.getId() + "," + two.getId() + "," + missing, Arrays.asList(
        new TimeentryPatchInput().op("replace").path("/description").value("Bulk"),
        new TimeentryPatchInput().op("add").path("/tags").value(Collections.singletonList("bulk")),
        new TimeentryPatchInput().op("replace").path("/billable").value(true)), null);
    assertEquals(Arrays.asList(one.getId(), two.getId()), result.getSuccess());
    assertEquals(1, result.getFailure().size());
    assertEquals(missing, result.getFailure().get(0).getId().longValue(), "an ID past 2^31 in the failure list");
    assertEquals("Time entry not found", result.getFailure().get(0).getMessage());
    for (ModelsTimeEntry changed : Arrays.asList(one, two)) {
      ModelsTimeEntry read = entries.getTimeEntryById(changed.getId(), null, null);
      assertEquals("Bulk", read.getDescription());
      assertEquals(Collections.singletonList("bulk"), read.getTags());
      assertTrue(read.getBillable());
    }
    assertEquals("three", entries.getTimeEntryById(three.getId(), null, null).getDescription(), "not in the list, not changed");

    TimeentryPatchOutput refused = entries.patchTimeEntries(ws, String.valueOf(three.getId()), Collections.singletonList(
        new TimeentryPatchInput().op("replace").path("/stop").value("2024-12-15T10:00:00Z")), null);
    assertTrue(refused.getSuccess().isEmpty());
    assertEquals("The stop time must be after the start time", refused.getFailure().get(0).getMessage());
    TimeentryPatchOutput removed = entries.patchTimeEntries(ws, String.valueOf(one.getId()), Collections.singletonList(
        new TimeentryPatchInput().op("remove").path("/description")), null);
    assertEquals(Collections.singletonList(one.getId()), removed.getSuccess());
    assertNull(entries.getTimeEntryById(one.getId(), null, null).getDescription());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void getTimeEntriesFiltersBySinceBeforeAndDates(boolean https) throws ApiException {
    start(https);
    TimeEntriesApi entries = new TimeEntriesApi(client);
    ModelsTimeEntry old = entries.createTimeEntry(ws, stopped(at("2024-12-10T09:00:00Z"), 3600), null);
    ModelsTimeEntry mid = entries.createTimeEntry(ws, stopped(at("2024-12-15T20:17:59Z"), 3600), null);
    ModelsTimeEntry late = entries.createTimeEntry(ws, stopped(at("2024-12-20T08:00:00Z"), 3600), null);
    ModelsTimeEntry recent = entries.createTimeEntry(ws, stopped(OffsetDateTime.now(ZoneOffset.UTC).minusHours(2)
        .truncatedTo(ChronoUnit.SECONDS), 3600), null);

    assertEquals(entryIds(mid, old), entryIds(entries.getTimeEntries(null, null, "2024-12-10", "2024-12-16", null, null)),
        "newest first, from the start date to before the end date");
    assertEquals(entryIds(mid), entryIds(entries.getTimeEntries(null, null,
        "2024-12-15T20:00:00Z", "2024-12-15T21:00:00+00:00", null, null)), "RFC 3339 times, '+' encoded");
    assertEquals(entryIds(old), entryIds(entries.getTimeEntries(null, "2024-12-15", null, null, null, null)));
    assertEquals(entryIds(mid, old), entryIds(entries.getTimeEntries(null, "2024-12-20T08:00:00Z", null, null, null, null)));
    assertEquals(entryIds(recent), entryIds(entries.getTimeEntries(null, null, null, null, null, null)),
        "without a filter, the last nine days");

    long now = recent.getAt().toEpochSecond();
    toggl.advanceClock(Duration.ofHours(1));
    entries.updateTimeEntry(ws, mid.getId(), new TimeentryPayload().description("touched"), null, null);
    assertEquals(entryIds(recent, late, mid, old), entryIds(entries.getTimeEntries(now - 60, null, null, null, null, null)));
    assertEquals(entryIds(mid), entryIds(entries.getTimeEntries(now + 1800, null, null, null, null, null)),
        "since: what changed from then on");

    ApiException both = assertThrows(ApiException.class,
        () -> entries.getTimeEntries(now, "2024-12-20", null, null, null, null));
    assertSame(ApiException.class, both.getClass(), "a 400 is a plain ApiException");
    assertEquals(400, both.getCode());
    assertEquals("\"'since' and 'before' can not be present simultaneously\"", both.getResponseBody());
    assertTrue(both.getMessage().endsWith("failed with HTTP 400: 'since' and 'before' can not be present simultaneously"),
        both.getMessage());
    assertEquals("\"'start_date' and 'end_date' must be present together\"", assertThrows(ApiException.class,
        () -> entries.getTimeEntries(null, null, "2024-12-10", null, null, null)).getResponseBody());
    assertEquals(400, assertThrows(ApiException.class,
        () -> entries.getTimeEntries(null, null, "2024-12-16", "2024-12-10", null, null)).getCode());
    assertEquals(400, assertThrows(ApiException.class,
        () -> entries.getTimeEntries(null, "yesterday", null, null, null, null)).getCode());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void aDeletedEntryIsGoneButListedSince(boolean https) throws ApiException {
    start(https);
    TimeEntriesApi entries = new TimeEntriesApi(client);
    ModelsTimeEntry entry = entries.createTimeEntry(ws, stopped(at("2024-12-15T09:00:00Z"), 600), null);
    entries.deleteTimeEntry(ws, entry.getId()); // Toggl answers 200 without a body
    assertThrows(NotFoundException.class, () -> entries.getTimeEntryById(entry.getId(), null, null));
    assertTrue(entries.getTimeEntries(null, null, "2024-12-15", "2024-12-16", null, null).isEmpty());
    assertEquals(entryIds(entry), entryIds(entries.getTimeEntries(entry.getAt().toEpochSecond() - 60, null, null, null, null, null)),
        "since lists deleted entries too");
  }

  // ---- reports ----------------------------------------------------------------------------------

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void theDetailedReportPagesByHandThroughXNextIdAndXNextRowNumber(boolean https) throws ApiException {
    start(https);
    List<Long> expected = sevenDaysOfWork();
    ReportsApi reports = new ReportsApi(client);
    DetailedPost filter = new DetailedPost().startDate(LocalDate.of(2024, 12, 1)).endDate(LocalDate.of(2024, 12, 7)).pageSize(3L);

    List<Long> seen = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    ApiResponse<List<DetailedGroupedTimeEntry>> page = reports.searchDetailedReportTimeEntriesWithHttpInfo(ws, filter);
    assertEquals("2024-12-01", page.getHeader("X-Range-Start"));
    assertEquals("2024-12-07", page.getHeader("X-Range-End"));
    while (true) {
      sizes.add(page.getData().size());
      for (DetailedGroupedTimeEntry row : page.getData()) {
        assertEquals(seen.size() + 1, row.getRowNumber().intValue());
        seen.add(row.getTimeEntries().get(0).getId());
      }
      String nextId = page.getHeader(ReportPages.NEXT_ID);
      if (nextId == null) {
        assertNull(page.getHeader(ReportPages.NEXT_ROW_NUMBER));
        break;
      }
      assertEquals(expected.get(seen.size()).longValue(), Long.parseLong(nextId), "X-Next-ID names the next page's first entry");
      assertEquals(seen.size() + 1, Integer.parseInt(page.getHeader(ReportPages.NEXT_ROW_NUMBER)));
      page = reports.searchDetailedReportTimeEntriesWithHttpInfo(ws, new DetailedPost().startDate(LocalDate.of(2024, 12, 1))
          .endDate(LocalDate.of(2024, 12, 7)).pageSize(3L).firstId(Long.parseLong(nextId))
          .firstRowNumber(Long.parseLong(page.getHeader(ReportPages.NEXT_ROW_NUMBER))));
    }
    assertEquals(Arrays.asList(3, 3, 1), sizes);
    assertEquals(expected, seen);

    ApiException wrongCursor = assertThrows(ApiException.class, () -> reports.searchDetailedReportTimeEntries(ws,
        new DetailedPost().startDate(LocalDate.of(2024, 12, 1)).pageSize(3L).firstId(expected.get(0)).firstRowNumber(4L)));
    assertEquals(400, wrongCursor.getCode());
    assertEquals("\"Invalid 'page_size' value, allowed values are: '1-50'\"", assertThrows(ApiException.class,
        () -> reports.searchDetailedReportTimeEntries(ws, new DetailedPost().pageSize(51L))).getResponseBody());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void reportPagesWalksTheDetailedReportLazily(boolean https) throws ApiException {
    start(https);
    List<Long> expected = sevenDaysOfWork();
    ReportsApi reports = new ReportsApi(client);
    int before = toggl.requestCount();
    ReportPages<List<DetailedGroupedTimeEntry>> pages = reports.searchDetailedReportTimeEntriesPages(ws,
        new DetailedPost().startDate(LocalDate.of(2024, 12, 1)).endDate(LocalDate.of(2024, 12, 7)).pageSize(3L));
    assertEquals(before, toggl.requestCount(), "nothing is fetched before next()");
    List<Long> seen = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    while (pages.hasNext()) {
      List<DetailedGroupedTimeEntry> page = pages.next();
      sizes.add(page.size());
      for (DetailedGroupedTimeEntry row : page) {
        seen.add(row.getTimeEntries().get(0).getId());
      }
    }
    assertEquals(Arrays.asList(3, 3, 1), sizes);
    assertEquals(expected, seen);
    assertEquals(before + 3, toggl.requestCount());
    assertThrows(NoSuchElementException.class, pages::next);

    DetailedGroupedTimeEntry first = reports.searchDetailedReportTimeEntries(ws,
        new DetailedPost().startDate(LocalDate.of(2024, 12, 1)).endDate(LocalDate.of(2024, 12, 7)).orderDir("DESC").pageSize(1L))
        .get(0);
    assertEquals(expected.get(expected.size() - 1), first.getTimeEntries().get(0).getId(), "newest first with DESC");
    assertEquals(ada.getId(), first.getUserId().longValue());
    assertEquals("ada", first.getUsername());
    assertEquals("Website", first.getProjectName());
    assertEquals(Collections.singletonList("report"), first.getTagNames());
    DetailedSingleTimeEntry single = first.getTimeEntries().get(0);
    assertEquals(3600L, single.getSeconds().longValue());
    assertTrue(at("2024-12-07T09:00:00Z").isEqual(single.getStart()));
  }

  // ---- what the server does not do --------------------------------------------------------------

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void anOperationTheServerDoesNotImplementAnswers501NamingIt(boolean https) {
    start(https);
    int before = toggl.requestCount();
    ServerException e = assertThrows(ServerException.class, () -> new MeApi(client).getMeFeatures());
    assertEquals(501, e.getCode());
    assertTrue(e.getMessage().endsWith("does not implement getMeFeatures"), e.getMessage());
    assertTrue(e.getResponseBody().contains("getMeFeatures"), e.getResponseBody());
    assertEquals(before + 1, toggl.requestCount(), "a 501 is not retried");
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** Seven stopped hours on the first seven days of December 2024, and two that the report leaves out. */
  private List<Long> sevenDaysOfWork() throws ApiException {
    TimeEntriesApi entries = new TimeEntriesApi(client);
    ModelsProject website = newProject("Website", null);
    List<Long> ids = new ArrayList<>();
    for (int day = 7; day >= 1; day--) { // created out of order: the report orders by start
      ids.add(0, entries.createTimeEntry(ws, stopped(at(String.format("2024-12-%02dT09:00:00Z", day)), 3600)
          .projectId(website.getId()).tags(Collections.singletonList("report")), null).getId());
    }
    entries.createTimeEntry(ws, stopped(at("2024-12-08T09:00:00Z"), 3600), null); // after the range
    entries.createTimeEntry(ws, running(at("2024-12-03T12:00:00Z")), null); // running: not in reports
    return ids;
  }

  private ModelsProject newProject(String name, Long clientId) throws ApiException {
    return new ProjectsApi(client).postWorkspaceProjectCreate(ws, new ProjectPayload().name(name).clientId(clientId));
  }

  private ModelsTimeEntry newEntry(OffsetDateTime start, long seconds) throws ApiException {
    return new TimeEntriesApi(client).createTimeEntry(ws, stopped(start.truncatedTo(ChronoUnit.SECONDS), seconds), null);
  }

  private List<ModelsProject> listProjects(ProjectsApi projects, Boolean active) throws ApiException {
    return projects.getProjects(ws, active, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  private TimeentryPayload stopped(OffsetDateTime start, long seconds) {
    return new TimeentryPayload().createdWith(CREATED_WITH).workspaceId(ws).start(start).duration(seconds);
  }

  private TimeentryPayload running(OffsetDateTime start) {
    return new TimeentryPayload().createdWith(CREATED_WITH).workspaceId(ws).start(start).duration(-1L);
  }

  private static OffsetDateTime at(String text) {
    return OffsetDateTime.parse(text);
  }

  /** An answer as it came over the wire, to see what the models hide. */
  private String rawGet(String path) throws IOException {
    Request request = new Request.Builder().url(toggl.baseUrl() + path)
        .header("Authorization", Credentials.basic(ada.getApiToken(), "api_token")).build();
    try (Response response = toggl.httpClient().newCall(request).execute()) {
      assertEquals(200, response.code());
      return response.body().string();
    }
  }

  private static List<Long> ids(ModelsProject... projects) {
    List<Long> out = new ArrayList<>();
    for (ModelsProject project : projects) {
      out.add(project.getId());
    }
    return out;
  }

  private static List<Long> ids(List<ModelsProject> projects) {
    return ids(projects.toArray(new ModelsProject[0]));
  }

  private static List<Long> ids(ModelsClient... clients) {
    return clientIds(Arrays.asList(clients));
  }

  private static List<Long> clientIds(List<ModelsClient> clients) {
    List<Long> out = new ArrayList<>();
    for (ModelsClient client : clients) {
      out.add(client.getId());
    }
    return out;
  }

  private static List<Long> tagIds(List<ModelsTag> tags) {
    List<Long> out = new ArrayList<>();
    for (ModelsTag tag : tags) {
      out.add(tag.getId());
    }
    return out;
  }

  private static List<Long> taskIds(List<ModelsTask> tasks) {
    List<Long> out = new ArrayList<>();
    for (ModelsTask task : tasks) {
      out.add(task.getId());
    }
    return out;
  }

  private static List<Long> entryIds(ModelsTimeEntry... entries) {
    return entryIds(Arrays.asList(entries));
  }

  private static List<Long> entryIds(List<ModelsTimeEntry> entries) {
    List<Long> out = new ArrayList<>();
    for (ModelsTimeEntry entry : entries) {
      out.add(entry.getId());
    }
    return out;
  }
}
