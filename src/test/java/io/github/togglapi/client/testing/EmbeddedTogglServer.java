package io.github.togglapi.client.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.togglapi.client.ApiClient;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A stateful, in-memory stand-in for Toggl Track on loopback, for tests that must not reach the real
 * service. Each server has its own accounts and data. It implements the eleven authentication
 * operations (sign-up, basic authentication with email and password or API token, cookie sessions
 * honouring {@code remember_me}, token reset, workspace SSO, the SAML2 flow) and the time-tracking
 * core (the user and their related data, workspaces and their users, clients, projects, tasks, tags,
 * time entries, the detailed report's search), with Toggl's permission rules; every other
 * operation, and a query parameter or body field it does not act on, answers 501 naming it.
 *
 * <p>Every request it receives and every answer it sends is checked against the spec
 * (api/openapi.yaml, carried as openapi.json). A request that breaks the spec is answered with 400
 * and recorded, and {@link #close()} then fails with the checker's messages, so a test cannot pass by
 * accident; {@link #lenient()} answers such requests as Toggl does instead, for negative tests.
 * {@link #inject(Fault)} makes calls fail as Toggl, its proxies or the network can.
 *
 * <pre>{@code
 * try (EmbeddedTogglServer toggl = EmbeddedTogglServer.startHttps()) {
 *   EmbeddedTogglServer.Account ada = toggl.createAccount("ada@example.com", "correct-horse-battery");
 *   TimeEntriesApi entries = new TimeEntriesApi(toggl.newApiClient().setApiToken(ada.getApiToken()));
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
  /** The Reports and Insights APIs live beside the API, at the host root, as in production. */
  private static final Pattern HOST_ROOT_APIS = Pattern.compile("/(reports/api/v3|insights/api/v1)/.*");

  private final MockWebServer server = new MockWebServer();
  private final TogglService service;
  private final SpecValidator validator = SpecValidator.shared();
  /** Requests that broke the spec and were refused (strict): close() fails on them. */
  private final List<String> requestViolations = new ArrayList<>();
  /** Answers of this server that broke the spec, and crashes: close() always fails on them. */
  private final List<String> responseViolations = new ArrayList<>();
  /** Requests that broke the spec and were answered anyway (lenient): close() does not fail. */
  private final List<String> offSpecRequests = new ArrayList<>();
  /** Queued faults, each with the calls it has left (Integer.MAX_VALUE: always). */
  private final List<Map.Entry<Fault, Integer>> faults = new ArrayList<>();
  private boolean lenient;
  /** One OkHttp client per server (one connection pool); {@link #httpClient()} hands it out. */
  private final OkHttpClient httpClient;

  private EmbeddedTogglServer(boolean https) {
    this.service = new TogglService(https);
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    if (https) {
      HeldCertificate localhost = new HeldCertificate.Builder()
          .addSubjectAlternativeName("localhost")
          .addSubjectAlternativeName("127.0.0.1")
          .build();
      server.useHttps(new HandshakeCertificates.Builder().heldCertificate(localhost).build().sslSocketFactory(), false);
      // HTTP/1.1 over TLS as well: over HTTP/2 MockWebServer closes every stream of a connection to
      // break one answer, and a disconnect could reach the client as an empty 200 (seen in CI), so
      // injected network faults would not arrive as they say.
      server.setProtocols(Collections.singletonList(Protocol.HTTP_1_1));
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
   * Makes the server answer requests that break the spec as Toggl answers them (for example
   * {@code postSignup} without {@code tos_accepted}: 400 {@code "You must accept the Terms of
   * Service"}) instead of refusing them with 400 and the validator's message, and stops
   * {@link #close()} from failing because of them. For negative tests of your own code. The
   * server's own answers are still checked; {@link #takeViolations()} still lists the requests.
   *
   * @return this server
   */
  public synchronized EmbeddedTogglServer lenient() {
    lenient = true;
    return this;
  }

  /**
   * Queues a fault: the next call (or the next {@link Fault#times(int) n} calls, or
   * {@link Fault#always() every} call, or only calls to {@link Fault#onlyFor(String) one
   * operation}) fails as the fault says. Faults apply in the order they were queued; a call takes
   * at most one.
   *
   * <pre>{@code
   * toggl.inject(Fault.rateLimited(Duration.ofSeconds(1)));
   * }</pre>
   *
   * @param fault the fault
   * @return this server
   * @throws IllegalArgumentException if the fault names an operation the spec does not have
   */
  public synchronized EmbeddedTogglServer inject(Fault fault) {
    if (fault.operationId() != null && !validator.hasOperation(fault.operationId())) {
      throw new IllegalArgumentException("api/openapi.yaml has no operation " + fault.operationId());
    }
    faults.add(new java.util.AbstractMap.SimpleEntry<>(fault, fault.times()));
    return this;
  }

  /**
   * Forgets every fault still queued.
   */
  public synchronized void clearFaults() {
    faults.clear();
  }

  /**
   * Returns and forgets the spec violations seen so far: requests refused for breaking the spec,
   * requests a {@link #lenient()} server answered anyway, and answers of the server that broke it.
   *
   * @return the validator's messages, one per violation
   */
  public synchronized List<String> takeViolations() {
    List<String> taken = new ArrayList<>(requestViolations);
    taken.addAll(offSpecRequests);
    taken.addAll(responseViolations);
    requestViolations.clear();
    offSpecRequests.clear();
    responseViolations.clear();
    return Collections.unmodifiableList(taken);
  }

  /**
   * Stops the server.
   *
   * @throws AssertionError if a request (unless {@link #lenient()}) or an answer of the server broke
   *     api/openapi.yaml and was not taken
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
    List<String> left;
    synchronized (this) {
      left = new ArrayList<>(requestViolations);
      left.addAll(responseViolations);
      takeViolations();
    }
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
      if (!lenient) {
        requestViolations.add("request " + message);
        return TogglService.error(400, "Request does not match the API: " + message);
      }
      offSpecRequests.add("request " + message);
    }
    String operationId = validator.operationId(request.getMethod(), path);
    Fault fault = takeFault(operationId);
    if (fault != null && fault.replacesAnswer()) {
      return fault.answer(); // a stand-in answer, off the spec on purpose: not checked
    }
    String servicePath = path.startsWith(BASE_PATH + "/") ? path.substring(BASE_PATH.length())
        : HOST_ROOT_APIS.matcher(path).matches() ? path : null;
    if (servicePath == null) {
      return TogglService.error(404, "Not found");
    }
    MockResponse response;
    try {
      response = service.handle(request, servicePath, operationId);
    } catch (RuntimeException e) {
      // A crash would otherwise drop the connection and leave the client waiting for a timeout.
      responseViolations.add("server crashed on " + request.getMethod() + " " + path + ": " + e);
      return TogglService.error(500, "Embedded server failed: " + e);
    }
    if (!response.getStatus().contains(" 501 ")) { // the server's own "not implemented" is no API answer
      List<String> responseProblems = validator.checkResponse(request, response);
      if (!responseProblems.isEmpty()) {
        String message = request.getMethod() + " " + path + ": " + String.join("; ", responseProblems);
        responseViolations.add("response " + message);
        return TogglService.error(500, "Embedded server answered outside the API: " + message);
      }
    }
    return fault == null ? response : fault.alter(response);
  }

  /** The first queued fault for this call, counted down; null if none applies. */
  private Fault takeFault(String operationId) {
    for (java.util.Iterator<Map.Entry<Fault, Integer>> queued = faults.iterator(); queued.hasNext(); ) {
      Map.Entry<Fault, Integer> next = queued.next();
      Fault fault = next.getKey();
      if (fault.operationId() == null || fault.operationId().equals(operationId)) {
        int left = next.getValue();
        if (left == 1) {
          queued.remove();
        } else if (left != Integer.MAX_VALUE) {
          next.setValue(left - 1);
        }
        return fault;
      }
    }
    return null;
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
