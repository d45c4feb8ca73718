package io.github.togglapi.client.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.github.togglapi.client.ApiClient;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A stateful stand-in for the Toggl Track authentication service, on loopback, for tests that must
 * not reach the real one. It implements the eleven operations as the real service behaves: sign-up,
 * basic authentication with email and password or API token, cookie sessions (honouring
 * {@code remember_me}), token reset, workspace SSO for workspace admins, and the SAML2 flow.
 *
 * <p>Every request it receives and every response it sends is checked against api/openapi.yaml. A
 * request that breaks the spec is answered with 400 and recorded; {@link #close()} then fails with
 * the validator's messages, so a test cannot pass by accident. Use {@link #takeViolations()} in a
 * test that breaks the spec on purpose.
 *
 * <pre>{@code
 * try (EmbeddedTogglServer toggl = EmbeddedTogglServer.startHttps()) {
 *   AuthenticationApi api = new AuthenticationApi(toggl.newApiClient());
 *   ...
 * }
 * }</pre>
 *
 * <p>Over HTTPS (a throwaway certificate that {@link #newApiClient()} trusts) the session cookie is
 * Toggl's own {@code __Host-timer-session} with {@code Secure}; over plain HTTP, where browsers
 * refuse {@code Secure} cookies, it is {@code timer-session} without it. Thread-safe.
 */
public final class EmbeddedTogglServer implements AutoCloseable {
  /** The path the API is served under, as in production. */
  public static final String BASE_PATH = "/api/v9";

  private final MockWebServer server = new MockWebServer();
  private final TogglService service;
  private final SpecValidator validator = SpecValidator.shared();
  private final List<String> violations = new ArrayList<>();
  /** One OkHttp client per server (one connection pool); {@link #httpClient()} hands it out. */
  private final OkHttpClient httpClient;

  private EmbeddedTogglServer(boolean https) {
    this.service = new TogglService(https);
    if (https) {
      HeldCertificate localhost = new HeldCertificate.Builder()
          .addSubjectAlternativeName("localhost")
          .addSubjectAlternativeName("127.0.0.1")
          .build();
      server.useHttps(new HandshakeCertificates.Builder().heldCertificate(localhost).build().sslSocketFactory(), false);
      HandshakeCertificates trust = new HandshakeCertificates.Builder().addTrustedCertificate(localhost.certificate()).build();
      httpClient = new OkHttpClient.Builder().sslSocketFactory(trust.sslSocketFactory(), trust.trustManager()).build();
    } else {
      httpClient = new OkHttpClient();
    }
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return EmbeddedTogglServer.this.dispatch(request);
      }
    });
  }

  /**
   * Starts a server over HTTPS with a throwaway certificate, as production runs.
   *
   * @return the running server
   */
  public static EmbeddedTogglServer startHttps() {
    return new EmbeddedTogglServer(true).start();
  }

  /**
   * Starts a server over plain HTTP.
   *
   * @return the running server
   */
  public static EmbeddedTogglServer startHttp() {
    return new EmbeddedTogglServer(false).start();
  }

  private EmbeddedTogglServer start() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /**
   * Returns the base path to give {@code ApiClient.setBasePath}, e.g. {@code https://localhost:41234/api/v9}.
   *
   * @return the base path to give {@code ApiClient.setBasePath}, e.g. {@code https://localhost:41234/api/v9}
   */
  public String baseUrl() {
    return server.url(BASE_PATH).toString();
  }

  /**
   * Returns an OkHttp client that trusts this server's certificate (any client works over HTTP).
   *
   * @return an OkHttp client that trusts this server's certificate (any client works over HTTP)
   */
  public OkHttpClient httpClient() {
    return httpClient;
  }

  /**
   * Returns a new SDK client pointed at this server, with no credentials.
   *
   * @return a new SDK client pointed at this server, with no credentials
   */
  public ApiClient newApiClient() {
    return new ApiClient(httpClient()).setBasePath(baseUrl());
  }

  /**
   * Creates an account without going through sign-up, with a workspace it administers.
   *
   * @param email the email
   * @param password the password
   * @return the account
   * @throws IllegalArgumentException if the email has an account already
   */
  public synchronized Account createAccount(String email, String password) {
    TogglService.User user = service.createAccount(email, password, email.substring(0, email.indexOf('@')));
    return account(user);
  }

  /**
   * The account for an email, as it is now (its API token changes with a reset).
   *
   * @param email the email
   * @return the account, or null if there is none
   */
  public synchronized Account account(String email) {
    TogglService.User user = service.user(email);
    return user == null ? null : account(user);
  }

  /**
   * Makes an account a member, not an admin, of another account's workspace.
   *
   * @param workspaceId the workspace
   * @param memberEmail the member's email
   */
  public synchronized void addMember(long workspaceId, String memberEmail) {
    service.addMember(workspaceId, service.user(memberEmail));
  }

  /**
   * Issues the code that {@code postEnableSso} confirms, as Toggl does after a first SSO login.
   *
   * @param email the account's email
   * @return the confirmation code
   */
  public synchronized String newSsoConfirmationCode(String email) {
    return service.newConfirmationCode(service.user(email));
  }

  /**
   * A SAML2 response asserting an email, for {@code postSaml2Callback}. The server checks that
   * the email's domain is the workspace's SSO domain, not a signature.
   *
   * @param email the email the identity provider vouches for
   * @return the base64 {@code SAMLResponse}
   */
  public static String samlResponseFor(String email) {
    return TogglService.samlResponseFor(email);
  }

  /**
   * Moves the server's clock forward, to expire sessions.
   *
   * @param duration how far
   */
  public synchronized void advanceClock(Duration duration) {
    service.advanceClock(duration);
  }

  /**
   * Returns how many requests the server has received.
   *
   * @return how many requests the server has received
   */
  public int requestCount() {
    return server.getRequestCount();
  }

  /**
   * Returns and forgets the spec violations seen so far, for tests that break the spec on purpose.
   *
   * @return the validator's messages, one per violation
   */
  public synchronized List<String> takeViolations() {
    List<String> taken = new ArrayList<>(violations);
    violations.clear();
    return Collections.unmodifiableList(taken);
  }

  /**
   * Stops the server.
   *
   * @throws AssertionError if a request or response broke api/openapi.yaml and was not taken
   */
  @Override
  public void close() {
    IOException shutdownFailure = null;
    try {
      server.shutdown(); // waits for requests in flight, so none can add a violation afterwards
    } catch (IOException e) {
      shutdownFailure = e;
    }
    httpClient.connectionPool().evictAll();
    List<String> left = takeViolations();
    if (!left.isEmpty()) {
      AssertionError broken = new AssertionError("Traffic broke api/openapi.yaml:\n  " + String.join("\n  ", left));
      if (shutdownFailure != null) {
        broken.addSuppressed(shutdownFailure);
      }
      throw broken;
    }
    if (shutdownFailure != null) {
      throw new UncheckedIOException(shutdownFailure);
    }
  }

  private synchronized MockResponse dispatch(RecordedRequest request) {
    String path = request.getRequestUrl().encodedPath();
    List<String> requestProblems = validator.checkRequest(request);
    if (!requestProblems.isEmpty()) {
      String message = request.getMethod() + " " + path + ": " + String.join("; ", requestProblems);
      violations.add("request " + message);
      return TogglService.error(400, "Request does not match the API: " + message);
    }
    if (!path.startsWith(BASE_PATH + "/")) {
      return TogglService.error(404, "Not found");
    }
    MockResponse response;
    try {
      response = service.handle(request, path.substring(BASE_PATH.length()));
    } catch (RuntimeException e) {
      // A crash would otherwise drop the connection and leave the client waiting for a timeout.
      violations.add("server crashed on " + request.getMethod() + " " + path + ": " + e);
      return TogglService.error(500, "Embedded server failed: " + e);
    }
    List<String> responseProblems = validator.checkResponse(request, response);
    if (!responseProblems.isEmpty()) {
      String message = request.getMethod() + " " + path + ": " + String.join("; ", responseProblems);
      violations.add("response " + message);
      return TogglService.error(500, "Embedded server answered outside the API: " + message);
    }
    return response;
  }

  private Account account(TogglService.User user) {
    return new Account(user.id, user.email, user.apiToken, user.defaultWorkspaceId);
  }

  /** An account of the embedded service, as it was when read. Immutable. */
  public static final class Account {
    private final long id;
    private final String email;
    private final String apiToken;
    private final long workspaceId;

    Account(long id, String email, String apiToken, long workspaceId) {
      this.id = id;
      this.email = email;
      this.apiToken = apiToken;
      this.workspaceId = workspaceId;
    }

    /**
     * Returns the user ID.
     *
     * @return the user ID
     */
    public long getId() {
      return id;
    }

    /**
     * Returns the email.
     *
     * @return the email
     */
    public String getEmail() {
      return email;
    }

    /**
     * Returns the API token at the time this was read.
     *
     * @return the API token at the time this was read
     */
    public String getApiToken() {
      return apiToken;
    }

    /**
     * Returns the workspace the account administers.
     *
     * @return the workspace the account administers
     */
    public long getWorkspaceId() {
      return workspaceId;
    }

    /**
     * Returns the ID and email; never the token.
     *
     * @return the ID and email; never the token
     */
    @Override
    public String toString() {
      return "Account{id=" + id + ", email=" + email + ", workspaceId=" + workspaceId + "}";
    }
  }
}
