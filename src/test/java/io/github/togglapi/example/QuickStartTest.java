package io.github.togglapi.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

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
        "Reset the API token", "Erase the SSO configuration", "Log out"}) {
      assertTrue(output.matches("(?s).*\\[\\d/9] " + step + " +ok .*"), step + " in:\n" + output);
    }
    assertTrue(output.contains("the old one is refused with HTTP 401"), output);
    assertTrue(output.contains("the next call is refused with HTTP 401"), output);
    assertTrue(output.endsWith("All 9 steps passed.\n"), output);
  }

  @Test
  void badArgumentsExitWithTwoAndTheUsage() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    QuickStart quickStart = new QuickStart(new PrintStream(bytes, true), Collections.emptyMap());
    assertEquals(2, quickStart.run(new String[] {"--bogus"}));
    assertEquals(2, quickStart.run(new String[] {"--base-url", "https://api.track.toggl.com/api/v9"}),
        "a real service needs credentials");
    String output = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    assertTrue(output.contains("Unknown argument: --bogus") && output.contains("Usage:"), output);
  }

  @Test
  void aFailingStepExitsWithOneAndNamesTheStep() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // Nothing listens on port 1 of loopback: the first step fails with a connection error.
    int status = new QuickStart(new PrintStream(bytes, true), Collections.emptyMap())
        .run(new String[] {"--base-url", "http://127.0.0.1:1/api/v9", "--token", "t0k3n-for-test"});
    String output = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    assertEquals(1, status, output);
    assertTrue(output.contains("FAILED at step 1: Log in with a session"), output);
    assertTrue(!output.contains("t0k3n-for-test"), output);
  }
}
