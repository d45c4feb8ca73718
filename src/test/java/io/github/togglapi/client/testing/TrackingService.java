package io.github.togglapi.client.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.github.togglapi.client.testing.TogglService.Authenticated;
import io.github.togglapi.client.testing.TogglService.BadRequest;
import io.github.togglapi.client.testing.TogglService.User;
import io.github.togglapi.client.testing.TogglService.Workspace;
import io.github.togglapi.client.testing.Tracked.Client;
import io.github.togglapi.client.testing.Tracked.Owned;
import io.github.togglapi.client.testing.Tracked.Project;
import io.github.togglapi.client.testing.Tracked.Tag;
import io.github.togglapi.client.testing.Tracked.Task;
import io.github.togglapi.client.testing.Tracked.TimeEntry;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The time-tracking core of the embedded service: the signed-in user and their related data,
 * workspaces and their users, clients, projects, tasks, tags, time entries and one detailed-report
 * search, kept in memory. It answers as the real service does where that is known (Toggl's facts
 * sheet): IDs above 2^31, a running entry with {@code stop: null} and a negative duration, both
 * timestamp shapes in one document, legacy duplicates such as {@code wid} and {@code pid}, null for
 * unset fields, errors as bare JSON strings. Not thread-safe: the server serialises calls.
 */
final class TrackingService {
  /** Toggl's second shape of timestamp, beside {@link TogglService#RFC3339_MICROS}. */
  static final DateTimeFormatter RFC3339_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);
  /**
   * How far back {@code GET /me?with_related_data=true}, and {@code GET /me/time_entries} without a
   * filter, list time entries.
   */
  static final Duration RECENT = Duration.ofDays(9);
  /** The detailed report's page size when the request names none, and its largest. */
  static final int REPORT_PAGE_SIZE = 50;

  private static final Pattern SLASH = Pattern.compile("/");
  private static final Pattern COMMA = Pattern.compile(",");
  private static final int BULK_LIMIT = 100;
  /** The JSON type of each workspace setting an admin may change. */
  private static final Map<String, String> SETTING_KINDS = new HashMap<>();

  static {
    for (String name : defaultWorkspaceSettings().keySet()) {
      SETTING_KINDS.put(name, "boolean");
    }
    SETTING_KINDS.put("default_currency", "string");
    SETTING_KINDS.put("default_hourly_rate", "number");
    SETTING_KINDS.put("rounding", "number");
    SETTING_KINDS.put("rounding_minutes", "number");
  }

  private final TogglService toggl;
  private final List<Route> routes = new ArrayList<>();
  private final Map<Long, Client> clients = new LinkedHashMap<>();
  private final Map<Long, Project> projects = new LinkedHashMap<>();
  private final Map<Long, Task> tasks = new LinkedHashMap<>();
  private final Map<Long, Tag> tags = new LinkedHashMap<>();
  private final Map<Long, TimeEntry> entries = new LinkedHashMap<>();
  /** IDs above 2^31 everywhere; real time entry IDs are around 3.7 billion. */
  private long nextClientId = 7_000_000_001L;
  private long nextProjectId = 2_200_000_001L;
  private long nextTaskId = 8_000_000_001L;
  private long nextTagId = 4_100_000_001L;
  private long nextEntryId = 3_730_000_001L;

  TrackingService(TogglService toggl) {
    this.toggl = toggl;
    on("getMe", "/me", this::getMe, "with_related_data");
    on("putMe", "/me", this::putMe);
    on("getWorkspaces", "/me/workspaces", this::myWorkspaces, "since");
    on("getMeProjects", "/me/projects", this::myProjects, "include_archived", "since");
    on("getClients", "/me/clients", this::myClients, "since");
    on("getTags", "/me/tags", this::myTags, "since");
    on("getTasks", "/me/tasks", this::myTasks, "since", "include_not_active");
    on("getMeOrganizations", "/me/organizations", this::myOrganizations);
    on("getTimeEntries", "/me/time_entries", this::listEntries, "since", "before", "start_date", "end_date", "meta");
    on("getCurrentTimeEntry", "/me/time_entries/current", this::currentEntry);
    on("getTimeEntryById", "/me/time_entries/{time_entry_id}", this::getEntry, "meta");
    on("searchWorkspace", "/workspaces", this::listWorkspaces);
    on("getWorkspace", "/workspaces/{workspace_id}", this::getWorkspace);
    on("putWorkspaces", "/workspaces/{workspace_id}", this::putWorkspace);
    on("getWorkspaceUsers", "/workspaces/{workspace_id}/users", this::workspaceUsers, "exclude_deleted");
    on("getWorkspaceClients", "/workspaces/{workspace_id}/clients", this::listClients, "status", "name");
    on("postWorkspaceClients", "/workspaces/{workspace_id}/clients", this::createClient);
    on("getWorkspaceClient", "/workspaces/{workspace_id}/clients/{client_id}", this::getClient);
    on("putWorkspaceClients", "/workspaces/{workspace_id}/clients/{client_id}", this::updateClient);
    on("deleteWorkspaceClients", "/workspaces/{workspace_id}/clients/{client_id}", this::deleteClient);
    on("archiveClient", "/workspaces/{workspace_id}/clients/{client_id}/archive", this::archiveClient);
    on("restoreClient", "/workspaces/{workspace_id}/clients/{client_id}/restore", this::restoreClient);
    on("getProjects", "/workspaces/{workspace_id}/projects", this::listProjects, "active", "since");
    on("postWorkspaceProjectCreate", "/workspaces/{workspace_id}/projects", this::createProject);
    on("getProject", "/workspaces/{workspace_id}/projects/{project_id}", this::getProject);
    on("putWorkspaceProject", "/workspaces/{workspace_id}/projects/{project_id}", this::updateProject);
    on("deleteWorkspaceProject", "/workspaces/{workspace_id}/projects/{project_id}", this::deleteProject, "teDeletionMode");
    on("getWorkspaceProjectTasks", "/workspaces/{workspace_id}/projects/{project_id}/tasks", this::listTasks);
    on("postWorkspaceProjectTasks", "/workspaces/{workspace_id}/projects/{project_id}/tasks", this::createTask);
    on("getWorkspaceProjectTask", "/workspaces/{workspace_id}/projects/{project_id}/tasks/{task_id}", this::getTask);
    on("putWorkspaceProjectTask", "/workspaces/{workspace_id}/projects/{project_id}/tasks/{task_id}", this::updateTask);
    on("deleteWorkspaceProjectTask", "/workspaces/{workspace_id}/projects/{project_id}/tasks/{task_id}", this::deleteTask);
    on("getWorkspaceTags", "/workspaces/{workspace_id}/tags", this::listTags);
    on("postWorkspaceTag", "/workspaces/{workspace_id}/tags", this::createTag);
    on("putWorkspaceTag", "/workspaces/{workspace_id}/tags/{tag_id}", this::updateTag);
    on("deleteWorkspaceTag", "/workspaces/{workspace_id}/tags/{tag_id}", this::deleteTag);
    on("createTimeEntry", "/workspaces/{workspace_id}/time_entries", this::createEntry, "meta");
    on("updateTimeEntry", "/workspaces/{workspace_id}/time_entries/{time_entry_id}", this::updateEntry, "meta");
    on("deleteTimeEntry", "/workspaces/{workspace_id}/time_entries/{time_entry_id}", this::deleteEntry);
    on("stopTimeEntry", "/workspaces/{workspace_id}/time_entries/{time_entry_id}/stop", this::stopEntry);
    on("patchTimeEntries", "/workspaces/{workspace_id}/time_entries/{time_entry_ids}", this::patchEntries, "meta");
    on("searchDetailedReportTimeEntries", "/reports/api/v3/workspace/{workspace_id}/search/time_entries", this::detailedReport);
  }

  /**
   * The body fields of the spec that the core does not act on, per operation. A request that sets
   * one (to anything but null or false, which is what the server does anyway) answers 501: keeping
   * quiet would be a silent, wrong 200.
   */
  private static final Map<String, List<String>> UNHONOURED_FIELDS = new HashMap<>();

  static {
    List<String> project = Arrays.asList("is_shared", "rate_change_mode", "recurring", "recurring_parameters",
        "template_id");
    List<String> timeEntry = Arrays.asList("event_metadata", "shared_with_user_ids", "start_date");
    UNHONOURED_FIELDS.put("putWorkspaces", Arrays.asList("initial_pricing_plan", "rate_change_mode"));
    UNHONOURED_FIELDS.put("postWorkspaceProjectCreate", project);
    UNHONOURED_FIELDS.put("putWorkspaceProject", project);
    UNHONOURED_FIELDS.put("createTimeEntry", timeEntry);
    UNHONOURED_FIELDS.put("updateTimeEntry", timeEntry);
    UNHONOURED_FIELDS.put("searchDetailedReportTimeEntries", Arrays.asList("client_ids", "enrich_response",
        "first_timestamp", "group_ids", "grouped", "hide_amounts", "max_duration_seconds", "min_duration_seconds",
        "order_by", "rounding", "rounding_minutes", "startTime", "task_ids", "time_entry_ids"));
  }

  /** The first field of the body the server would ignore, or null. */
  private static String unhonouredField(Call call, String operationId) {
    List<String> fields = UNHONOURED_FIELDS.get(operationId);
    JsonObject body = fields == null ? null : call.bodyIfValid(); // an invalid one: the handler says why
    if (body == null) {
      return null;
    }
    for (String field : fields) {
      JsonElement value = body.get(field);
      boolean unset = value == null || value.isJsonNull()
          || (value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean() && !value.getAsBoolean());
      if (!unset) {
        return field;
      }
    }
    return null;
  }

  /** The settings of workspace.Payload an admin may change, with a new workspace's values. */
  static JsonObject defaultWorkspaceSettings() {
    JsonObject settings = new JsonObject();
    settings.addProperty("default_currency", "USD");
    settings.add("default_hourly_rate", JsonNull.INSTANCE);
    settings.addProperty("limit_public_project_data", false);
    settings.addProperty("only_admins_may_create_projects", false);
    settings.addProperty("only_admins_may_create_tags", false);
    settings.addProperty("only_admins_see_billable_rates", false);
    settings.addProperty("only_admins_see_team_dashboard", false);
    settings.addProperty("projects_billable_by_default", true);
    settings.addProperty("projects_enforce_billable", false);
    settings.addProperty("projects_private_by_default", true);
    settings.addProperty("reports_collapse", true);
    settings.addProperty("rounding", 1);
    settings.addProperty("rounding_minutes", 0);
    return settings;
  }

  /**
   * Answers a request of the time-tracking core.
   *
   * @param operationId the spec operation the request names, which picks the route (so that a
   *     literal path such as /me/time_entries/checklist never falls into a templated route)
   * @return the answer, or null if the core does not implement the operation
   */
  MockResponse route(RecordedRequest request, String path, String operationId) {
    for (Route route : routes) {
      Map<String, String> params = route.operationId.equals(operationId) ? route.match(path) : null;
      if (params == null) {
        continue;
      }
      Authenticated auth = toggl.authenticate(request);
      if (auth.user == null) {
        return auth.failure;
      }
      for (String name : request.getRequestUrl().queryParameterNames()) {
        if (!route.query.contains(name)) {
          // Ignoring a filter would answer a silent, wrong 200.
          return TogglService.error(501, "The embedded Toggl server does not implement the '" + name
              + "' parameter of " + operationId);
        }
      }
      Call call = new Call(request, auth.user, params);
      String ignored = unhonouredField(call, operationId);
      if (ignored != null) {
        return TogglService.error(501, "The embedded Toggl server does not implement the '" + ignored
            + "' field of " + operationId);
      }
      try {
        return route.handler.handle(call);
      } catch (Refusal e) {
        return TogglService.error(e.status, e.getMessage());
      } catch (ArithmeticException | java.time.DateTimeException e) {
        // A number or a time the spec allows but no calendar holds (a duration of 2^63 seconds).
        return TogglService.error(400, "A value is out of range: " + e.getMessage());
      }
    }
    return null;
  }

  // ---- the user ---------------------------------------------------------------------------------

  private MockResponse getMe(Call call) {
    JsonObject me = toggl.togglUser(call.user);
    if (call.flag("with_related_data")) {
      Instant recent = toggl.now().minus(RECENT);
      me.add("workspaces", array(myWorkspaceList(call.user), w -> workspaceJson(w, call.user)));
      me.add("clients", array(visible(clients.values(), call.user), this::clientJson));
      me.add("projects", array(visibleProjects(call.user, false), this::projectJson));
      me.add("tags", array(visible(tags.values(), call.user), this::tagJson));
      me.add("tasks", array(visibleTasks(call.user, false), this::taskJson));
      List<TimeEntry> mine = myEntries(call.user, e -> e.deletedAt == null && !e.start.isBefore(recent));
      me.add("time_entries", array(mine, e -> entryJson(e, false)));
    }
    return TogglService.json(200, me);
  }

  private MockResponse putMe(Call call) {
    JsonObject body = call.body();
    User user = call.user;
    String password = TogglService.string(body, "password");
    if (password != null) {
      if (!user.password.equals(TogglService.string(body, "current_password"))) {
        throw new BadRequest("Current password is not valid");
      }
      if (password.length() < 8) {
        throw new BadRequest("Password should be at least 8 characters long");
      }
    }
    Long week = Fields.longField(body, "beginning_of_week");
    if (week != null && (week < 0 || week > 6)) {
      throw new BadRequest("beginning_of_week must be between 0 (Sunday) and 6 (Saturday)");
    }
    Long defaultWorkspace = Fields.longField(body, "default_workspace_id");
    if (defaultWorkspace != null) {
      Workspace workspace = toggl.workspaces.get(defaultWorkspace);
      if (workspace == null || !workspace.isMember(user.id)) {
        throw new BadRequest("Invalid default_workspace_id");
      }
    }
    String email = TogglService.string(body, "email");
    String fullName = TogglService.string(body, "fullname");
    String timezone = TogglService.string(body, "timezone");
    Long country = Fields.longField(body, "country_id");
    User other = email == null ? null : toggl.user(email);
    if (other != null && other != user) {
      throw new BadRequest("User with this email already exists");
    }
    // Everything is checked: from here on nothing is refused, so a refused request changed nothing.
    if (email != null) {
      toggl.changeEmail(user, email);
    }
    if (password != null) {
      user.password = password;
    }
    if (week != null) {
      user.beginningOfWeek = week.intValue();
    }
    if (defaultWorkspace != null) {
      user.defaultWorkspaceId = defaultWorkspace;
    }
    if (fullName != null) {
      user.fullName = fullName;
    }
    if (timezone != null) {
      user.timezone = timezone;
    }
    if (country != null) {
      user.countryId = country;
    }
    user.updatedAt = toggl.now();
    return TogglService.json(200, toggl.togglUser(user));
  }

  private MockResponse myWorkspaces(Call call) {
    Long since = call.longQuery("since");
    JsonArray out = new JsonArray();
    for (Workspace workspace : myWorkspaceList(call.user)) {
      if (since == null || !workspace.at.isBefore(Instant.ofEpochSecond(since))) {
        JsonObject json = workspaceJson(workspace, call.user);
        json.addProperty("active_project_count", projectsOf(workspace.id, true).size());
        out.add(json);
      }
    }
    return TogglService.json(200, out);
  }

  private MockResponse myProjects(Call call) {
    boolean archived = "true".equalsIgnoreCase(call.query("include_archived"));
    return TogglService.json(200, array(since(visibleProjects(call.user, archived), call), this::projectJson));
  }

  private MockResponse myClients(Call call) {
    return TogglService.json(200, array(since(visible(clients.values(), call.user), call), this::clientJson));
  }

  private MockResponse myTags(Call call) {
    return TogglService.json(200, array(since(visible(tags.values(), call.user), call), this::tagJson));
  }

  private MockResponse myTasks(Call call) {
    boolean inactive = "true".equalsIgnoreCase(call.query("include_not_active"));
    return TogglService.json(200, array(since(visibleTasks(call.user, inactive), call), this::taskJson));
  }

  private MockResponse myOrganizations(Call call) {
    JsonArray out = new JsonArray();
    Set<Long> seen = new LinkedHashSet<>();
    for (Workspace workspace : myWorkspaceList(call.user)) {
      if (seen.add(workspace.organizationId)) {
        out.add(organizationJson(workspace, call.user));
      }
    }
    return TogglService.json(200, out);
  }

  // ---- workspaces -------------------------------------------------------------------------------

  private MockResponse listWorkspaces(Call call) {
    return TogglService.json(200, array(myWorkspaceList(call.user), w -> workspaceJson(w, call.user)));
  }

  private MockResponse getWorkspace(Call call) {
    return TogglService.json(200, workspaceJson(memberOf(call), call.user));
  }

  private MockResponse putWorkspace(Call call) {
    Workspace workspace = adminOf(call, "Only workspace admins may change the workspace's settings");
    JsonObject body = call.body();
    String name = TogglService.string(body, "name");
    if (name != null && name.trim().isEmpty()) {
      throw new BadRequest("Workspace name must not be empty");
    }
    // Every field is checked before any is kept: a refused request changes nothing.
    JsonObject defaults = defaultWorkspaceSettings();
    JsonObject changes = new JsonObject();
    for (Map.Entry<String, JsonElement> field : body.entrySet()) {
      if (!defaults.has(field.getKey()) || field.getValue().isJsonNull()) {
        continue;
      }
      JsonElement value = field.getValue();
      String kind = SETTING_KINDS.get(field.getKey());
      boolean sameKind = value.isJsonPrimitive() && (kind.equals("boolean") ? value.getAsJsonPrimitive().isBoolean()
          : kind.equals("number") ? value.getAsJsonPrimitive().isNumber() : value.getAsJsonPrimitive().isString());
      if (!sameKind) {
        throw new BadRequest(field.getKey() + " must be a " + kind);
      }
      changes.add(field.getKey(), value.deepCopy());
    }
    List<Long> admins = Fields.longList(body, "admins");
    if (admins != null) {
      for (Long admin : admins) {
        if (!workspace.isMember(admin)) {
          throw new BadRequest("User " + admin + " is not a member of this workspace");
        }
      }
      for (Map.Entry<Long, Boolean> member : workspace.members.entrySet()) {
        member.setValue(admins.contains(member.getKey()) || member.getKey() == call.user.id);
      }
    }
    for (Map.Entry<String, JsonElement> change : changes.entrySet()) {
      workspace.settings.add(change.getKey(), change.getValue());
    }
    if (name != null) {
      workspace.name = name;
    }
    workspace.at = toggl.now();
    return TogglService.json(200, workspaceJson(workspace, call.user));
  }

  private MockResponse workspaceUsers(Call call) {
    Workspace workspace = memberOf(call);
    JsonArray out = new JsonArray();
    for (Map.Entry<Long, Boolean> member : workspace.members.entrySet()) {
      User user = toggl.userById(member.getKey());
      JsonObject json = new JsonObject();
      json.addProperty("id", user.id);
      json.addProperty("email", user.email);
      json.addProperty("fullname", user.fullName);
      json.addProperty("is_active", true);
      json.addProperty("inactive", false);
      json.addProperty("is_admin", member.getValue());
      json.addProperty("role", member.getValue() ? "admin" : "user");
      out.add(json);
    }
    return TogglService.json(200, out);
  }

  // ---- clients ----------------------------------------------------------------------------------

  private MockResponse listClients(Call call) {
    Workspace workspace = memberOf(call);
    String status = call.query("status") == null ? "active" : call.query("status");
    if (!Arrays.asList("active", "archived", "both").contains(status)) {
      throw new BadRequest("status must be one of active, archived, both");
    }
    String name = call.query("name");
    List<Client> found = new ArrayList<>();
    for (Client client : clients.values()) {
      boolean statusMatches = status.equals("both") || client.archived == status.equals("archived");
      if (client.workspaceId == workspace.id && statusMatches
          && (name == null || client.name.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))) {
        found.add(client);
      }
    }
    return TogglService.json(200, array(found, this::clientJson));
  }

  private MockResponse createClient(Call call) {
    Workspace workspace = memberOf(call);
    JsonObject body = call.body();
    String name = Fields.requiredName(body, "Client name can't be blank");
    Fields.checkWorkspaceField(body, "wid", workspace);
    requireUniqueClient(workspace, name, null);
    Client client = new Client(nextClientId++, workspace.id, name, call.user.id, toggl.now());
    client.notes = TogglService.string(body, "notes");
    clients.put(client.id, client);
    return TogglService.json(200, clientJson(client));
  }

  private MockResponse getClient(Call call) {
    return TogglService.json(200, clientJson(client(memberOf(call), call.id("client_id"))));
  }

  private MockResponse updateClient(Call call) {
    Workspace workspace = memberOf(call);
    Client client = client(workspace, call.id("client_id"));
    mayManage(workspace, call.user, client.creatorId, "clients");
    JsonObject body = call.body();
    String name = TogglService.string(body, "name");
    if (name != null) {
      if (name.trim().isEmpty()) {
        throw new BadRequest("Client name can't be blank");
      }
      requireUniqueClient(workspace, name, client);
      client.name = name;
    }
    if (body.has("notes")) {
      client.notes = TogglService.string(body, "notes");
    }
    client.at = toggl.now();
    return TogglService.json(200, clientJson(client));
  }

  private MockResponse deleteClient(Call call) {
    Workspace workspace = memberOf(call);
    Client client = client(workspace, call.id("client_id"));
    mayManage(workspace, call.user, client.creatorId, "clients");
    clients.remove(client.id);
    for (Project project : projects.values()) {
      if (Long.valueOf(client.id).equals(project.clientId)) {
        project.clientId = null;
        project.at = toggl.now();
      }
    }
    return empty();
  }

  private MockResponse archiveClient(Call call) {
    Workspace workspace = adminOf(call, "Only workspace admins may archive clients");
    Client client = client(workspace, call.id("client_id"));
    client.archived = true;
    client.at = toggl.now();
    JsonArray archived = new JsonArray();
    for (Project project : projects.values()) {
      if (Long.valueOf(client.id).equals(project.clientId) && project.active) {
        project.active = false;
        project.at = toggl.now();
        archived.add(project.id);
      }
    }
    return TogglService.json(200, archived);
  }

  private MockResponse restoreClient(Call call) {
    Workspace workspace = adminOf(call, "Only workspace admins may restore clients");
    Client client = client(workspace, call.id("client_id"));
    JsonObject body = call.request.getBodySize() > 0 ? call.body() : new JsonObject();
    List<Long> restore = Fields.longList(body, "projects");
    boolean all = Boolean.TRUE.equals(TogglService.bool(body, "restore_all_projects"));
    client.archived = false;
    client.at = toggl.now();
    for (Project project : projects.values()) {
      if (Long.valueOf(client.id).equals(project.clientId)
          && (all || (restore != null && restore.contains(project.id)))) {
        project.active = true;
        project.at = toggl.now();
      }
    }
    return TogglService.json(200, clientJson(client));
  }

  // ---- projects ---------------------------------------------------------------------------------

  private MockResponse listProjects(Call call) {
    Workspace workspace = memberOf(call);
    String active = call.query("active");
    List<Project> found = new ArrayList<>();
    for (Project project : projectsOf(workspace.id, false)) {
      if (canSee(project, call.user) && (active == null || project.active == Boolean.parseBoolean(active))) {
        found.add(project);
      }
    }
    return TogglService.json(200, array(since(found, call), this::projectJson));
  }

  private MockResponse createProject(Call call) {
    Workspace workspace = memberOf(call);
    if (workspace.settings.get("only_admins_may_create_projects").getAsBoolean() && !workspace.isAdmin(call.user.id)) {
      throw new Refusal(403, "Only workspace admins may create projects in this workspace");
    }
    JsonObject body = call.body();
    String name = Fields.requiredName(body, "Project name can't be blank");
    requireUniqueProject(workspace, name, null);
    Project project = new Project(nextProjectId++, workspace.id, name, call.user.id, toggl.now());
    project.isPrivate = workspace.settings.get("projects_private_by_default").getAsBoolean();
    applyProject(workspace, project, body);
    projects.put(project.id, project);
    return TogglService.json(200, projectJson(project));
  }

  private MockResponse getProject(Call call) {
    Workspace workspace = memberOf(call);
    return TogglService.json(200, projectJson(project(workspace, call.id("project_id"), call.user)));
  }

  private MockResponse updateProject(Call call) {
    Workspace workspace = memberOf(call);
    Project project = project(workspace, call.id("project_id"), call.user);
    mayManage(workspace, call.user, project.creatorId, "projects");
    JsonObject body = call.body();
    String name = TogglService.string(body, "name");
    if (name != null) {
      if (name.trim().isEmpty()) {
        throw new BadRequest("Project name can't be blank");
      }
      requireUniqueProject(workspace, name, project);
    }
    applyProject(workspace, project, body);
    if (name != null) {
      project.name = name;
    }
    project.at = toggl.now();
    return TogglService.json(200, projectJson(project));
  }

  private MockResponse deleteProject(Call call) {
    Workspace workspace = memberOf(call);
    Project project = project(workspace, call.id("project_id"), call.user);
    mayManage(workspace, call.user, project.creatorId, "projects");
    String mode = call.query("teDeletionMode") == null ? "unassign" : call.query("teDeletionMode");
    if (!mode.equals("delete") && !mode.equals("unassign")) {
      throw new BadRequest("teDeletionMode must be 'delete' or 'unassign'");
    }
    projects.remove(project.id);
    tasks.values().removeIf(task -> task.projectId == project.id);
    for (TimeEntry entry : entries.values()) {
      if (Long.valueOf(project.id).equals(entry.projectId) && entry.deletedAt == null) {
        if (mode.equals("delete")) {
          entry.deletedAt = toggl.now();
        } else {
          entry.projectId = null;
          entry.taskId = null;
        }
        entry.at = toggl.now();
      }
    }
    return empty();
  }

  /** Applies the fields of a project.Payload; checks them all before changing anything. */
  private void applyProject(Workspace workspace, Project project, JsonObject body) {
    Long clientId = Fields.firstLong(body, "client_id", "cid");
    if (clientId != null) {
      client(workspace, clientId, "Client with ID " + clientId + " isn't present in this workspace");
    }
    String clientName = TogglService.string(body, "client_name");
    Client named = null;
    if (clientName != null) {
      for (Client client : clients.values()) {
        if (client.workspaceId == workspace.id && client.name.equalsIgnoreCase(clientName)) {
          named = client;
        }
      }
      if (named == null) {
        throw new BadRequest("Client with name " + clientName + " isn't present in this workspace");
      }
    }
    LocalDate start = Fields.dateField(body, "start_date");
    LocalDate end = Fields.dateField(body, "end_date");
    Long estimated = Fields.longField(body, "estimated_hours");
    Double rate = Fields.doubleField(body, "rate");
    Double fixedFee = Fields.doubleField(body, "fixed_fee");
    String color = TogglService.string(body, "color");
    if (color != null && !color.matches("#[0-9a-fA-F]{6}")) {
      throw new BadRequest("Invalid project color");
    }
    Boolean active = TogglService.bool(body, "active");
    Boolean isPrivate = TogglService.bool(body, "is_private");
    Boolean billable = TogglService.bool(body, "billable");
    Boolean template = TogglService.bool(body, "template");
    Boolean autoEstimates = TogglService.bool(body, "auto_estimates");
    String currency = TogglService.string(body, "currency");
    LocalDate newStart = start != null ? start : project.startDate;
    LocalDate newEnd = end != null ? end : project.endDate;
    if (newEnd != null && newEnd.isBefore(newStart)) {
      throw new BadRequest("end_date must not be earlier than start_date");
    }
    if (clientId != null) {
      project.clientId = clientId;
    } else if (named != null) {
      project.clientId = named.id;
    } else if (body.has("client_id") || body.has("cid")) {
      project.clientId = null;
    }
    project.active = active != null ? active : project.active;
    project.isPrivate = isPrivate != null ? isPrivate : project.isPrivate;
    project.billable = billable != null ? billable : project.billable;
    project.template = template != null ? template : project.template;
    project.autoEstimates = autoEstimates != null ? autoEstimates : project.autoEstimates;
    project.color = color != null ? color : project.color;
    project.currency = currency != null ? currency : project.currency;
    project.estimatedHours = estimated != null ? estimated : project.estimatedHours;
    project.rate = rate != null ? rate : project.rate;
    project.fixedFee = fixedFee != null ? fixedFee : project.fixedFee;
    project.startDate = newStart;
    project.endDate = newEnd;
  }

  // ---- tasks ------------------------------------------------------------------------------------

  private MockResponse listTasks(Call call) {
    Workspace workspace = memberOf(call);
    Project project = project(workspace, call.id("project_id"), call.user);
    List<Task> found = new ArrayList<>();
    for (Task task : tasks.values()) {
      if (task.projectId == project.id) {
        found.add(task);
      }
    }
    return TogglService.json(200, array(found, this::taskJson));
  }

  private MockResponse createTask(Call call) {
    Workspace workspace = memberOf(call);
    Project project = project(workspace, call.id("project_id"), call.user);
    mayManage(workspace, call.user, project.creatorId, "tasks");
    JsonObject body = call.body();
    Task task = new Task(nextTaskId++, workspace.id, project.id, Fields.requiredName(body, "Name can't be blank"), toggl.now());
    applyTask(workspace, task, body);
    tasks.put(task.id, task);
    return TogglService.json(200, taskJson(task));
  }

  private MockResponse getTask(Call call) {
    Workspace workspace = memberOf(call);
    return TogglService.json(200, taskJson(task(project(workspace, call.id("project_id"), call.user), call.id("task_id"))));
  }

  private MockResponse updateTask(Call call) {
    Workspace workspace = memberOf(call);
    Project project = project(workspace, call.id("project_id"), call.user);
    Task task = task(project, call.id("task_id"));
    mayManage(workspace, call.user, project.creatorId, "tasks");
    JsonObject body = call.body();
    String name = TogglService.string(body, "name");
    if (name != null && name.trim().isEmpty()) {
      throw new BadRequest("Name can't be blank");
    }
    applyTask(workspace, task, body);
    if (name != null) {
      task.name = name;
    }
    task.at = toggl.now();
    return TogglService.json(200, taskJson(task));
  }

  private MockResponse deleteTask(Call call) {
    Workspace workspace = memberOf(call);
    Project project = project(workspace, call.id("project_id"), call.user);
    Task task = task(project, call.id("task_id"));
    mayManage(workspace, call.user, project.creatorId, "tasks");
    tasks.remove(task.id);
    for (TimeEntry entry : entries.values()) {
      if (Long.valueOf(task.id).equals(entry.taskId)) {
        entry.taskId = null;
        entry.at = toggl.now();
      }
    }
    return empty();
  }

  private void applyTask(Workspace workspace, Task task, JsonObject body) {
    Long userId = Fields.longField(body, "user_id");
    if (userId != null && !workspace.isMember(userId)) {
      throw new BadRequest("User " + userId + " is not a member of this workspace");
    }
    Long estimated = Fields.longField(body, "estimated_seconds");
    if (estimated != null && estimated < 0) {
      throw new BadRequest("estimated_seconds must not be negative");
    }
    Boolean active = TogglService.bool(body, "active");
    task.userId = userId != null ? userId : task.userId;
    task.estimatedSeconds = estimated != null ? estimated : task.estimatedSeconds;
    task.active = active != null ? active : task.active;
  }

  // ---- tags -------------------------------------------------------------------------------------

  private MockResponse listTags(Call call) {
    Workspace workspace = memberOf(call);
    List<Tag> found = new ArrayList<>();
    for (Tag tag : tags.values()) {
      if (tag.workspaceId == workspace.id) {
        found.add(tag);
      }
    }
    return TogglService.json(200, array(found, this::tagJson));
  }

  private MockResponse createTag(Call call) {
    Workspace workspace = memberOf(call);
    mayCreateTags(workspace, call.user);
    String name = Fields.requiredName(call.body(), "tag name can't be blank");
    if (tagNamed(workspace, name) != null) {
      throw new BadRequest("a tag with the name '" + name + "' already exists");
    }
    Tag tag = newTag(workspace, name, call.user);
    JsonArray out = new JsonArray();
    out.add(tagJson(tag));
    return TogglService.json(200, out);
  }

  private MockResponse updateTag(Call call) {
    Workspace workspace = memberOf(call);
    mayCreateTags(workspace, call.user);
    Tag tag = tag(workspace, call.id("tag_id"));
    String name = Fields.requiredName(call.body(), "tag name can't be blank");
    Tag other = tagNamed(workspace, name);
    if (other != null && other != tag) {
      throw new BadRequest("a tag with the name '" + name + "' already exists");
    }
    tag.name = name;
    tag.at = toggl.now();
    JsonArray out = new JsonArray();
    out.add(tagJson(tag));
    return TogglService.json(200, out);
  }

  private MockResponse deleteTag(Call call) {
    Workspace workspace = memberOf(call);
    mayCreateTags(workspace, call.user);
    Tag tag = tag(workspace, call.id("tag_id"));
    tags.remove(tag.id);
    for (TimeEntry entry : entries.values()) {
      if (entry.tagIds.remove(tag.id)) {
        entry.at = toggl.now();
      }
    }
    return empty();
  }

  private void mayCreateTags(Workspace workspace, User user) {
    if (workspace.settings.get("only_admins_may_create_tags").getAsBoolean() && !workspace.isAdmin(user.id)) {
      throw new Refusal(403, "Only organization or workspace administrators may manage tags in this workspace.");
    }
  }

  private Tag newTag(Workspace workspace, String name, User creator) {
    Tag tag = new Tag(nextTagId++, workspace.id, name, creator.id, toggl.now());
    tags.put(tag.id, tag);
    return tag;
  }

  // ---- time entries -----------------------------------------------------------------------------

  private MockResponse listEntries(Call call) {
    String since = call.query("since");
    String before = call.query("before");
    String startDate = call.query("start_date");
    String endDate = call.query("end_date");
    if (since != null && before != null) {
      throw new BadRequest("'since' and 'before' can not be present simultaneously");
    }
    if ((startDate == null) != (endDate == null)) {
      throw new BadRequest("'start_date' and 'end_date' must be present together");
    }
    Instant sinceAt = since == null ? null : Instant.ofEpochSecond(call.longQuery("since"));
    Instant beforeAt = before == null ? null : Fields.dateOrTime(before, "before");
    Instant from = startDate == null ? null : Fields.dateOrTime(startDate, "start_date");
    Instant to = endDate == null ? null : Fields.dateOrTime(endDate, "end_date");
    if (from != null && to.isBefore(from)) {
      throw new BadRequest("'end_date' must be after 'start_date'");
    }
    // Without a filter, the entries of the last nine days, as the spec says and as with_related_data lists them.
    Instant recent = since == null && before == null && from == null ? toggl.now().minus(RECENT) : null;
    List<TimeEntry> found = myEntries(call.user, e ->
        (sinceAt != null ? !e.at.isBefore(sinceAt) : e.deletedAt == null)
            && (beforeAt == null || e.start.isBefore(beforeAt))
            && (from == null || (!e.start.isBefore(from) && e.start.isBefore(to)))
            && (recent == null || !e.start.isBefore(recent)));
    return TogglService.json(200, array(found, e -> entryJson(e, call.flag("meta"))));
  }

  private MockResponse currentEntry(Call call) {
    TimeEntry running = runningEntry(call.user.id);
    return TogglService.json(200, running == null ? JsonNull.INSTANCE : entryJson(running, false));
  }

  private MockResponse getEntry(Call call) {
    TimeEntry entry = entries.get(call.id("time_entry_id"));
    if (entry == null || entry.userId != call.user.id || entry.deletedAt != null) {
      throw new Refusal(404, "Time entry not found");
    }
    return TogglService.json(200, entryJson(entry, call.flag("meta")));
  }

  private MockResponse createEntry(Call call) {
    Workspace workspace = memberOf(call);
    JsonObject body = call.body();
    Fields.checkWorkspaceField(body, "workspace_id", workspace);
    Fields.checkWorkspaceField(body, "wid", workspace);
    if (TogglService.string(body, "created_with") == null || TogglService.string(body, "created_with").trim().isEmpty()) {
      throw new BadRequest("created_with needs to be provided an a valid value");
    }
    Instant start = Fields.instantField(body, "start");
    if (start == null) {
      throw new BadRequest("start needs to be provided");
    }
    Long owner = Fields.firstLong(body, "user_id", "uid");
    if (owner != null && owner != call.user.id) {
      if (!workspace.isAdmin(call.user.id)) {
        throw new Refusal(403, "Only workspace admins may create time entries for other users");
      }
      if (!workspace.isMember(owner)) {
        throw new BadRequest("User " + owner + " is not a member of this workspace");
      }
    }
    TimeEntry entry = new TimeEntry(nextEntryId, workspace.id, owner != null ? owner : call.user.id, toggl.now());
    entry.start = start;
    Instant stop = Fields.instantField(body, "stop");
    Long duration = Fields.longField(body, "duration");
    if (stop == null && duration == null) {
      throw new BadRequest("duration or stop needs to be provided (a negative duration, -1, starts a running entry)");
    }
    applyEntry(workspace, entry, body, call.user, true);
    nextEntryId++;
    if (entry.stop == null) {
      TimeEntry running = runningEntry(entry.userId);
      if (running != null) {
        // One timer per user: starting another stops the running one, as Toggl's apps see it.
        running.stop = max(entry.start, running.start);
        running.at = toggl.now();
      }
    }
    createPendingTags(workspace, entry, call.user);
    entries.put(entry.id, entry);
    return TogglService.json(200, entryJson(entry, call.flag("meta")));
  }

  private MockResponse updateEntry(Call call) {
    Workspace workspace = memberOf(call);
    TimeEntry entry = editableEntry(workspace, call.user, call.id("time_entry_id"));
    JsonObject body = call.body();
    Fields.checkWorkspaceField(body, "workspace_id", workspace);
    Fields.checkWorkspaceField(body, "wid", workspace);
    TimeEntry changed = entry.copy();
    applyEntry(workspace, changed, body, call.user, false);
    requireOneTimer(entry, changed);
    commit(workspace, entry, changed, call.user);
    return TogglService.json(200, entryJson(entry, call.flag("meta")));
  }

  private MockResponse deleteEntry(Call call) {
    Workspace workspace = memberOf(call);
    TimeEntry entry = editableEntry(workspace, call.user, call.id("time_entry_id"));
    entry.deletedAt = toggl.now();
    entry.at = entry.deletedAt;
    return empty();
  }

  private MockResponse stopEntry(Call call) {
    Workspace workspace = memberOf(call);
    TimeEntry entry = editableEntry(workspace, call.user, call.id("time_entry_id"));
    if (entry.stop != null) {
      throw new Refusal(409, "Time entry is already stopped");
    }
    entry.stop = max(toggl.now(), entry.start);
    entry.at = toggl.now();
    return TogglService.json(200, entryJson(entry, false));
  }

  private MockResponse patchEntries(Call call) {
    Workspace workspace = memberOf(call);
    String[] ids = COMMA.split(call.params.get("time_entry_ids"), -1);
    if (ids.length > BULK_LIMIT) {
      throw new BadRequest("At most " + BULK_LIMIT + " time entries can be changed at once");
    }
    JsonArray operations = Fields.jsonArrayBody(call.request);
    List<Long> parsed = new ArrayList<>();
    for (String text : ids) { // all of them first: a malformed list changes nothing
      try {
        parsed.add(Long.parseLong(text.trim()));
      } catch (NumberFormatException e) {
        throw new BadRequest("Invalid time entry ID: " + text);
      }
    }
    JsonArray success = new JsonArray();
    JsonArray failure = new JsonArray();
    for (long id : parsed) {
      try {
        TimeEntry entry = editableEntry(workspace, call.user, id);
        TimeEntry changed = entry.copy();
        for (JsonElement operation : operations) {
          applyPatch(workspace, changed, operation, call.user);
        }
        requireOneTimer(entry, changed);
        commit(workspace, entry, changed, call.user);
        success.add(id);
      } catch (BadRequest | Refusal e) {
        JsonObject failed = new JsonObject();
        failed.addProperty("id", id);
        failed.addProperty("message", e.getMessage());
        failure.add(failed);
      }
    }
    JsonObject out = new JsonObject();
    out.add("success", success);
    out.add("failure", failure);
    return TogglService.json(200, out);
  }

  /** One JSON Patch operation of a bulk edit: add, remove or replace on a field. */
  private void applyPatch(Workspace workspace, TimeEntry entry, JsonElement operation, User user) {
    if (!operation.isJsonObject()) {
      throw new BadRequest("Each operation must be an object with op, path and value");
    }
    JsonObject patch = operation.getAsJsonObject();
    String op = TogglService.string(patch, "op");
    String path = TogglService.string(patch, "path");
    if (op == null || !Arrays.asList("add", "remove", "replace").contains(op)) {
      throw new BadRequest("op must be add, remove or replace");
    }
    if (path == null || !path.startsWith("/") || path.length() < 2) {
      throw new BadRequest("path must name a field, e.g. /description");
    }
    String field = path.substring(1);
    JsonElement value = patch.has("value") ? patch.get("value") : JsonNull.INSTANCE;
    if ((field.equals("tags") || field.equals("tag_ids")) && op.equals("remove") && value.isJsonNull()) {
      JsonObject change = new JsonObject(); // JSON Patch: removing the list without a value clears it
      change.add(field, new JsonArray());
      applyEntry(workspace, entry, change, user, false);
      return;
    }
    if ((field.equals("tags") || field.equals("tag_ids")) && !op.equals("replace")) {
      JsonObject change = new JsonObject();
      change.add(field, value);
      change.addProperty("tag_action", op.equals("add") ? "add" : "delete");
      applyEntry(workspace, entry, change, user, false);
      return;
    }
    if (!Arrays.asList("description", "billable", "project_id", "task_id", "start", "stop", "duration", "tags", "tag_ids")
        .contains(field)) {
      throw new BadRequest("Unknown or read-only field: " + path);
    }
    JsonObject change = new JsonObject();
    change.add(field, op.equals("remove") ? JsonNull.INSTANCE : value);
    applyEntry(workspace, entry, change, user, false);
  }

  /**
   * Applies the fields of a timeentry.Payload to an entry. Times are kept to the second, as Toggl
   * keeps them; a negative duration means running, and the duration of a stopped entry follows its
   * start and stop.
   */
  private void applyEntry(Workspace workspace, TimeEntry entry, JsonObject body, User user, boolean creating) {
    if (body.has("description")) {
      String description = TogglService.string(body, "description");
      if (description != null && description.length() > 3000) {
        throw new BadRequest("Maximum length for description is 3000 characters");
      }
      entry.description = description;
    }
    Boolean billable = TogglService.bool(body, "billable");
    if (billable != null) {
      entry.billable = billable;
    }
    Boolean duronly = TogglService.bool(body, "duronly");
    if (duronly != null) {
      entry.duronly = duronly;
    }
    if (body.has("project_id") || body.has("pid")) {
      Long projectId = Fields.firstLong(body, "project_id", "pid");
      if (projectId != null) {
        Project project = projects.get(projectId);
        if (project == null || project.workspaceId != workspace.id || !canSee(project, user)) {
          throw new BadRequest("Invalid project_id");
        }
        if (!project.active) {
          throw new BadRequest("Cannot track time on an archived project");
        }
      }
      if (projectId == null || !projectId.equals(entry.projectId)) {
        entry.taskId = null;
      }
      entry.projectId = projectId;
    }
    if (body.has("task_id") || body.has("tid")) {
      Long taskId = Fields.firstLong(body, "task_id", "tid");
      if (taskId != null) {
        Task task = tasks.get(taskId);
        Project project = task == null ? null : projects.get(task.projectId);
        if (task == null || task.workspaceId != workspace.id || !canSee(project, user)) {
          throw new BadRequest("Invalid task_id");
        }
        if (!project.active) {
          throw new BadRequest("Cannot track time on an archived project");
        }
        if (entry.projectId == null) {
          entry.projectId = task.projectId;
        } else if (task.projectId != entry.projectId) {
          throw new BadRequest("The task does not belong to the time entry's project");
        }
      }
      entry.taskId = taskId;
    }
    Instant start = Fields.instantField(body, "start");
    Instant stop = Fields.instantField(body, "stop");
    Long duration = Fields.longField(body, "duration");
    if (start != null) {
      long length = entry.stop == null ? -1 : entry.stop.getEpochSecond() - entry.start.getEpochSecond();
      entry.start = start;
      if (entry.stop != null && stop == null && duration == null) {
        entry.stop = start.plusSeconds(length); // moving a stopped entry keeps its duration
      }
    }
    if (stop != null) {
      entry.stop = stop;
    } else if (duration != null) {
      entry.stop = duration < 0 ? null : entry.start.plusSeconds(duration);
    } else if (body.has("stop") && body.get("stop").isJsonNull() && !creating) {
      throw new BadRequest("stop cannot be removed from a stopped time entry; use a negative duration to restart it");
    }
    if (entry.stop != null && entry.stop.isBefore(entry.start)) {
      throw new BadRequest("The stop time must be after the start time");
    }
    if (entry.stop != null && entry.stop.atOffset(ZoneOffset.UTC).getYear() > 9999) {
      throw new BadRequest("The time entry would end after the year 9999");
    }
    applyTags(workspace, entry, body, user); // last: it may create tags, so only once all else is valid
  }

  private void applyTags(Workspace workspace, TimeEntry entry, JsonObject body, User user) {
    String action = TogglService.string(body, "tag_action");
    if (action != null && !action.equals("add") && !action.equals("delete")) {
      throw new BadRequest("tag_action must be 'add' or 'delete'");
    }
    Set<Long> named = new LinkedHashSet<>();
    boolean given = false;
    List<Long> ids = Fields.longList(body, "tag_ids");
    if (ids != null) {
      given = true;
      for (Long id : ids) {
        Tag tag = tags.get(id);
        if (tag == null || tag.workspaceId != workspace.id) {
          throw new BadRequest("Invalid tag_id: " + id);
        }
        named.add(id);
      }
    }
    List<String> names = Fields.stringList(body, "tags");
    List<String> pending = new ArrayList<>();
    if (names != null) {
      given = true;
      for (String name : names) {
        Tag tag = tagNamed(workspace, name);
        if (tag != null) {
          named.add(tag.id);
        } else if (action == null || action.equals("add")) {
          // Toggl creates a tag it does not know yet, where allowed; here only once the whole edit
          // has passed (commit), so that a refused request leaves no tag behind.
          mayCreateTags(workspace, user);
          if (!containsIgnoringCase(pending, name)) {
            pending.add(name);
          }
        } else {
          entry.newTags.removeIf(name::equalsIgnoreCase);
        }
      }
    }
    if (!given) {
      return;
    }
    if (action == null) {
      entry.tagIds.clear();
      entry.tagIds.addAll(named);
      entry.newTags.clear();
      entry.newTags.addAll(pending);
    } else if (action.equals("add")) {
      entry.tagIds.addAll(named);
      for (String name : pending) {
        if (!containsIgnoringCase(entry.newTags, name)) {
          entry.newTags.add(name);
        }
      }
    } else {
      entry.tagIds.removeAll(named);
    }
  }

  private static boolean containsIgnoringCase(List<String> names, String name) {
    for (String each : names) {
      if (each.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private TimeEntry editableEntry(Workspace workspace, User user, long id) {
    TimeEntry entry = entries.get(id);
    if (entry == null || entry.workspaceId != workspace.id || entry.deletedAt != null) {
      throw new Refusal(404, "Time entry not found");
    }
    if (entry.userId != user.id && !workspace.isAdmin(user.id)) {
      throw new Refusal(403, "Only workspace admins may change other users' time entries");
    }
    return entry;
  }

  /** One timer per user: an edit that restarts a stopped entry while another runs is refused. */
  private void requireOneTimer(TimeEntry entry, TimeEntry changed) {
    if (changed.stop == null && entry.stop != null) {
      TimeEntry running = runningEntry(entry.userId);
      if (running != null && running != entry) {
        throw new BadRequest("Another time entry is running; stop it first");
      }
    }
  }

  /** Keeps an edit that passed every check, creating the tags it named that did not exist yet. */
  private void commit(Workspace workspace, TimeEntry entry, TimeEntry changed, User user) {
    createPendingTags(workspace, changed, user);
    entry.setFrom(changed);
    entry.at = toggl.now();
  }

  private void createPendingTags(Workspace workspace, TimeEntry entry, User user) {
    for (String name : entry.newTags) {
      Tag tag = tagNamed(workspace, name); // an earlier entry of the same bulk edit may have made it
      entry.tagIds.add(tag != null ? tag.id : newTag(workspace, name, user).id);
    }
    entry.newTags.clear();
  }

  private TimeEntry runningEntry(long userId) {
    for (TimeEntry entry : entries.values()) {
      if (entry.userId == userId && entry.stop == null && entry.deletedAt == null) {
        return entry;
      }
    }
    return null;
  }

  // ---- reports ----------------------------------------------------------------------------------

  /**
   * The Reports API v3 detailed search, one row per stopped time entry, ordered by start (then
   * ID). A page that is not the last says where the next starts in {@code X-Next-ID} and
   * {@code X-Next-Row-Number}; the next request passes them back as {@code first_id} and
   * {@code first_row_number}.
   */
  private MockResponse detailedReport(Call call) {
    Workspace workspace = memberOf(call);
    JsonObject body = call.body();
    if (body.entrySet().isEmpty()) {
      throw new BadRequest("At least one parameter must be set");
    }
    LocalDate startDate = Fields.dateField(body, "start_date");
    LocalDate endDate = Fields.dateField(body, "end_date");
    if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
      throw new BadRequest("end_date must not be earlier than start_date");
    }
    Long pageSize = Fields.longField(body, "page_size");
    if (pageSize != null && (pageSize < 1 || pageSize > REPORT_PAGE_SIZE)) {
      throw new BadRequest("Invalid 'page_size' value, allowed values are: '1-" + REPORT_PAGE_SIZE + "'");
    }
    String orderDir = TogglService.string(body, "order_dir");
    if (orderDir != null && !orderDir.equalsIgnoreCase("asc") && !orderDir.equalsIgnoreCase("desc")) {
      throw new BadRequest("Invalid 'order_dir' value, allowed values are: 'ASC', 'DESC'");
    }
    List<Long> projectIds = Fields.longList(body, "project_ids");
    List<Long> userIds = Fields.longList(body, "user_ids");
    List<Long> tagIds = Fields.longList(body, "tag_ids");
    String description = TogglService.string(body, "description");
    Boolean billable = TogglService.bool(body, "billable");
    boolean admin = workspace.isAdmin(call.user.id);
    List<TimeEntry> rows = new ArrayList<>();
    for (TimeEntry entry : entries.values()) {
      LocalDate day = entry.start.atOffset(ZoneOffset.UTC).toLocalDate();
      boolean matches = entry.workspaceId == workspace.id && entry.deletedAt == null && entry.stop != null
          && (admin || entry.userId == call.user.id)
          && (startDate == null || !day.isBefore(startDate))
          && (endDate == null || !day.isAfter(endDate))
          && (projectIds == null || projectIds.contains(entry.projectId))
          && (userIds == null || userIds.contains(entry.userId))
          && (tagIds == null || !java.util.Collections.disjoint(tagIds, entry.tagIds))
          && (billable == null || billable == entry.billable)
          && (description == null || (entry.description != null
              && entry.description.toLowerCase(Locale.ROOT).contains(description.toLowerCase(Locale.ROOT))));
      if (matches) {
        rows.add(entry);
      }
    }
    Comparator<TimeEntry> order = Comparator.<TimeEntry, Instant>comparing(e -> e.start).thenComparing(e -> e.id);
    rows.sort("desc".equalsIgnoreCase(orderDir) ? order.reversed() : order);
    Long firstRow = Fields.longField(body, "first_row_number");
    int from = firstRow == null ? 0 : (int) Math.max(0, Math.min(rows.size(), firstRow - 1));
    Long firstId = Fields.longField(body, "first_id");
    if (firstId != null && from < rows.size() && rows.get(from).id != firstId) {
      throw new BadRequest("Invalid 'first_id' value: it does not start row " + (from + 1));
    }
    int size = pageSize == null ? REPORT_PAGE_SIZE : pageSize.intValue();
    int to = Math.min(rows.size(), from + size);
    JsonArray page = new JsonArray();
    for (int i = from; i < to; i++) {
      page.add(reportRow(rows.get(i), i + 1));
    }
    MockResponse answer = TogglService.json(200, page);
    if (startDate != null) {
      answer.addHeader("X-Range-Start", startDate.toString());
    }
    if (endDate != null) {
      answer.addHeader("X-Range-End", endDate.toString());
    }
    if (to < rows.size()) {
      answer.addHeader("X-Next-ID", rows.get(to).id);
      answer.addHeader("X-Next-Row-Number", to + 1);
    }
    return answer;
  }

  private JsonObject reportRow(TimeEntry entry, int rowNumber) {
    User user = toggl.userById(entry.userId);
    Project project = entry.projectId == null ? null : projects.get(entry.projectId);
    Client client = project == null || project.clientId == null ? null : clients.get(project.clientId);
    Task task = entry.taskId == null ? null : tasks.get(entry.taskId);
    JsonObject row = new JsonObject();
    row.addProperty("user_id", entry.userId);
    row.addProperty("username", user.fullName);
    row.addProperty("email", user.email);
    row.addProperty("project_id", entry.projectId);
    row.addProperty("project_name", project == null ? null : project.name);
    row.addProperty("project_color", project == null ? null : project.color);
    row.addProperty("project_hex", project == null ? null : project.color);
    row.addProperty("client_name", client == null ? null : client.name);
    row.addProperty("task_id", entry.taskId);
    row.addProperty("task_name", task == null ? null : task.name);
    row.addProperty("description", entry.description == null ? "" : entry.description);
    row.addProperty("billable", entry.billable);
    row.add("hourly_rate_in_cents", JsonNull.INSTANCE);
    row.add("billable_amount_in_cents", JsonNull.INSTANCE);
    row.addProperty("currency", "USD");
    row.add("tag_ids", longs(entry.tagIds));
    row.add("tag_names", tagNames(entry));
    row.addProperty("row_number", rowNumber);
    JsonObject single = new JsonObject();
    single.addProperty("id", entry.id);
    single.addProperty("seconds", entry.stop.getEpochSecond() - entry.start.getEpochSecond());
    single.addProperty("start", RFC3339_SECONDS.format(entry.start));
    single.addProperty("stop", RFC3339_SECONDS.format(entry.stop));
    single.addProperty("at", RFC3339_SECONDS.format(entry.at));
    single.addProperty("at_tz", RFC3339_SECONDS.format(entry.at));
    JsonArray list = new JsonArray();
    list.add(single);
    row.add("time_entries", list);
    return row;
  }

  // ---- what the user may see --------------------------------------------------------------------

  private List<Workspace> myWorkspaceList(User user) {
    List<Workspace> mine = new ArrayList<>();
    for (Workspace workspace : toggl.workspaces.values()) {
      if (workspace.isMember(user.id)) {
        mine.add(workspace);
      }
    }
    return mine;
  }

  /** The workspace of the path; 403 for a workspace the user is not a member of, as Toggl says. */
  private Workspace memberOf(Call call) {
    Workspace workspace = toggl.workspaces.get(call.id("workspace_id"));
    if (workspace == null || !workspace.isMember(call.user.id)) {
      throw new Refusal(403, "User does not have access to this resource.");
    }
    return workspace;
  }

  private Workspace adminOf(Call call, String refusal) {
    Workspace workspace = memberOf(call);
    if (!workspace.isAdmin(call.user.id)) {
      throw new Refusal(403, refusal);
    }
    return workspace;
  }

  private static void mayManage(Workspace workspace, User user, long creatorId, String what) {
    if (!workspace.isAdmin(user.id) && creatorId != user.id) {
      throw new Refusal(403, "Only workspace admins and their creators may change " + what);
    }
  }

  private <T extends Owned> List<T> visible(Collection<T> all, User user) {
    List<T> found = new ArrayList<>();
    for (T item : all) {
      Workspace workspace = toggl.workspaces.get(item.workspaceId());
      if (workspace != null && workspace.isMember(user.id)) {
        found.add(item);
      }
    }
    return found;
  }

  private List<Project> visibleProjects(User user, boolean archivedToo) {
    List<Project> found = new ArrayList<>();
    for (Project project : visible(projects.values(), user)) {
      if ((archivedToo || project.active) && canSee(project, user)) {
        found.add(project);
      }
    }
    return found;
  }

  private List<Task> visibleTasks(User user, boolean inactiveToo) {
    List<Task> found = new ArrayList<>();
    for (Task task : visible(tasks.values(), user)) {
      if ((inactiveToo || task.active) && canSee(projects.get(task.projectId), user)) {
        found.add(task);
      }
    }
    return found;
  }

  /** A private project shows to admins and its creator only. */
  private boolean canSee(Project project, User user) {
    return !project.isPrivate || project.creatorId == user.id || toggl.workspaces.get(project.workspaceId).isAdmin(user.id);
  }

  private List<Project> projectsOf(long workspaceId, boolean activeOnly) {
    List<Project> found = new ArrayList<>();
    for (Project project : projects.values()) {
      if (project.workspaceId == workspaceId && (!activeOnly || project.active)) {
        found.add(project);
      }
    }
    return found;
  }

  private List<TimeEntry> myEntries(User user, java.util.function.Predicate<TimeEntry> filter) {
    List<TimeEntry> found = new ArrayList<>();
    for (TimeEntry entry : entries.values()) {
      if (entry.userId == user.id && filter.test(entry)) {
        found.add(entry);
      }
    }
    // Newest first, as Toggl lists them.
    found.sort(Comparator.<TimeEntry, Instant>comparing(e -> e.start).thenComparing(e -> e.id).reversed());
    return found;
  }

  private <T extends Owned> List<T> since(List<T> items, Call call) {
    Long since = call.longQuery("since");
    if (since == null) {
      return items;
    }
    List<T> found = new ArrayList<>();
    for (T item : items) {
      if (!item.at().isBefore(Instant.ofEpochSecond(since))) {
        found.add(item);
      }
    }
    return found;
  }

  // ---- lookups: 404 for what is missing or belongs to another workspace ------------------------

  private Client client(Workspace workspace, long id) {
    return client(workspace, id, "Client not found");
  }

  private Client client(Workspace workspace, long id, String message) {
    Client client = clients.get(id);
    if (client == null || client.workspaceId != workspace.id) {
      if (message.startsWith("Client with ID")) {
        throw new BadRequest(message);
      }
      throw new Refusal(404, message);
    }
    return client;
  }

  /** A project of the workspace that the user may see (a private one only its creator and admins). */
  private Project project(Workspace workspace, long id, User user) {
    Project project = projects.get(id);
    if (project == null || project.workspaceId != workspace.id || !canSee(project, user)) {
      throw new Refusal(404, "Project not found");
    }
    return project;
  }

  private Task task(Project project, long id) {
    Task task = tasks.get(id);
    if (task == null || task.projectId != project.id) {
      throw new Refusal(404, "Task not found");
    }
    return task;
  }

  private Tag tag(Workspace workspace, long id) {
    Tag tag = tags.get(id);
    if (tag == null || tag.workspaceId != workspace.id) {
      throw new Refusal(404, "Tag not found");
    }
    return tag;
  }

  private Tag tagNamed(Workspace workspace, String name) {
    for (Tag tag : tags.values()) {
      if (tag.workspaceId == workspace.id && tag.name.equalsIgnoreCase(name)) {
        return tag;
      }
    }
    return null;
  }

  private void requireUniqueClient(Workspace workspace, String name, Client self) {
    for (Client client : clients.values()) {
      if (client != self && client.workspaceId == workspace.id && client.name.equalsIgnoreCase(name)) {
        throw new BadRequest("client name already exists");
      }
    }
  }

  private void requireUniqueProject(Workspace workspace, String name, Project self) {
    for (Project project : projects.values()) {
      if (project != self && project.workspaceId == workspace.id && project.name.equalsIgnoreCase(name)) {
        throw new BadRequest("project name already exists");
      }
    }
  }

  // ---- JSON -------------------------------------------------------------------------------------

  private JsonObject workspaceJson(Workspace workspace, User viewer) {
    JsonObject json = new JsonObject();
    json.addProperty("id", workspace.id);
    json.addProperty("organization_id", workspace.organizationId);
    json.addProperty("name", workspace.name);
    json.addProperty("profile", 0);
    json.addProperty("premium", false);
    json.addProperty("business_ws", false);
    json.addProperty("admin", workspace.isAdmin(viewer.id));
    json.addProperty("role", workspace.isAdmin(viewer.id) ? "admin" : "user");
    json.add("suspended_at", JsonNull.INSTANCE);
    json.add("server_deleted_at", JsonNull.INSTANCE); // unlisted, as in Toggl's answers
    for (Map.Entry<String, JsonElement> setting : workspace.settings.entrySet()) {
      json.add(setting.getKey(), setting.getValue().deepCopy());
    }
    json.add("rate_last_updated", JsonNull.INSTANCE);
    json.add("api_token", JsonNull.INSTANCE);
    json.addProperty("at", TogglService.RFC3339_MICROS.format(workspace.at));
    json.addProperty("logo_url", "https://assets.toggl.com/images/workspace.jpg");
    json.addProperty("ical_enabled", false);
    json.add("ical_url", JsonNull.INSTANCE);
    json.addProperty("hide_start_end_times", false);
    json.add("max_data_retention_days", JsonNull.INSTANCE);
    json.add("working_hours_in_minutes", JsonNull.INSTANCE);
    json.add("permissions", JsonNull.INSTANCE);
    json.addProperty("last_modified", TogglService.RFC3339_MICROS.format(workspace.at));
    return json;
  }

  private JsonObject organizationJson(Workspace workspace, User viewer) {
    JsonObject json = new JsonObject();
    json.addProperty("id", workspace.organizationId);
    json.addProperty("name", workspace.name);
    json.addProperty("pricing_plan_id", 0);
    json.addProperty("pricing_plan_name", "Free");
    json.addProperty("pricing_plan_enterprise", false);
    json.addProperty("created_at", TogglService.RFC3339_MICROS.format(workspace.createdAt));
    json.addProperty("at", TogglService.RFC3339_MICROS.format(workspace.at));
    json.add("server_deleted_at", JsonNull.INSTANCE);
    json.addProperty("is_multi_workspace_enabled", false);
    json.addProperty("is_unified", false);
    json.add("suspended_at", JsonNull.INSTANCE);
    json.addProperty("user_count", workspace.members.size());
    json.addProperty("max_workspaces", 1);
    json.add("max_data_retention_days", JsonNull.INSTANCE);
    json.addProperty("owner", workspace.members.keySet().iterator().next() == viewer.id);
    json.addProperty("admin", workspace.isAdmin(viewer.id));
    json.add("permissions", JsonNull.INSTANCE);
    return json;
  }

  private JsonObject clientJson(Client client) {
    JsonObject json = new JsonObject();
    json.addProperty("id", client.id);
    json.addProperty("wid", client.workspaceId);
    json.addProperty("archived", client.archived);
    json.addProperty("name", client.name);
    json.addProperty("notes", client.notes);
    json.addProperty("at", TogglService.RFC3339_MICROS.format(client.at));
    json.addProperty("creator_id", client.creatorId);
    return json;
  }

  /** The seconds of the stopped, undeleted entries that match. */
  private long trackedSeconds(java.util.function.Predicate<TimeEntry> which) {
    long tracked = 0;
    for (TimeEntry entry : entries.values()) {
      if (entry.deletedAt == null && entry.stop != null && which.test(entry)) {
        tracked += entry.stop.getEpochSecond() - entry.start.getEpochSecond();
      }
    }
    return tracked;
  }

  private JsonArray tagNames(TimeEntry entry) {
    JsonArray names = new JsonArray();
    for (Long id : entry.tagIds) {
      names.add(tags.get(id).name);
    }
    return names;
  }

  private JsonObject projectJson(Project project) {
    long tracked = trackedSeconds(entry -> Long.valueOf(project.id).equals(entry.projectId));
    JsonObject json = new JsonObject();
    json.addProperty("id", project.id);
    json.addProperty("workspace_id", project.workspaceId);
    json.addProperty("wid", project.workspaceId);
    json.addProperty("client_id", project.clientId);
    json.addProperty("cid", project.clientId);
    json.addProperty("name", project.name);
    json.addProperty("is_private", project.isPrivate);
    json.addProperty("active", project.active);
    json.addProperty("status", project.active ? "active" : "archived");
    json.addProperty("at", TogglService.RFC3339_MICROS.format(project.at));
    json.addProperty("created_at", RFC3339_SECONDS.format(project.createdAt));
    json.add("server_deleted_at", JsonNull.INSTANCE);
    json.addProperty("color", project.color);
    json.addProperty("billable", project.billable);
    json.addProperty("template", project.template);
    json.add("template_id", JsonNull.INSTANCE);
    json.addProperty("auto_estimates", project.autoEstimates);
    json.addProperty("estimated_hours", project.estimatedHours);
    json.addProperty("estimated_seconds", project.estimatedHours == null ? null : project.estimatedHours * 3600);
    json.addProperty("rate", project.rate);
    json.add("rate_last_updated", JsonNull.INSTANCE);
    json.addProperty("currency", project.currency);
    json.addProperty("recurring", false);
    json.add("recurring_parameters", JsonNull.INSTANCE);
    json.addProperty("fixed_fee", project.fixedFee);
    json.addProperty("actual_hours", tracked / 3600);
    json.addProperty("actual_seconds", tracked);
    json.addProperty("start_date", project.startDate.toString());
    json.addProperty("end_date", project.endDate == null ? null : project.endDate.toString());
    json.addProperty("is_shared", false);
    json.add("shared_at", JsonNull.INSTANCE);
    json.add("shared_hash", JsonNull.INSTANCE);
    json.addProperty("pinned", false);
    json.add("permissions", JsonNull.INSTANCE);
    long taskCount = tasks.values().stream().filter(t -> t.projectId == project.id).count();
    json.addProperty("tasks_count", taskCount);
    json.addProperty("can_track_time", project.active); // unlisted, as in Toggl's answers
    return json;
  }

  private JsonObject taskJson(Task task) {
    Project project = projects.get(task.projectId);
    long tracked = trackedSeconds(entry -> Long.valueOf(task.id).equals(entry.taskId));
    JsonObject json = new JsonObject();
    json.addProperty("id", task.id);
    json.addProperty("name", task.name);
    json.addProperty("workspace_id", task.workspaceId);
    json.addProperty("project_id", task.projectId);
    json.addProperty("user_id", task.userId);
    json.addProperty("active", task.active);
    json.addProperty("at", TogglService.RFC3339_MICROS.format(task.at));
    json.addProperty("estimated_seconds", task.estimatedSeconds);
    json.addProperty("tracked_seconds", tracked);
    json.addProperty("recurring", false);
    json.add("rate", JsonNull.INSTANCE);
    json.add("rate_last_updated", JsonNull.INSTANCE);
    json.addProperty("project_name", project.name);
    json.addProperty("project_color", project.color);
    json.addProperty("project_billable", project.billable);
    json.add("client_name", JsonNull.INSTANCE);
    json.add("permissions", JsonNull.INSTANCE);
    json.add("integration_provider", JsonNull.INSTANCE);
    json.add("integration_ext_id", JsonNull.INSTANCE);
    json.add("integration_ext_type", JsonNull.INSTANCE);
    json.add("toggl_accounts_id", JsonNull.INSTANCE);
    json.add("server_deleted_at", JsonNull.INSTANCE);
    return json;
  }

  private JsonObject tagJson(Tag tag) {
    JsonObject json = new JsonObject();
    json.addProperty("id", tag.id);
    json.addProperty("workspace_id", tag.workspaceId);
    json.addProperty("name", tag.name);
    json.addProperty("at", TogglService.RFC3339_MICROS.format(tag.at));
    json.addProperty("creator_id", tag.creatorId);
    json.add("deleted_at", JsonNull.INSTANCE);
    json.add("integration_provider", JsonNull.INSTANCE);
    json.add("integration_ext_id", JsonNull.INSTANCE);
    json.add("integration_ext_type", JsonNull.INSTANCE);
    json.add("permissions", JsonNull.INSTANCE);
    return json;
  }

  /**
   * A time entry as Toggl sends it: start and stop to the second with an offset, {@code at} with
   * microseconds and {@code Z}; running: {@code stop: null} and minus the start as Unix seconds.
   */
  private JsonObject entryJson(TimeEntry entry, boolean meta) {
    JsonObject json = new JsonObject();
    json.addProperty("id", entry.id);
    json.addProperty("workspace_id", entry.workspaceId);
    json.addProperty("project_id", entry.projectId);
    json.addProperty("task_id", entry.taskId);
    json.addProperty("billable", entry.billable);
    json.addProperty("start", RFC3339_SECONDS.format(entry.start));
    json.addProperty("stop", entry.stop == null ? null : RFC3339_SECONDS.format(entry.stop));
    json.addProperty("duration", entry.stop == null
        ? -entry.start.getEpochSecond() : entry.stop.getEpochSecond() - entry.start.getEpochSecond());
    json.addProperty("description", entry.description);
    json.add("tags", tagNames(entry));
    json.add("tag_ids", longs(entry.tagIds));
    json.addProperty("duronly", entry.duronly);
    json.addProperty("at", TogglService.RFC3339_MICROS.format(entry.at));
    json.addProperty("server_deleted_at",
        entry.deletedAt == null ? null : TogglService.RFC3339_MICROS.format(entry.deletedAt));
    json.addProperty("user_id", entry.userId);
    json.addProperty("uid", entry.userId);
    json.addProperty("wid", entry.workspaceId);
    json.addProperty("pid", entry.projectId);
    json.addProperty("tid", entry.taskId);
    json.add("permissions", JsonNull.INSTANCE);
    json.add("shared_with", JsonNull.INSTANCE);
    if (meta) {
      Project project = entry.projectId == null ? null : projects.get(entry.projectId);
      Client client = project == null || project.clientId == null ? null : clients.get(project.clientId);
      Task task = entry.taskId == null ? null : tasks.get(entry.taskId);
      json.addProperty("project_name", project == null ? null : project.name);
      json.addProperty("project_color", project == null ? null : project.color);
      json.addProperty("project_active", project == null ? null : project.active);
      json.addProperty("project_billable", project == null ? null : project.billable);
      json.addProperty("client_name", client == null ? null : client.name);
      json.addProperty("task_name", task == null ? null : task.name);
      User user = toggl.userById(entry.userId);
      json.addProperty("user_name", user.fullName);
      json.addProperty("user_avatar_url", "https://assets.track.toggl.com/images/profile.png");
    }
    return json;
  }

  private static <T> JsonArray array(List<T> items, java.util.function.Function<T, JsonElement> toJson) {
    JsonArray out = new JsonArray();
    for (T item : items) {
      out.add(toJson.apply(item));
    }
    return out;
  }

  private static JsonArray longs(Collection<Long> values) {
    JsonArray out = new JsonArray();
    for (Long value : values) {
      out.add(value);
    }
    return out;
  }

  /** Toggl answers a delete with 200 and no body. */
  private static MockResponse empty() {
    return new MockResponse().setResponseCode(200);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private void on(String operationId, String template, Handler handler, String... query) {
    routes.add(new Route(operationId, template, handler, query));
  }

  // ---- plumbing ---------------------------------------------------------------------------------

  private interface Handler {
    MockResponse handle(Call call);
  }

  /** An operation, its path template and the query parameters the server honours. */
  private static final class Route {
    final String operationId;
    final String[] segments;
    final Handler handler;
    final Set<String> query;

    Route(String operationId, String template, Handler handler, String... query) {
      this.operationId = operationId;
      this.segments = SLASH.split(template, -1);
      this.handler = handler;
      this.query = new LinkedHashSet<>(Arrays.asList(query));
    }

    /** The path parameters, or null if the path does not have the template's shape. */
    Map<String, String> match(String path) {
      String[] parts = SLASH.split(path, -1);
      if (parts.length != segments.length) {
        return null;
      }
      Map<String, String> params = new HashMap<>();
      for (int i = 0; i < parts.length; i++) {
        if (segments[i].startsWith("{")) {
          params.put(segments[i].substring(1, segments[i].length() - 1), parts[i]);
        } else if (!segments[i].equals(parts[i])) {
          return null;
        }
      }
      return params;
    }
  }

  /** One request: who sent it, its path parameters, its query and body. */
  private static final class Call {
    final RecordedRequest request;
    final User user;
    final Map<String, String> params;
    private JsonObject body;
    private BadRequest bodyProblem;

    Call(RecordedRequest request, User user, Map<String, String> params) {
      this.request = request;
      this.user = user;
      this.params = params;
    }

    long id(String name) {
      try {
        return Long.parseLong(params.get(name));
      } catch (NumberFormatException e) {
        throw new BadRequest("Invalid " + name);
      }
    }

    String query(String name) {
      return request.getRequestUrl().queryParameter(name);
    }

    Long longQuery(String name) {
      String value = query(name);
      if (value == null) {
        return null;
      }
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new BadRequest("Invalid '" + name + "': " + value);
      }
    }

    boolean flag(String name) {
      return "true".equalsIgnoreCase(query(name));
    }

    /** The JSON object body, read once; a body that is none is a bad request. */
    JsonObject body() {
      read();
      if (bodyProblem != null) {
        throw bodyProblem;
      }
      return body;
    }

    /** The JSON object body, or null if there is none or it is not one. */
    JsonObject bodyIfValid() {
      read();
      return body;
    }

    private void read() {
      if (body == null && bodyProblem == null) {
        try {
          body = TogglService.jsonBody(request);
        } catch (BadRequest e) {
          bodyProblem = e;
        }
      }
    }
  }

  /** An answer other than 400: 403, 404 or 409 with Toggl's message. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    Refusal(int status, String message) {
      super(message);
      this.status = status;
    }
  }
}
