package io.github.togglapi.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;

import io.github.togglapi.client.ApiException;
import io.github.togglapi.client.api.AuthenticationApi;
import io.github.togglapi.client.testing.EmbeddedTogglServer;
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
    for (String step : new String[] {"Sign up", "Log in with a session", "Read the SSO configuration",
        "Save an SSO configuration", "Disable and re-enable SSO", "Look up the SAML2 login URL",
        "Sign in through SAML2 and confirm SSO", "Reset the API token", "Erase the SSO configuration", "Log out"}) {
      assertTrue(output.matches("(?s).*\\[\\d+/10] " + step + " +ok .*"), step + " in:\n" + output);
    }
    assertTrue(output.contains("HTTP 302 to the web app"), output);
    assertTrue(output.contains("the old one is refused with HTTP 401"), output);
    assertTrue(output.contains("the next call is refused with HTTP 401"), output);
    assertTrue(output.endsWith("All 10 steps passed.\n"), output);
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
      assertTrue(output.contains("(read-only)") && output.contains("All 4 steps passed."), output);
      assertTrue(output.contains("no SSO for example.com (HTTP 404)"), output);
      assertEquals(ada.getApiToken(), toggl.account("ada@example.com").getApiToken(), "the token was not reset");
      assertEquals(4, toggl.requestCount(), "log in, read SSO, SAML2 URL, log out; and nothing else");
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
      AuthenticationApi api = new AuthenticationApi(toggl.newApiClient().setApiToken(ada.getApiToken()));
      assertNull(api.getWorkspaceSso(ada.getWorkspaceId()).getConfig());
    }
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
