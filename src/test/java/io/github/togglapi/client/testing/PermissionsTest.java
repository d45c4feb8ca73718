package io.github.togglapi.client.testing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import io.github.togglapi.client.ApiClient;
import io.github.togglapi.client.ApiException;
import io.github.togglapi.client.AuthenticationException;
import io.github.togglapi.client.NotFoundException;
import io.github.togglapi.client.PermissionException;
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
import io.github.togglapi.client.model.ModelsClient;
import io.github.togglapi.client.model.ModelsProject;
import io.github.togglapi.client.model.ModelsTag;
import io.github.togglapi.client.model.ModelsTask;
import io.github.togglapi.client.model.ModelsTimeEntry;
import io.github.togglapi.client.model.ProjectPayload;
import io.github.togglapi.client.model.ProjectRestoreParams;
import io.github.togglapi.client.model.TagsPayload;
import io.github.togglapi.client.model.TaskPayload;
import io.github.togglapi.client.model.TimeentryPatchInput;
import io.github.togglapi.client.model.TimeentryPatchOutput;
import io.github.togglapi.client.model.TimeentryPayload;
import io.github.togglapi.client.model.WorkspacePayload;
import io.github.togglapi.client.testing.EmbeddedTogglServer.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may do what, through the SDK against the embedded server: a workspace's admin (Ada), a member
 * who is no admin (Bob), an account of another workspace (Eve), and callers without valid
 * credentials. Each refusal arrives as the exception of its status.
 */
class PermissionsTest {
  private static final String PASSWORD = "correct-horse-battery";
  private static final String CREATED_WITH = "toggl-api-java tests";

  private EmbeddedTogglServer toggl;
  private Account ada;
  private Account bob;
  private Account eve;
  private long ws;
  private ApiClient admin;
  private ApiClient member;
  private ApiClient stranger;

  private void start(boolean https) {
    toggl = https ? EmbeddedTogglServer.startHttps() : EmbeddedTogglServer.startHttp();
    ada = toggl.createAccount("ada@example.com", PASSWORD);
    bob = toggl.createAccount("bob@example.com", PASSWORD);
    eve = toggl.createAccount("eve@example.com", PASSWORD);
    ws = ada.getWorkspaceId();
    toggl.addMember(ws, bob.getEmail());
    admin = toggl.newApiClient().setApiToken(ada.getApiToken());
    member = toggl.newApiClient().setApiToken(bob.getApiToken());
    stranger = toggl.newApiClient().setApiToken(eve.getApiToken());
  }

  @AfterEach
  void stop() {
    if (toggl != null) {
      toggl.close(); // fails the test if any traffic broke api/openapi.yaml
    }
  }

  // ---- a member and other users' time entries ---------------------------------------------------

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void aMemberCannotEditAnotherUsersTimeEntries(boolean https) throws ApiException {
    start(https);
    ModelsTimeEntry adas = new TimeEntriesApi(admin).createTimeEntry(ws, running(ws, "2024-12-15T09:00:00Z"), null);
    TimeEntriesApi bobs = new TimeEntriesApi(member);

    PermissionException update = assertThrows(PermissionException.class,
        () -> bobs.updateTimeEntry(ws, adas.getId(), new TimeentryPayload().description("mine now"), null, null));
    assertEquals(403, update.getCode());
    assertEquals("\"Only workspace admins may change other users' time entries\"", update.getResponseBody());
    assertEquals(403, assertThrows(PermissionException.class, () -> bobs.stopTimeEntry(ws, adas.getId())).getCode());
    assertEquals(403, assertThrows(PermissionException.class, () -> bobs.deleteTimeEntry(ws, adas.getId())).getCode());


    assertThrows(NotFoundException.class, () -> bobs.getTimeEntryById(adas.getId(), null, null),
        "another user's entry is not among one's own");
    ModelsTimeEntry still = new TimeEntriesApi(admin).getTimeEntryById(adas.getId(), null, null);
    assertNull(still.getDescription(), "nothing changed");
    assertNull(still.getStop(), "still running");
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void patchTimeEntriesListsOtherUsersAndOtherWorkspacesEntriesAsFailures(boolean https) throws ApiException {
    start(https);
    ModelsTimeEntry adas = new TimeEntriesApi(admin).createTimeEntry(ws, stopped(ws, "2024-12-15T09:00:00Z"), null);
    ModelsTimeEntry bobs = new TimeEntriesApi(member).createTimeEntry(ws, stopped(ws, "2024-12-15T10:00:00Z"), null);
    ModelsTimeEntry eves = new TimeEntriesApi(stranger).createTimeEntry(eve.getWorkspaceId(), stopped(eve.getWorkspaceId(),
        "2024-12-15T11:00:00Z"), null);
    List<TimeentryPatchInput> rename = Collections.singletonList(
        new TimeentryPatchInput().op("replace").path("/description").value("mine now"));

    TimeentryPatchOutput patched = new TimeEntriesApi(member).patchTimeEntries(ws,
        bobs.getId() + "," + adas.getId() + "," + eves.getId(), rename, null);
    assertEquals(Collections.singletonList(bobs.getId()), patched.getSuccess());
    assertEquals(2, patched.getFailure().size());
    assertEquals(adas.getId(), patched.getFailure().get(0).getId());
    assertEquals("Only workspace admins may change other users' time entries", patched.getFailure().get(0).getMessage());
    assertEquals(eves.getId(), patched.getFailure().get(1).getId());
    assertEquals("Time entry not found", patched.getFailure().get(1).getMessage(), "another workspace's entry");
    assertNull(new TimeEntriesApi(admin).getTimeEntryById(adas.getId(), null, null).getDescription());

    TimeentryPatchOutput byAdmin = new TimeEntriesApi(admin).patchTimeEntries(ws, String.valueOf(bobs.getId()),
        Collections.singletonList(new TimeentryPatchInput().op("replace").path("/description").value("checked")), null);
    assertEquals(Collections.singletonList(bobs.getId()), byAdmin.getSuccess(), "an admin may");
    assertEquals("checked", new TimeEntriesApi(member).getTimeEntryById(bobs.getId(), null, null).getDescription());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void anAdminMayEditAMembersTimeEntriesAndCreateThemForMembers(boolean https) throws ApiException {
    start(https);
    ModelsTimeEntry bobs = new TimeEntriesApi(member).createTimeEntry(ws, running(ws, "2024-12-15T09:00:00Z"), null);
    TimeEntriesApi adas = new TimeEntriesApi(admin);
    assertEquals("checked", adas.updateTimeEntry(ws, bobs.getId(), new TimeentryPayload().description("checked"), null, null)
        .getDescription());
    assertEquals(bob.getId(), adas.stopTimeEntry(ws, bobs.getId()).getUserId().longValue());
    ModelsTimeEntry forBob = adas.createTimeEntry(ws, stopped(ws, "2024-12-16T09:00:00Z").userId(bob.getId()), null);
    assertEquals(bob.getId(), forBob.getUserId().longValue());
    assertEquals(bob.getId(), new TimeEntriesApi(member).getTimeEntryById(forBob.getId(), null, null).getUserId().longValue());

    PermissionException notForAda = assertThrows(PermissionException.class, () -> new TimeEntriesApi(member)
        .createTimeEntry(ws, stopped(ws, "2024-12-16T09:00:00Z").userId(ada.getId()), null));
    assertEquals("\"Only workspace admins may create time entries for other users\"", notForAda.getResponseBody());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void aMembersReportHasOnlyTheirOwnEntries(boolean https) throws ApiException {
    start(https);
    new TimeEntriesApi(admin).createTimeEntry(ws, stopped(ws, "2024-12-15T09:00:00Z"), null);
    ModelsTimeEntry bobs = new TimeEntriesApi(member).createTimeEntry(ws, stopped(ws, "2024-12-15T10:00:00Z"), null);
    DetailedPost december = new DetailedPost().startDate(LocalDate.of(2024, 12, 1)).endDate(LocalDate.of(2024, 12, 31));
    List<DetailedGroupedTimeEntry> forBob = new ReportsApi(member).searchDetailedReportTimeEntries(ws, december);
    assertEquals(1, forBob.size());
    assertEquals(bobs.getId(), forBob.get(0).getTimeEntries().get(0).getId());
    assertEquals(2, new ReportsApi(admin).searchDetailedReportTimeEntries(ws, december).size(), "an admin sees everyone's");
  }

  // ---- what only admins may do ------------------------------------------------------------------

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void aMemberCannotChangeTheWorkspaceNorArchiveOrRestoreClients(boolean https) throws ApiException {
    start(https);
    WorkspacesApi workspaces = new WorkspacesApi(member);
    PermissionException put = assertThrows(PermissionException.class,
        () -> workspaces.putWorkspaces(ws, new WorkspacePayload().name("Bob's now")));
    assertEquals(403, put.getCode());
    assertEquals("\"Only workspace admins may change the workspace's settings\"", put.getResponseBody());
    assertEquals("ada's workspace", workspaces.getWorkspace(ws).getName(), "a member may read it");
    assertFalse(workspaces.getWorkspace(ws).getAdmin());

    ModelsClient acme = new ClientsApi(admin).postWorkspaceClients(ws, new ClientPayload().name("Acme"));
    ClientsApi clients = new ClientsApi(member);
    PermissionException archive = assertThrows(PermissionException.class, () -> clients.archiveClient(ws, acme.getId()));
    assertEquals("\"Only workspace admins may archive clients\"", archive.getResponseBody());
    new ClientsApi(admin).archiveClient(ws, acme.getId());
    assertThrows(PermissionException.class, () -> clients.restoreClient(ws, acme.getId(), new ProjectRestoreParams().restoreAllProjects(true)));
    assertTrue(new ClientsApi(admin).getWorkspaceClient(ws, acme.getId()).getArchived(), "still archived");
    PermissionException rename = assertThrows(PermissionException.class,
        () -> clients.putWorkspaceClients(ws, acme.getId(), new ClientPayload().name("Mine")));
    assertEquals("\"Only workspace admins and their creators may change clients\"", rename.getResponseBody());
    assertThrows(PermissionException.class, () -> clients.deleteWorkspaceClients(ws, acme.getId()));

    ModelsClient bobsOwn = clients.postWorkspaceClients(ws, new ClientPayload().name("Bob's client"));
    assertEquals("Bob's renamed", clients.putWorkspaceClients(ws, bobsOwn.getId(), new ClientPayload().name("Bob's renamed")).getName(),
        "a member may change what they created");
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void aMemberCannotChangeAnothersProjectsOrTasks(boolean https) throws ApiException {
    start(https);
    ModelsProject website = new ProjectsApi(admin).postWorkspaceProjectCreate(ws, new ProjectPayload().name("Website").isPrivate(false));
    ModelsTask design = new TasksApi(admin).postWorkspaceProjectTasks(ws, website.getId(), new TaskPayload().name("Design"));
    ProjectsApi projects = new ProjectsApi(member);
    TasksApi tasks = new TasksApi(member);
    assertEquals("Website", projects.getProject(ws, website.getId()).getName(), "a public project shows to members");
    assertEquals(design.getId(), tasks.getWorkspaceProjectTask(ws, website.getId(), design.getId()).getId());

    assertEquals("\"Only workspace admins and their creators may change projects\"", assertThrows(PermissionException.class,
        () -> projects.putWorkspaceProject(ws, website.getId(), new ProjectPayload().name("Mine"))).getResponseBody());
    assertThrows(PermissionException.class, () -> projects.deleteWorkspaceProject(ws, website.getId(), null));
    assertEquals("\"Only workspace admins and their creators may change tasks\"", assertThrows(PermissionException.class,
        () -> tasks.postWorkspaceProjectTasks(ws, website.getId(), new TaskPayload().name("Mine"))).getResponseBody());
    assertThrows(PermissionException.class, () -> tasks.putWorkspaceProjectTask(ws, website.getId(),
        String.valueOf(design.getId()), new TaskPayload().name("Mine")));
    assertThrows(PermissionException.class, () -> tasks.deleteWorkspaceProjectTask(ws, website.getId(), design.getId()));
    assertEquals("Design", new TasksApi(admin).getWorkspaceProjectTask(ws, website.getId(), design.getId()).getName());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void workspaceSettingsKeepMembersFromCreatingProjectsAndTags(boolean https) throws ApiException {
    start(https);
    new WorkspacesApi(admin).putWorkspaces(ws, new WorkspacePayload().onlyAdminsMayCreateProjects(true).onlyAdminsMayCreateTags(true));
    assertEquals("\"Only workspace admins may create projects in this workspace\"", assertThrows(PermissionException.class,
        () -> new ProjectsApi(member).postWorkspaceProjectCreate(ws, new ProjectPayload().name("Mine"))).getResponseBody());
    PermissionException tag = assertThrows(PermissionException.class,
        () -> new TagsApi(member).postWorkspaceTag(ws, new TagsPayload().name("mine")));
    assertEquals("\"Only organization or workspace administrators may manage tags in this workspace.\"", tag.getResponseBody());
    ModelsTag urgent = new TagsApi(admin).postWorkspaceTag(ws, new TagsPayload().name("urgent")).get(0);
    assertThrows(PermissionException.class, () -> new TagsApi(member).putWorkspaceTag(ws, urgent.getId(), new TagsPayload().name("x")));
    assertThrows(PermissionException.class, () -> new TagsApi(member).deleteWorkspaceTag(ws, urgent.getId()));

    TimeEntriesApi bobs = new TimeEntriesApi(member);
    assertThrows(PermissionException.class, () -> bobs.createTimeEntry(ws,
        stopped(ws, "2024-12-15T09:00:00Z").tags(Collections.singletonList("brand new")), null), "a new tag by name is a new tag");
    ModelsTimeEntry known = bobs.createTimeEntry(ws, stopped(ws, "2024-12-15T09:00:00Z").tags(Collections.singletonList("URGENT")), null);
    assertEquals(Collections.singletonList(urgent.getId()), known.getTagIds(), "a known tag may be used");
    assertEquals(1, new TagsApi(admin).getWorkspaceTags(ws).size());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void aPrivateProjectShowsOnlyToItsCreatorAndAdmins(boolean https) throws ApiException {
    start(https);
    ModelsProject secret = new ProjectsApi(admin).postWorkspaceProjectCreate(ws, new ProjectPayload().name("Secret").isPrivate(true));
    ModelsProject open = new ProjectsApi(admin).postWorkspaceProjectCreate(ws, new ProjectPayload().name("Open").isPrivate(false));
    assertEquals(Collections.singletonList(open.getId()), projectIds(new MeApi(member).getMeProjects(null, null)));
    assertEquals(Collections.singletonList(open.getId()), projectIds(new ProjectsApi(member)
        .getProjects(ws, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)));
    assertEquals(Arrays.asList(secret.getId(), open.getId()), projectIds(new MeApi(admin).getMeProjects(null, null)));
    assertEquals(1, new MeApi(member).getMe(true).getProjects().size());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void aPrivateProjectIsNotFoundForAMember(boolean https) throws ApiException {
    start(https);
    ModelsProject secret = new ProjectsApi(admin).postWorkspaceProjectCreate(ws, new ProjectPayload().name("Secret").isPrivate(true));
    NotFoundException e = assertThrows(NotFoundException.class, () -> new ProjectsApi(member).getProject(ws, secret.getId()));
    assertEquals("\"Project not found\"", e.getResponseBody());
  }

  // ---- other workspaces -------------------------------------------------------------------------

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void anotherWorkspacesObjectsAreNotFoundThroughOnesOwn(boolean https) throws ApiException {
    start(https);
    long evesWs = eve.getWorkspaceId();
    ModelsClient theirClient = new ClientsApi(stranger).postWorkspaceClients(evesWs, new ClientPayload().name("Initech"));
    ModelsTag theirTag = new TagsApi(stranger).postWorkspaceTag(evesWs, new TagsPayload().name("theirs")).get(0);
    ModelsTimeEntry theirEntry = new TimeEntriesApi(stranger).createTimeEntry(evesWs, running(evesWs, "2024-12-15T09:00:00Z"), null);

    ClientsApi clients = new ClientsApi(admin);
    NotFoundException client = assertThrows(NotFoundException.class, () -> clients.getWorkspaceClient(ws, theirClient.getId()));
    assertEquals(404, client.getCode());
    assertEquals("\"Client not found\"", client.getResponseBody());
    assertThrows(NotFoundException.class, () -> clients.putWorkspaceClients(ws, theirClient.getId(), new ClientPayload().name("x")));
    assertThrows(NotFoundException.class, () -> clients.archiveClient(ws, theirClient.getId()));
    assertThrows(NotFoundException.class, () -> clients.restoreClient(ws, theirClient.getId(), null));
    assertThrows(NotFoundException.class, () -> clients.deleteWorkspaceClients(ws, theirClient.getId()));
    TagsApi tags = new TagsApi(admin);
    assertEquals("\"Tag not found\"", assertThrows(NotFoundException.class,
        () -> tags.putWorkspaceTag(ws, theirTag.getId(), new TagsPayload().name("mine"))).getResponseBody());
    assertThrows(NotFoundException.class, () -> tags.deleteWorkspaceTag(ws, theirTag.getId()));
    TimeEntriesApi entries = new TimeEntriesApi(admin);
    assertEquals("\"Time entry not found\"", assertThrows(NotFoundException.class,
        () -> entries.stopTimeEntry(ws, theirEntry.getId())).getResponseBody());
    assertThrows(NotFoundException.class, () -> entries.getTimeEntryById(theirEntry.getId(), null, null));

    assertEquals("Initech", new ClientsApi(stranger).getWorkspaceClient(evesWs, theirClient.getId()).getName(), "nothing changed");
    assertNull(new TimeEntriesApi(stranger).getTimeEntryById(theirEntry.getId(), null, null).getStop());
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void anotherWorkspacesProjectsTasksAndEntriesAreNotFound(boolean https) throws ApiException {
    start(https);
    long evesWs = eve.getWorkspaceId();
    ModelsProject theirProject = new ProjectsApi(stranger).postWorkspaceProjectCreate(evesWs, new ProjectPayload().name("Theirs"));
    ModelsTask theirTask = new TasksApi(stranger).postWorkspaceProjectTasks(evesWs, theirProject.getId(), new TaskPayload().name("T"));
    ModelsTimeEntry theirEntry = new TimeEntriesApi(stranger).createTimeEntry(evesWs, stopped(evesWs, "2024-12-15T09:00:00Z"), null);
    ModelsProject mine = new ProjectsApi(admin).postWorkspaceProjectCreate(ws, new ProjectPayload().name("Mine"));

    ProjectsApi projects = new ProjectsApi(admin);
    TasksApi tasks = new TasksApi(admin);
    TimeEntriesApi entries = new TimeEntriesApi(admin);
    assertAll(
        () -> assertEquals("\"Project not found\"", assertThrows(NotFoundException.class,
            () -> projects.getProject(ws, theirProject.getId())).getResponseBody()),
        () -> assertThrows(NotFoundException.class,
            () -> projects.putWorkspaceProject(ws, theirProject.getId(), new ProjectPayload().name("x"))),
        () -> assertThrows(NotFoundException.class, () -> projects.deleteWorkspaceProject(ws, theirProject.getId(), null)),
        () -> assertThrows(NotFoundException.class, () -> tasks.getWorkspaceProjectTasks(ws, theirProject.getId())),
        () -> assertEquals("\"Task not found\"", assertThrows(NotFoundException.class,
            () -> tasks.getWorkspaceProjectTask(ws, mine.getId(), theirTask.getId())).getResponseBody()),
        () -> assertThrows(NotFoundException.class, () -> entries.updateTimeEntry(ws, theirEntry.getId(),
            new TimeentryPayload().description("x"), null, null)),
        () -> assertThrows(NotFoundException.class, () -> entries.deleteTimeEntry(ws, theirEntry.getId())));
    assertEquals("Theirs", new ProjectsApi(stranger).getProject(eve.getWorkspaceId(), theirProject.getId()).getName(), "nothing changed");
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void aWorkspaceOneIsNotAMemberOfIsForbidden(boolean https) throws ApiException {
    start(https);
    PermissionException clients = assertThrows(PermissionException.class,
        () -> new ClientsApi(stranger).getWorkspaceClients(ws, null, null));
    assertEquals(403, clients.getCode());
    assertEquals("\"User does not have access to this resource.\"", clients.getResponseBody());
    assertThrows(PermissionException.class, () -> new ClientsApi(stranger).postWorkspaceClients(ws, new ClientPayload().name("x")));
    assertThrows(PermissionException.class, () -> new ProjectsApi(stranger)
        .getProjects(ws, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
    assertThrows(PermissionException.class, () -> new ProjectsApi(stranger).postWorkspaceProjectCreate(ws, new ProjectPayload().name("x")));
    assertThrows(PermissionException.class, () -> new TagsApi(stranger).getWorkspaceTags(ws));
    assertThrows(PermissionException.class, () -> new UsersApi(stranger).getWorkspaceUsers(ws, null));
    assertThrows(PermissionException.class, () -> new WorkspacesApi(stranger).putWorkspaces(ws, new WorkspacePayload().name("x")));
    assertThrows(PermissionException.class, () -> new TimeEntriesApi(stranger).createTimeEntry(ws, stopped(ws, "2024-12-15T09:00:00Z"), null));
    assertThrows(PermissionException.class, () -> new ReportsApi(stranger)
        .searchDetailedReportTimeEntries(ws, new DetailedPost().startDate(LocalDate.of(2024, 12, 1))));
    assertTrue(new WorkspacesApi(stranger).searchWorkspace().stream().noneMatch(w -> w.getId() == ws), "not listed either");
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void getWorkspaceOfAWorkspaceOneIsNotAMemberOfIsForbidden(boolean https) {
    start(https);
    PermissionException e = assertThrows(PermissionException.class, () -> new WorkspacesApi(stranger).getWorkspace(ws));
    assertEquals("\"User does not have access to this resource.\"", e.getResponseBody());
  }

  // ---- no valid credentials ---------------------------------------------------------------------

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void withoutCredentialsACallIsUnauthorized(boolean https) {
    start(https);
    assertAll(() -> {
      AuthenticationException e = assertThrows(AuthenticationException.class, () -> new MeApi(toggl.newApiClient()).getMe(null));
      assertEquals(401, e.getCode());
      assertEquals("\"Unauthorized\"", e.getResponseBody());
      assertTrue(e.getMessage().contains("the call carried no credentials"), e.getMessage());
    }, () -> assertThrows(AuthenticationException.class, () -> new TimeEntriesApi(toggl.newApiClient())
        .createTimeEntry(ws, stopped(ws, "2024-12-15T09:00:00Z"), null)));
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void aWrongTokenOrPasswordIsUnauthorized(boolean https) {
    start(https);
    assertAll(() -> {
      AuthenticationException token = assertThrows(AuthenticationException.class,
          () -> new MeApi(toggl.newApiClient().setApiToken("0123456789abcdef0123456789abcdef")).getMe(null));
      assertEquals("\"Incorrect username and/or password\"", token.getResponseBody());
      assertFalse(token.getMessage().contains("the call carried no credentials"), token.getMessage());
    }, () -> {
      AuthenticationException password = assertThrows(AuthenticationException.class,
          () -> new WorkspacesApi(toggl.newApiClient().setUsername(ada.getEmail()).setPassword("not-the-password")).getWorkspace(ws));
      assertEquals(401, password.getCode());
      assertFalse(password.getMessage().contains("not-the-password"), "the password is masked: " + password.getMessage());
    });
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void theReportsApiIsUnauthorizedWithoutValidCredentials(boolean https) {
    start(https);
    DetailedPost filter = new DetailedPost().startDate(LocalDate.of(2024, 12, 1));
    assertEquals(401, assertThrows(AuthenticationException.class,
        () -> new ReportsApi(toggl.newApiClient()).searchDetailedReportTimeEntries(ws, filter)).getCode());
    assertEquals(401, assertThrows(AuthenticationException.class,
        () -> new ReportsApi(toggl.newApiClient().setApiToken("wrong")).searchDetailedReportTimeEntries(ws, filter)).getCode());
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static TimeentryPayload running(long workspaceId, String start) {
    return new TimeentryPayload().createdWith(CREATED_WITH).workspaceId(workspaceId).start(OffsetDateTime.parse(start)).duration(-1L);
  }

  private static TimeentryPayload stopped(long workspaceId, String start) {
    return new TimeentryPayload().createdWith(CREATED_WITH).workspaceId(workspaceId).start(OffsetDateTime.parse(start)).duration(600L);
  }

  private static List<Long> projectIds(List<ModelsProject> projects) {
    Long[] ids = new Long[projects.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = projects.get(i).getId();
    }
    return Arrays.asList(ids);
  }
}
