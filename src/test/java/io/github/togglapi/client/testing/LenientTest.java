package io.github.togglapi.client.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.github.togglapi.client.ApiException;
import io.github.togglapi.client.api.AuthenticationApi;
import io.github.togglapi.client.model.MePostUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A request that breaks the spec, strict and {@link EmbeddedTogglServer#lenient() lenient}: sign-up
 * without {@code tos_accepted}, which api/openapi.yaml requires. Strict, the validator refuses it and
 * {@link EmbeddedTogglServer#close()} fails; lenient, it is answered as Toggl answers it, close()
 * passes, and {@link EmbeddedTogglServer#takeViolations()} still lists it.
 */
class LenientTest {
  private static final String PASSWORD = "correct-horse-battery";

  private EmbeddedTogglServer toggl;

  private EmbeddedTogglServer start(boolean https) {
    toggl = https ? EmbeddedTogglServer.startHttps() : EmbeddedTogglServer.startHttp();
    return toggl;
  }

  @AfterEach
  void stop() {
    if (toggl != null) {
      toggl.close();
    }
  }

  private ApiException signUpWithoutAcceptingTheTerms() {
    AuthenticationApi api = new AuthenticationApi(toggl.newApiClient());
    return assertThrows(ApiException.class,
        () -> api.postSignup(new MePostUser().email("ada@example.com").password(PASSWORD)));
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void strictTheValidatorRefusesTheRequestAndCloseFails(boolean https) {
    start(https);
    ApiException e = signUpWithoutAcceptingTheTerms();
    assertSame(ApiException.class, e.getClass());
    assertEquals(400, e.getCode());
    assertTrue(e.getResponseBody().startsWith("\"Request does not match the API: POST /api/v9/signup: "), e.getResponseBody());
    assertTrue(e.getResponseBody().contains("body.tos_accepted: required but missing"), e.getResponseBody());
    assertTrue(e.getResponseBody().contains("tos_accepted"), e.getResponseBody());
    assertEquals(null, toggl.account("ada@example.com"), "no account was made");

    AssertionError failed = assertThrows(AssertionError.class, toggl::close);
    assertTrue(failed.getMessage().startsWith("Traffic broke api/openapi.yaml:"), failed.getMessage());
    assertTrue(failed.getMessage().contains("request POST /api/v9/signup"), failed.getMessage());
    assertTrue(failed.getMessage().contains("tos_accepted"), failed.getMessage());
    toggl = null; // closed
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void lenientTheRequestIsAnsweredAsTogglAnswersIt(boolean https) {
    start(https).lenient();
    ApiException e = signUpWithoutAcceptingTheTerms();
    assertEquals(400, e.getCode());
    assertEquals("\"You must accept the Terms of Service\"", e.getResponseBody());
    assertTrue(e.getMessage().endsWith("failed with HTTP 400: You must accept the Terms of Service"), e.getMessage());
    List<String> violations = toggl.takeViolations();
    assertEquals(1, violations.size(), violations.toString());
    assertTrue(violations.get(0).startsWith("request POST /api/v9/signup: "), violations.get(0));
    assertTrue(violations.get(0).contains("tos_accepted"), violations.get(0));
    assertTrue(toggl.takeViolations().isEmpty(), "taken");
  }

  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {true, false})
  void lenientCloseDoesNotFailOnTheRequestsItAnswered(boolean https) throws ApiException {
    start(https).lenient();
    signUpWithoutAcceptingTheTerms();
    signUpWithoutAcceptingTheTerms();
    new AuthenticationApi(toggl.newApiClient())
        .postSignup(new MePostUser().email("ada@example.com").password(PASSWORD).tosAccepted(true)); // lenient answers good ones too
    toggl.close(); // two off-spec requests left untaken
    toggl = null;
  }
}
