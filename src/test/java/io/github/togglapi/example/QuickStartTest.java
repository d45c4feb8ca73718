package io.github.togglapi.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.github.togglapi.client.ApiClient;
import io.github.togglapi.client.ApiException;
import io.github.togglapi.client.api.AuthenticationApi;
import io.github.togglapi.client.api.ClientsApi;
import io.github.togglapi.client.api.MeApi;
import io.github.togglapi.client.api.TimeEntriesApi;
import io.github.togglapi.client.model.ModelsProject;
import io.github.togglapi.client.model.ModelsTimeEntry;
import io.github.togglapi.client.model.TimeentryPayload;
import io.github.togglapi.client.testing.EmbeddedTogglServer;
import io.github.togglapi.client.testing.Fault;
import io.github.togglapi.client.testing.EmbeddedTogglServer.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The README's main command: the quick start runs every step and says so. */
class QuickStartTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"https", "http"})
  void runsTheWholeFlowOnTheEmbeddedServer(String scheme) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    String[] args = scheme.equals("http") ? new String[] {"--http"} : new String[0];
    int status = new QuickStart(new PrintStream(bytes, true), Collections.emptyMap()).run(args);
    String output = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    assertEquals(0, status, output);
    assertTrue(output.contains("at " + scheme + "://"), output);
    String[] steps = {"Sign up", "Log in with a session", "Create a client and a project", "Start a time entry",
        "See it as the current entry", "Stop it", "List today's time entries", "Read a detailed-report page",
        "Clean up", "Read the SSO configuration", "Save an SSO configuration", "Disable and re-enable SSO",
        "Look up the SAML2 login URL", "Sign in through SAML2 and confirm SSO", "Reset the API token",
        "Erase the SSO configuration", "Log out"};
    for (int i = 0; i < steps.length; i++) {
      assertTrue(output.matches("(?s).*\\[ ?" + (i + 1) + "/17] " + steps[i] + " +ok .*"), steps[i] + " in:\n" + output);
    }
    assertTrue(output.matches("(?s).*running since \\S+Z \\(stop null, duration -\\d+\\).*"), output);
    assertTrue(output.contains("after 25 min"), output);
    assertTrue(output.contains("1 entry, 25 min tracked"), output);
    assertTrue(output.contains("1 row: \"Design review\" on Website"), output);
    assertTrue(output.contains("HTTP 302 to the web app"), output);
    assertTrue(output.contains("the old one is refused with HTTP 401"), output);
    assertTrue(output.contains("the next call is refused with HTTP 401"), output);
    assertTrue(output.endsWith("All 17 steps passed.\n"), output);
  }

  /** The README says the quick start runs every authentication operation: each one is called in its flow. */
  @Test
  void theEmbeddedFlowCallsEveryAuthenticationOperation() throws Exception {
    String source = new String(java.nio.file.Files.readAllBytes(
        java.nio.file.Paths.get("src/test/java/io/github/togglapi/example/QuickStart.java")), StandardCharsets.UTF_8);
    String flow = source.substring(source.indexOf("private void runEmbedded("), source.indexOf("private void runAgainst("));
    String seed = new String(java.nio.file.Files.readAllBytes(java.nio.file.Paths.get("api/authentication.yaml")),
        StandardCharsets.UTF_8);
    java.util.regex.Matcher id = java.util.regex.Pattern.compile("operationId: (\\w+)").matcher(seed);
    java.util.List<String> missing = new java.util.ArrayList<>();
    int operations = 0;
    while (id.find()) {
      String name = id.group(1);
      operations++;
      if (!flow.contains("." + name + "(") && !flow.contains("." + name + "WithHttpInfo(")) {
        missing.add(name);
      }
    }
    assertEquals(11, operations, "the seed's eleven authentication operations");
    assertEquals(java.util.Collections.emptyList(), missing);
  }

  /** Against a "real" service (here the embedded one), nothing is changed unless asked. */
  @Test
  void againstAServiceItIsReadOnlyByDefault() {
    try (EmbeddedTogglServer toggl = EmbeddedTogglServer.startHttp()) {
      Account ada = toggl.createAccount("ada@example.com", "correct-horse-battery");
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      Map<String, String> env = Collections.singletonMap("TOGGL_API_TOKEN", ada.getApiToken());
      int status = new QuickStart(new PrintStream(bytes, true), env).run(new String[] {
          "--base-url", toggl.baseUrl(), "--workspace", String.valueOf(ada.getWorkspaceId())});
      String output = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
      assertEquals(0, status, output);
      assertTrue(output.contains("(read-only)") && output.contains("All 7 steps passed."), output);
      assertTrue(output.contains("no timer running") && output.contains("0 entries (UTC day)")
          && output.contains("0 rows in the last 7 days"), output);
      assertTrue(output.contains("no SSO for example.com (HTTP 404)"), output);
      assertEquals(ada.getApiToken(), toggl.account("ada@example.com").getApiToken(), "the token was not reset");
      assertEquals(7, toggl.requestCount(),
          "log in, current entry, today's entries, report page, read SSO, SAML2 URL, log out; and nothing else");
      assertTrue(!output.contains(ada.getApiToken()), output);
    }
  }

  @Test
  void writeModeLeavesNoSsoConfigurationBehind() throws ApiException {
    try (EmbeddedTogglServer toggl = EmbeddedTogglServer.startHttp()) {
      Account ada = toggl.createAccount("ada@example.com", "correct-horse-battery");
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      int status = new QuickStart(new PrintStream(bytes, true), Collections.<String, String>emptyMap()).run(new String[] {
          "--base-url", toggl.baseUrl(), "--token", ada.getApiToken(), "--workspace", String.valueOf(ada.getWorkspaceId()),
          "--write"});
      String output = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
      assertEquals(0, status, output);
      assertTrue(output.contains("saved (disabled), toggled, then erased"), output);
      assertTrue(output.contains("Stop it") && output.contains("deleted the time entry, the project and the client")
          && output.contains("All 12 steps passed."), output);
      ApiClient client = toggl.newApiClient().setApiToken(ada.getApiToken());
      assertNull(new AuthenticationApi(client).getWorkspaceSso(ada.getWorkspaceId()).getConfig());
      assertLeftNothingBehind(client, ada.getWorkspaceId());
    }
  }

  /** A step that fails in a real workspace still deletes what the flow made. */
  @Test
  void writeModeCleansUpAfterAFailedStep() throws ApiException {
    try (EmbeddedTogglServer toggl = EmbeddedTogglServer.startHttp()) {
      Account ada = toggl.createAccount("ada@example.com", "correct-horse-battery");
      toggl.inject(Fault.status(400, "Maximum number of detailed report requests reached")
          .onlyFor("searchDetailedReportTimeEntries"));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      int status = new QuickStart(new PrintStream(bytes, true), Collections.<String, String>emptyMap()).run(new String[] {
          "--base-url", toggl.baseUrl(), "--token", ada.getApiToken(), "--workspace", String.valueOf(ada.getWorkspaceId()),
          "--write"});
      String output = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
      assertEquals(1, status, output);
      assertTrue(output.contains("FAILED at step 7: Read a detailed-report page"), output);
      assertLeftNothingBehind(toggl.newApiClient().setApiToken(ada.getApiToken()), ada.getWorkspaceId());
    }
  }

  /** A timer running in the account is the user's: --write stops before it would stop it. */
  @Test
  void writeModeLeavesTheUsersOwnRunningTimerAlone() throws ApiException {
    try (EmbeddedTogglServer toggl = EmbeddedTogglServer.startHttp()) {
      Account ada = toggl.createAccount("ada@example.com", "correct-horse-battery");
      ApiClient client = toggl.newApiClient().setApiToken(ada.getApiToken());
      TimeEntriesApi entries = new TimeEntriesApi(client);
      ModelsTimeEntry mine = entries.createTimeEntry(ada.getWorkspaceId(), new TimeentryPayload()
          .workspaceId(ada.getWorkspaceId()).start(OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).withNano(0))
          .duration(-1L).description("my own work").createdWith("another app"), null);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      int status = new QuickStart(new PrintStream(bytes, true), Collections.<String, String>emptyMap()).run(new String[] {
          "--base-url", toggl.baseUrl(), "--token", ada.getApiToken(), "--workspace", String.valueOf(ada.getWorkspaceId()),
          "--write"});
      String output = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
      assertEquals(1, status, output);
      assertTrue(output.contains("FAILED at step 2: Create a client and a project: a timer is running in this account (entry "
          + mine.getId() + ")"), output);
      assertEquals(mine.getId(), entries.getCurrentTimeEntry().getId(), "still running");
      assertEquals(Collections.emptyList(), new ClientsApi(client).getWorkspaceClients(ada.getWorkspaceId(), "both", null));
    }
  }

  /** When clean-up fails too, the user learns what is left in their workspace. */
  @Test
  void aFailedCleanUpNamesWhatIsLeftBehind() throws ApiException {
    try (EmbeddedTogglServer toggl = EmbeddedTogglServer.startHttp()) {
      Account ada = toggl.createAccount("ada@example.com", "correct-horse-battery");
      toggl.inject(Fault.status(400, "Maximum number of detailed report requests reached")
          .onlyFor("searchDetailedReportTimeEntries"));
      toggl.inject(Fault.serverError(500).onlyFor("deleteWorkspaceProject").always());
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      int status = new QuickStart(new PrintStream(bytes, true), Collections.<String, String>emptyMap()).run(new String[] {
          "--base-url", toggl.baseUrl(), "--token", ada.getApiToken(), "--workspace", String.valueOf(ada.getWorkspaceId()),
          "--write"});
      String output = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
      assertEquals(1, status, output);
      List<ModelsProject> projects = new MeApi(toggl.newApiClient().setApiToken(ada.getApiToken())).getMeProjects("true", null);
      assertEquals(1, projects.size());
      assertTrue(output.matches("(?s).*Left behind in workspace " + ada.getWorkspaceId() + ": project " + projects.get(0).getId()
          + ", client \\d+; delete them by hand\\..*"), output);
    }
  }

  private static void assertLeftNothingBehind(ApiClient client, long workspace) throws ApiException {
    assertEquals(Collections.emptyList(), new ClientsApi(client).getWorkspaceClients(workspace, "both", null));
    assertEquals(Collections.emptyList(), new MeApi(client).getMeProjects("true", null));
    assertEquals(Collections.emptyList(), new TimeEntriesApi(client).getTimeEntries(null, null, null, null, null, null));
  }

  @Test
  void badArgumentsExitWithTwoAndTheUsage() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    QuickStart quickStart = new QuickStart(new PrintStream(bytes, true), Collections.emptyMap());
    assertEquals(2, quickStart.run(new String[] {"--bogus"}));
    assertEquals(2, quickStart.run(new String[] {"--base-url", "https://api.track.toggl.com/api/v9"}),
        "a real service needs credentials");
    assertEquals(2, quickStart.run(new String[] {"--base-url", "https://api.track.toggl.com/api/v9", "--token", "t",
        "--write"}), "--write needs a workspace");
    String output = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    assertTrue(output.contains("Unknown argument: --bogus") && output.contains("Usage:"), output);
  }

  @Test
  void aFailingStepExitsWithOneAndNamesTheStep() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // Nothing listens there any more: the first step fails with a connection error.
    int status = new QuickStart(new PrintStream(bytes, true), Collections.emptyMap())
        .run(new String[] {"--base-url", "http://127.0.0.1:" + closedPort + "/api/v9", "--token", "t0k3n-for-test"});
    String output = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    assertEquals(1, status, output);
    assertTrue(output.contains("FAILED at step 1: Log in with a session"), output);
    assertTrue(!output.contains("t0k3n-for-test"), output);
  }
}
