package io.github.togglapi.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.github.togglapi.client.api.AuthenticationApi;
import io.github.togglapi.client.model.MePostSessionHandlerRequestBody;
import io.github.togglapi.client.model.MePostUser;
import io.github.togglapi.client.model.ModelsSSOConfig;
import io.github.togglapi.client.model.SsoConfirmation;
import io.github.togglapi.client.model.SsoState;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Canary secrets through every operation, in success and in failure, with debug logging on:
 * everything written to standard output and error, every log record, every toString(), message
 * and stack trace is searched for the secrets and their base64 forms. None may appear.
 */
class SecretsCanaryTest {
  private static final String EMAIL = "canary@example.com";
  /** Quotes, a backslash and a newline: secrets that JSON escapes must be found escaped too. */
  private static final String PASSWORD = "pw-canary\"8c\\1f";
  private static final String SIGNUP_PASSWORD = "signup-canary\n77d2\"";
  private static final String TOKEN = "tok-canary-0f9e8d7c6b5a";
  private static final String NEW_TOKEN = "newtok-canary-1a2b3c4d";
  private static final String COOKIE = "cookie-canary-5e6f7a8b";
  private static final String CODE = "code-canary-9c0d";
  private static final String SAML = "saml-canary-PHNhbWw+";

  @Test
  void noSecretEverShowsInAnyOutput() throws Exception {
    List<String> seen = Collections.synchronizedList(new ArrayList<String>());
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream out = System.out;
    PrintStream err = System.err;
    Logger root = Logger.getLogger("");
    Level rootLevel = root.getLevel();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        seen.add(record.getMessage() + (record.getThrown() == null ? "" : " " + stackTrace(record.getThrown())));
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    MockWebServer server = new MockWebServer();
    server.setDispatcher(new EchoingServer());
    server.start();
    try {
      System.setOut(new PrintStream(console, true, "UTF-8"));
      System.setErr(new PrintStream(console, true, "UTF-8"));
      root.addHandler(capture);
      root.setLevel(Level.ALL);
      for (boolean failing : new boolean[] {false, true}) {
        EchoingServer.failing = failing;
        for (boolean token : new boolean[] {false, true}) {
          ApiClient client = new ApiClient().setBasePath(server.url("/api/v9").toString()).setDebugging(true)
              .setMaxRetries(0);
          if (token) {
            client.setApiToken(TOKEN);
          } else {
            client.setUsername(EMAIL).setPassword(PASSWORD);
          }
          runEveryOperation(new AuthenticationApi(client), seen);
          seen.add(client.getSession() + " " + client.getCredentials());
        }
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
      root.removeHandler(capture);
      root.setLevel(rootLevel);
      server.shutdown();
    }
    String all = String.join("\n", seen) + "\n" + new String(console.toByteArray(), StandardCharsets.UTF_8);
    assertTrue(all.contains("--> POST") && all.contains("<-- 401"), "output was captured");
    for (String secret : secrets()) {
      int at = all.indexOf(secret);
      assertFalse(at >= 0, () -> "leaked " + secret + " in: ..." + all.substring(Math.max(0, at - 300), Math.min(all.length(), at + 100)));
    }
  }

  private static void runEveryOperation(AuthenticationApi api, List<String> seen) {
    List<Callable<Object>> calls = Arrays.<Callable<Object>>asList(
        () -> api.postSignupWithHttpInfo(new MePostUser().email(EMAIL).password(SIGNUP_PASSWORD).tosAccepted(true)),
        () -> api.meSessionsPostWithHttpInfo(new MePostSessionHandlerRequestBody().rememberMe(true)),
        () -> api.getWorkspaceSsoWithHttpInfo(1L),
        () -> api.postWorkspaceSsoWithHttpInfo(1L, new ModelsSSOConfig().domain("example.com")),
        () -> api.patchWorkspaceSsoWithHttpInfo(1L, new SsoState().enabled(true)),
        () -> api.getSaml2LoginUrlWithHttpInfo(EMAIL, "webapp", "state"),
        () -> api.postSaml2CallbackWithHttpInfo(1L, SAML, "relay"),
        () -> api.postEnableSsoWithHttpInfo(new SsoConfirmation().confirmationCode(CODE)),
        () -> api.postResetTokenWithHttpInfo(),
        () -> api.deleteWorkspaceSsoWithHttpInfo(1L),
        () -> api.meSessionsDeleteWithHttpInfo());
    for (Callable<Object> call : calls) {
      try {
        ApiResponse<?> response = (ApiResponse<?>) call.call();
        seen.add(response.toString());
        if (!(response.getData() instanceof String)) {
          System.out.println(response.getData()); // models print themselves with secrets masked
        }
      } catch (ApiException e) {
        seen.add(e.toString());
        e.printStackTrace(); // to the captured standard error
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
  }

  private static List<String> secrets() {
    List<String> secrets = new ArrayList<>();
    for (String secret : new String[] {PASSWORD, SIGNUP_PASSWORD, TOKEN, NEW_TOKEN, COOKIE, CODE, SAML}) {
      secrets.add(secret);
      secrets.add(jsonEscaped(secret));
      secrets.add(jsonEscaped(jsonEscaped(secret)));
      secrets.add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
      secrets.add(Base64.getUrlEncoder().withoutPadding().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
    }
    secrets.add(base64(EMAIL + ":" + PASSWORD));
    secrets.add(base64(TOKEN + ":api_token"));
    return secrets;
  }

  /** The text as it reads between the quotes of a JSON string. */
  static String jsonEscaped(String text) {
    String quoted = new com.google.gson.JsonPrimitive(text).toString();
    return quoted.substring(1, quoted.length() - 1);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String stackTrace(Throwable thrown) {
    StringWriter text = new StringWriter();
    thrown.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  /** Answers every operation with bodies and headers full of secrets, or errors that echo them. */
  static final class EchoingServer extends Dispatcher {
    static volatile boolean failing;

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String path = request.getPath();
      if (failing) {
        // A careless server quotes back everything the request sent: its body (decoded if a form)
        // and its credentials, decoded.
        String authorization = request.getHeader("Authorization");
        String credentials = authorization == null ? "" : new String(
            Base64.getDecoder().decode(authorization.substring("Basic ".length())), StandardCharsets.UTF_8);
        String body = request.getBody().readUtf8();
        try {
          body = java.net.URLDecoder.decode(body, "UTF-8");
        } catch (Exception notAForm) {
          // keep it as it came
        }
        String echo = "Bad request " + body + " from " + credentials;
        return new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/json")
            .setHeader("Set-Cookie", "__Host-timer-session=" + COOKIE + "; Path=/; Secure")
            .setBody(new com.google.gson.JsonPrimitive(echo).toString());
      }
      MockResponse json = new MockResponse().setHeader("Content-Type", "application/json");
      if (path.contains("/signup") || (path.contains("/me/sessions") && request.getMethod().equals("POST"))) {
        return json.addHeader("Set-Cookie", "timer-session=" + COOKIE + "; Path=/; HttpOnly")
            .setBody("{\"id\":1,\"email\":\"" + EMAIL + "\",\"api_token\":\"" + TOKEN + "\"}");
      } else if (path.contains("/reset_token")) {
        return json.setBody("\"" + NEW_TOKEN + "\"");
      } else if (path.contains("/enable_sso") || (request.getMethod().equals("DELETE") && path.contains("/sso"))) {
        return json.setBody("\"done\"");
      } else if (path.contains("/auth/saml2/login/")) {
        return new MockResponse().setResponseCode(302).setHeader("Location", "/timer")
            .addHeader("Set-Cookie", "timer-session=" + COOKIE + "; Path=/");
      } else if (path.startsWith("/api/v9/auth/saml2/login")) {
        return json.setBody("{\"sso_url\":\"https://idp.example.com/sso\"}");
      } else if (request.getMethod().equals("DELETE")) {
        return new MockResponse();
      } else if (request.getMethod().equals("PATCH")) {
        return json.setBody("{\"enabled\":true}");
      }
      return json.setBody("{\"config\":{\"domain\":\"example.com\"}}");
    }
  }

}
