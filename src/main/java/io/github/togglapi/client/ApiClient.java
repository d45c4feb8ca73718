package io.github.togglapi.client;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.togglapi.client.auth.CookieStore;
import io.github.togglapi.client.auth.HttpBasicAuth;
import io.github.togglapi.client.auth.Session;
import okhttp3.Authenticator;
import okhttp3.Call;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * The connection to the Toggl API that the generated API classes call through: base path,
 * credentials, the cookie session, and the OkHttp client.
 *
 * <p>Thread safety: one client may be shared by any number of threads, and should be, since it
 * holds the connection pool and the session. Configure it before sharing it: every setter is safe
 * to call at any time, but a call already under way keeps the settings it started with: its
 * credentials, session cookie and retry settings, through every retry. Each call returns its own
 * status and headers; the client keeps no "last response".
 *
 * <p>Credentials: set an email and password ({@link #setUsername}, {@link #setPassword}) or an API
 * token ({@link #setApiToken}), or sign in with {@code AuthenticationApi.meSessionsPost} and let
 * the session cookie authenticate later calls. Credentials and cookies go only with operations that
 * need them, only to the base path's scheme, host and port (a call an interceptor sends elsewhere
 * is refused), only over HTTPS unless the host is this machine (see {@link #setPlainHttpAllowed}),
 * and redirects are never followed.
 */
public final class ApiClient {
  /** The production API. */
  public static final String DEFAULT_BASE_PATH = "https://api.track.toggl.com/api/v9";
  /** {@code toggl-api-java/<version>}. */
  public static final String DEFAULT_USER_AGENT = "toggl-api-java/" + libraryVersion();
  /**
   * The default longest answer body read, in bytes (10 MiB): far above any answer of these
   * endpoints (a few KB), far below what would hurt a phone.
   */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 10L * 1024 * 1024;

  private static final MediaType JSON_MEDIA_TYPE = MediaType.get("application/json");
  private static final byte[] NO_BYTES = new byte[0];

  private final CookieStore cookies = new CookieStore();
  private final JSON json = new JSON();
  private final ResponseHandler responses = new ResponseHandler(this);

  private volatile BaseUrl base = new BaseUrl(HttpUrl.get(DEFAULT_BASE_PATH));
  private volatile String userAgent = DEFAULT_USER_AGENT;
  private volatile boolean debugging;
  private volatile RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
  private volatile long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
  private volatile boolean plainHttpAllowed;
  /** Counts changes of identity; changed holding this client's lock. */
  private final AtomicLong identityGeneration = new AtomicLong();
  private @Nullable String username;
  private @Nullable String password;
  private volatile @Nullable HttpBasicAuth credentials;
  /** The client as the caller configured it (or our default). */
  private volatile OkHttpClient baseHttpClient;
  /** {@link #baseHttpClient} with our rules on top; what calls go through. */
  private volatile OkHttpClient httpClient;

  /** A client for the production API, with no credentials and the default timeouts. */
  public ApiClient() {
    setHttpClient(DefaultHttpClient.INSTANCE);
  }

  /**
   * A client that makes its calls through the given OkHttp client (see {@link #setHttpClient}).
   *
   * @param httpClient the OkHttp client
   */
  public ApiClient(OkHttpClient httpClient) {
    setHttpClient(httpClient);
  }

  /**
   * Returns the base path, for example {@value #DEFAULT_BASE_PATH}.
   *
   * @return the base path, for example {@value #DEFAULT_BASE_PATH}
   */
  public String getBasePath() {
    String url = base.url.toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /**
   * Sets the URL that operation paths are relative to. Set it before the credentials: moving a
   * client that holds credentials to another scheme, host or port is refused, so that a password
   * or token never reaches a service it was not given for, nor travels in clear text. Session cookies stay bound to the host that set them.
   *
   * @param basePath an http or https URL, for example {@value #DEFAULT_BASE_PATH}
   * @return this client
   * @throws IllegalArgumentException if it is not an http or https URL, or holds a user name or
   *     password
   * @throws IllegalStateException if credentials are set and the scheme, host or port would change
   */
  public synchronized ApiClient setBasePath(String basePath) {
    HttpUrl url = HttpUrl.get(basePath);
    if (!url.username().isEmpty() || !url.password().isEmpty()) {
      // Never echo the URL: its user info is a credential, which logs and messages would show.
      throw new IllegalArgumentException("The base path must not hold a user name or password; set them with"
          + " setApiToken, or setUsername and setPassword");
    }
    HttpUrl current = this.base.url;
    boolean sameOrigin = url.scheme().equals(current.scheme()) && url.host().equals(current.host())
        && url.port() == current.port();
    if (credentials != null && !sameOrigin) {
      // Credentials are given for one service; they must never follow the client to another host,
      // port, or over plain HTTP.
      throw new IllegalStateException("Credentials are set for " + current.scheme() + "://" + current.host() + ":"
          + current.port() + "; set the base path before the credentials, or remove them first");
    }
    this.base = new BaseUrl(url);
    return this;
  }

  /**
   * Returns true if credentials and the session may go over plain HTTP to any host (default false).
   *
   * @return true if credentials and the session may go over plain HTTP to any host
   */
  public boolean isPlainHttpAllowed() {
    return plainHttpAllowed;
  }

  /**
   * Allows credentials, the session cookie and a call's secret parameters (a sign-up password, a
   * SAML assertion) to go over plain HTTP to hosts other than this machine. By default they go over
   * plain HTTP only straight to {@code localhost}, 127.0.0.0/8 and {@code ::1}, through no proxy
   * (tests, the embedded server), and a call that would send them in clear text elsewhere fails
   * before anything is sent. Allow it only on a network you trust, for example a test container
   * reached by name.
   *
   * @param allowed true to allow
   * @return this client
   */
  public ApiClient setPlainHttpAllowed(boolean allowed) {
    this.plainHttpAllowed = allowed;
    return this;
  }

  /**
   * Returns the user name (an email or an API token), or null.
   *
   * @return the user name (an email or an API token), or null
   */
  public synchronized @Nullable String getUsername() {
    return username;
  }

  /**
   * Sets the email for HTTP basic authentication. After {@link #setApiToken}, this leaves API
   * token mode: a password must be set too.
   *
   * @param username the email, or null to remove it
   * @return this client
   */
  public synchronized ApiClient setUsername(@Nullable String username) {
    if (credentials != null && credentials.isApiToken()) {
      password = null; // leaving API token mode: the literal "api_token" is no password
    }
    this.username = username;
    updateCredentials();
    return this;
  }

  /**
   * Sets the password for HTTP basic authentication. After {@link #setApiToken}, this leaves API
   * token mode: the token is forgotten, and an email must be set too.
   *
   * @param password the password, or null to remove it
   * @return this client
   */
  public synchronized ApiClient setPassword(@Nullable String password) {
    if (credentials != null && credentials.isApiToken()) {
      username = null; // leaving API token mode: the token is no email, and must never pass for one
    }
    this.password = password;
    updateCredentials();
    return this;
  }

  /**
   * Authenticates with an API token: HTTP basic with the token as user name and
   * {@code api_token} as password, replacing any email and password.
   *
   * @param apiToken the token, or null to remove credentials
   * @return this client
   */
  public synchronized ApiClient setApiToken(@Nullable String apiToken) {
    this.username = apiToken;
    this.password = apiToken == null ? null : HttpBasicAuth.API_TOKEN_PASSWORD;
    updateCredentials();
    return this;
  }

  /**
   * Returns the credentials sent with operations that need them, or null if incomplete.
   *
   * @return the credentials sent with operations that need them, or null if incomplete
   */
  public @Nullable HttpBasicAuth getCredentials() {
    return credentials;
  }

  private void updateCredentials() {
    credentials = username != null && password != null ? new HttpBasicAuth(username, password) : null;
    identityChanged();
  }

  /**
   * Called, holding this client's lock, whenever who the client is changes (credentials set,
   * session restored or forgotten): a call started before no longer speaks for it, so its answer's
   * cookies are not kept, nor does its logout clear the new session.
   */
  private void identityChanged() {
    identityGeneration.incrementAndGet();
  }

  /**
   * Returns the {@code User-Agent} sent with every call.
   *
   * @return the {@code User-Agent} sent with every call
   */
  public String getUserAgent() {
    return userAgent;
  }

  /**
   * Sets the {@code User-Agent}; Toggl asks integrations to name themselves.
   *
   * @param userAgent for example {@code my-app/2.1 (me@example.com)}
   * @return this client
   */
  public ApiClient setUserAgent(String userAgent) {
    if (userAgent == null || userAgent.isEmpty()) {
      throw new IllegalArgumentException("userAgent must not be empty");
    }
    new Headers.Builder().add("User-Agent", userAgent); // rejects CR, LF and other header injection
    this.userAgent = userAgent;
    return this;
  }

  /**
   * Returns the OkHttp client as configured, before this client's own rules are added.
   *
   * @return the OkHttp client as configured, before this client's own rules are added
   */
  public OkHttpClient getHttpClient() {
    return baseHttpClient;
  }

  /**
   * Makes calls through your own OkHttp client: its timeouts, proxy, TLS, connection pool,
   * dispatcher, interceptors and event listener are kept. Credentials and the session are this
   * client's, so they survive the change. On top of it: redirects are not followed; its
   * {@code CookieJar} is bypassed (the session lives in this client); its {@code Cache} is
   * bypassed (a cached answer would reach another account's client, and would write session
   * cookies to disk); its {@code Authenticator} is not asked (it would see the credentials), and
   * its proxy authenticator gets requests without the credentials and session cookie; and OkHttp
   * never sends a request twice on its own.
   *
   * <p>Your application interceptors see each request before the credentials and the session
   * cookie are added, and the response with that same request; the response keeps the server's
   * {@code Set-Cookie} headers, as {@link ApiResponse#getHeaders()} does. Network interceptors and
   * an {@code EventListener} see what goes on the wire, credentials included: do not log headers
   * there unmasked.
   *
   * @param httpClient the OkHttp client
   * @return this client
   */
  public synchronized ApiClient setHttpClient(OkHttpClient httpClient) {
    if (httpClient == null) {
      throw new NullPointerException("httpClient");
    }
    this.baseHttpClient = httpClient;
    rebuildHttpClient();
    return this;
  }

  /**
   * Returns the connect timeout in milliseconds (default 10 s).
   *
   * @return the connect timeout in milliseconds (default 10 s)
   */
  public int getConnectTimeout() {
    return baseHttpClient.connectTimeoutMillis();
  }

  /**
   * Sets the connect timeout.
   *
   * @param millis milliseconds; 0 for none
   * @return this client
   */
  public synchronized ApiClient setConnectTimeout(int millis) {
    return setHttpClient(baseHttpClient.newBuilder().connectTimeout(millis, TimeUnit.MILLISECONDS).build());
  }
  /**
   * Sets the connect timeout.
   *
   * @param timeout the timeout; zero for none
   * @return this client
   * @throws IllegalArgumentException if negative or longer than {@code Integer.MAX_VALUE} ms
   */
  public ApiClient setConnectTimeout(Duration timeout) {
    return setConnectTimeout(millis(timeout, "timeout"));
  }


  /**
   * Returns the read timeout in milliseconds (default 30 s).
   *
   * @return the read timeout in milliseconds (default 30 s)
   */
  public int getReadTimeout() {
    return baseHttpClient.readTimeoutMillis();
  }

  /**
   * Sets the longest wait for data from the server.
   *
   * @param millis milliseconds; 0 for none
   * @return this client
   */
  public synchronized ApiClient setReadTimeout(int millis) {
    return setHttpClient(baseHttpClient.newBuilder().readTimeout(millis, TimeUnit.MILLISECONDS).build());
  }
  /**
   * Sets the longest wait for data from the server.
   *
   * @param timeout the timeout; zero for none
   * @return this client
   * @throws IllegalArgumentException if negative or longer than {@code Integer.MAX_VALUE} ms
   */
  public ApiClient setReadTimeout(Duration timeout) {
    return setReadTimeout(millis(timeout, "timeout"));
  }


  /**
   * Returns the write timeout in milliseconds (default 30 s).
   *
   * @return the write timeout in milliseconds (default 30 s)
   */
  public int getWriteTimeout() {
    return baseHttpClient.writeTimeoutMillis();
  }

  /**
   * Sets the longest wait for the server to accept data.
   *
   * @param millis milliseconds; 0 for none
   * @return this client
   */
  public synchronized ApiClient setWriteTimeout(int millis) {
    return setHttpClient(baseHttpClient.newBuilder().writeTimeout(millis, TimeUnit.MILLISECONDS).build());
  }
  /**
   * Sets the longest wait for the server to accept data.
   *
   * @param timeout the timeout; zero for none
   * @return this client
   * @throws IllegalArgumentException if negative or longer than {@code Integer.MAX_VALUE} ms
   */
  public ApiClient setWriteTimeout(Duration timeout) {
    return setWriteTimeout(millis(timeout, "timeout"));
  }


  /**
   * Returns the whole-call timeout in milliseconds (default 0: none).
   *
   * @return the whole-call timeout in milliseconds (default 0: none)
   */
  public int getCallTimeout() {
    return baseHttpClient.callTimeoutMillis();
  }

  /**
   * Sets the longest time one call may take, from start to the end of the response body, retries
   * and their waits included. There is none by default: each connect, read and write has its own
   * timeout, and each retry waits at most {@link #setMaxRetryWait}, but a server that trickles its
   * answer can make a call last longer. A whole-call timeout bounds that, at a cost: it wakes
   * OkHttp's watchdog thread on every call, about 7 % of a small call's CPU (docs/performance.md).
   *
   * @param millis milliseconds; 0 for none
   * @return this client
   */
  public synchronized ApiClient setCallTimeout(int millis) {
    return setHttpClient(baseHttpClient.newBuilder().callTimeout(millis, TimeUnit.MILLISECONDS).build());
  }
  /**
   * Sets the longest time one call may take, retries included (see {@link #setCallTimeout(int)}).
   *
   * @param timeout the timeout; zero for none
   * @return this client
   * @throws IllegalArgumentException if negative or longer than {@code Integer.MAX_VALUE} ms
   */
  public ApiClient setCallTimeout(Duration timeout) {
    return setCallTimeout(millis(timeout, "timeout"));
  }


  /**
   * Returns how many times a call may be retried (default 3); 0 means never.
   *
   * @return how many times a call may be retried (default 3); 0 means never
   */
  public int getMaxRetries() {
    return retryPolicy.maxRetries;
  }

  /**
   * Sets how many times a call may be tried again: after 429 (any method), and after 502, 503,
   * 504 or a failed connection (GET, PUT and DELETE only, since a POST or PATCH may have taken
   * effect). 402 (quota) is never retried. 0 switches every retry off, 429 included.
   *
   * @param maxRetries retries after the first attempt; 0 for none
   * @return this client
   */
  public synchronized ApiClient setMaxRetries(int maxRetries) {
    retryPolicy = retryPolicy.withMaxRetries(maxRetries);
    return this;
  }

  /**
   * Returns the wait before the first retry, in milliseconds (default 1 s).
   *
   * @return the wait before the first retry, in milliseconds (default 1 s)
   */
  public long getInitialRetryDelay() {
    return retryPolicy.initialDelayMillis;
  }

  /**
   * Sets the wait before the first retry; each further retry waits twice as long, with jitter (a
   * random part, so that many clients do not retry in step). A {@code Retry-After} from the server
   * takes precedence.
   *
   * @param millis milliseconds
   * @return this client
   */
  public synchronized ApiClient setInitialRetryDelay(long millis) {
    retryPolicy = retryPolicy.withInitialDelay(millis);
    return this;
  }
  /**
   * Sets the wait before the first retry (see {@link #setInitialRetryDelay(long)}).
   *
   * @param delay the wait
   * @return this client
   * @throws IllegalArgumentException if negative or longer than {@code Integer.MAX_VALUE} ms
   */
  public ApiClient setInitialRetryDelay(Duration delay) {
    return setInitialRetryDelay(millis(delay, "delay"));
  }


  /**
   * Returns the longest wait before a retry, in milliseconds (default 30 s).
   *
   * @return the longest wait before a retry, in milliseconds (default 30 s)
   */
  public long getMaxRetryWait() {
    return retryPolicy.maxWaitMillis;
  }

  /**
   * Sets the longest the client waits before a retry. When the server asks for longer
   * ({@code Retry-After}), the client does not wait at all: the call fails with
   * {@link RateLimitException}, which carries the wait asked for. A server, or a man in the
   * middle, could otherwise park the caller for hours.
   *
   * @param millis milliseconds
   * @return this client
   */
  public synchronized ApiClient setMaxRetryWait(long millis) {
    retryPolicy = retryPolicy.withMaxWait(millis);
    return this;
  }
  /**
   * Sets the longest the client waits before a retry (see {@link #setMaxRetryWait(long)}).
   *
   * @param wait the longest wait
   * @return this client
   * @throws IllegalArgumentException if negative or longer than {@code Integer.MAX_VALUE} ms
   */
  public ApiClient setMaxRetryWait(Duration wait) {
    return setMaxRetryWait(millis(wait, "wait"));
  }


  RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /**
   * Returns the longest answer body the client reads, in bytes (default
   * {@value #DEFAULT_MAX_RESPONSE_BYTES}).
   *
   * @return the longest answer body the client reads, in bytes
   */
  public long getMaxResponseBytes() {
    return maxResponseBytes;
  }

  /**
   * Sets the longest answer body the client reads, after decompression. A longer one is not read
   * into memory: the call fails with an {@link ApiException} (of the status's type for an error
   * status) that keeps the status and headers, and an empty body. A server, a proxy or a gzip bomb
   * could otherwise fill the memory of the application.
   *
   * @param bytes bytes, at least 1
   * @return this client
   * @throws IllegalArgumentException if {@code bytes} is below 1
   */
  public ApiClient setMaxResponseBytes(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("The longest answer must be at least 1 byte, not " + bytes);
    }
    maxResponseBytes = bytes;
    return this;
  }

  /**
   * Returns true if requests and responses are logged.
   *
   * @return true if requests and responses are logged
   */
  public boolean isDebugging() {
    return debugging;
  }

  /**
   * Logs every request, answer, failure and retry, headers and bodies, to the
   * {@code java.util.logging} logger {@code io.github.togglapi.client.http} at level INFO, one line
   * each. Masked: {@code Authorization}, {@code Cookie} and {@code Set-Cookie}; passwords, API
   * tokens and confirmation codes in bodies; the parameters and headers the spec marks sensitive
   * (SAML assertions, personal data, one-time values); and, in what the server sends, every secret
   * the call knows of, in whatever escaping the server chose. A secret shorter than 8 characters is
   * masked only where it stands as a whole word.
   *
   * @param debugging true to log
   * @return this client
   */
  public synchronized ApiClient setDebugging(boolean debugging) {
    this.debugging = debugging;
    rebuildHttpClient();
    return this;
  }

  /**
   * Returns the JSON set-up used for bodies.
   *
   * @return the JSON set-up used for bodies
   */
  public JSON getJSON() {
    return json;
  }

  /**
   * The current session: the cookies the server set (for example by {@code meSessionsPost}).
   * Encode it to keep the session across restarts; it is a secret.
   *
   * @return a snapshot of the session, empty if not signed in
   */
  public Session getSession() {
    return cookies.snapshot();
  }

  /**
   * Restores a session saved with {@link #getSession()}, replacing the current one.
   *
   * @param session the session
   * @return this client
   */
  public synchronized ApiClient setSession(Session session) {
    if (session == null) {
      throw new NullPointerException("session");
    }
    cookies.restore(session);
    identityChanged();
    return this;
  }

  /**
   * Forgets the session cookies without telling the server; {@code meSessionsDelete} ends the
   * session on both sides.
   *
   * @return this client
   */
  public synchronized ApiClient clearSession() {
    cookies.clear();
    identityChanged();
    return this;
  }

  /**
   * Turns a described call into an OkHttp call, ready to execute or enqueue. Used by the generated
   * API classes.
   *
   * @param request the operation and its parameters
   * @return the call, not yet started
   * @throws IllegalArgumentException if a path parameter is missing or is a dot segment
   */
  public Call buildCall(ApiRequest request) {
    BaseUrl base = this.base;
    HttpUrl url = buildUrl(base, request);
    // Fixed now: every try of this call acts as who the client was when it was built.
    CallIdentity identity = new CallIdentity(base.url, request.isAuthenticated() ? credentials : null,
        request.isAuthenticated() ? cookies.load(url) : Collections.<Cookie>emptyList(), plainHttpAllowed,
        identityGeneration.get());
    Request.Builder http = new Request.Builder()
        .url(url)
        .tag(ApiRequest.class, request)
        .tag(CallIdentity.class, identity)
        .tag(RetryInterceptor.Attempt.class, new RetryInterceptor.Attempt(retryPolicy))
        .header("User-Agent", userAgent);
    if (request.getAccept() != null) {
      http.header("Accept", request.getAccept());
    }
    for (Map.Entry<String, String> header : request.getHeaderParams().entrySet()) {
      http.header(header.getKey(), header.getValue());
    }
    http.method(request.getMethod(), requestBody(request));
    return httpClient.newCall(http.build());
  }

  /**
   * Executes a call and decodes its answer.
   *
   * @param call a call from {@link #buildCall}
   * @param returnType the type of the body, or null if the operation returns none
   * @param <T> the type of the body
   * @return the status, headers and decoded body
   * @throws ApiException if there is no answer, the status is an error, or the body is unreadable
   * @throws IllegalArgumentException if the call was not made by {@link #buildCall}
   */
  public <T> ApiResponse<T> execute(Call call, @Nullable Type returnType) throws ApiException {
    ResponseHandler.describe(call); // fails before sending anything if the call is not ours
    Response response;
    try {
      response = call.execute();
    } catch (IOException e) {
      throw responses.noAnswer(call, e);
    }
    try {
      return responses.handle(call, response, returnType);
    } finally {
      response.close();
    }
  }

  /**
   * Starts a call in the background; the callback gets exactly one answer.
   *
   * @param call a call from {@link #buildCall}
   * @param returnType the type of the body, or null if the operation returns none
   * @param callback receives the outcome
   * @param <T> the type of the body
   * @throws IllegalArgumentException if the call was not made by {@link #buildCall}
   */
  public <T> void executeAsync(Call call, final @Nullable Type returnType, final ApiCallback<T> callback) {
    if (callback == null) {
      throw new NullPointerException("callback");
    }
    ResponseHandler.describe(call);
    RetryInterceptor.Attempt attempt = call.request().tag(RetryInterceptor.Attempt.class);
    if (attempt == null) {
      throw new IllegalArgumentException("Not a call made by ApiClient.buildCall");
    }
    new AsyncCall<T>(responses, call, attempt, returnType, callback,
        httpClient.dispatcher().executorService()).start();
  }

  /** Called after a successful operation that ends the session, unless the session changed since. */
  synchronized void endSession(Call call) {
    if (isCurrent(call)) {
      cookies.clear();
      identityChanged();
    }
  }

  /** True if the request sends a secret of its own: a password, a confirmation code, an assertion. */
  boolean sendsSecrets(ApiRequest request) {
    List<String> secrets = new ArrayList<>();
    Redactor.addSentSecrets(request, json, secrets);
    return !secrets.isEmpty();
  }

  /**
   * Keeps the cookies a successful answer sets, for the host it came from, unless the client has
   * changed identity since the call was built (a session restored or forgotten, other credentials).
   */
  synchronized void keepCookies(Call call, Response response) {
    if (response.header("Set-Cookie") != null && isCurrent(call)) {
      cookies.save(response.request().url(), response.headers());
    }
  }

  /** True if the client is still who it was when the call was built. */
  private boolean isCurrent(Call call) {
    CallIdentity identity = call.request().tag(CallIdentity.class);
    return identity == null || identity.generation() == identityGeneration.get();
  }

  /**
   * Every secret a text about a call may hold: what the call was sent with (its credentials,
   * session cookies and secret parameters), what the client holds now, and the values of the
   * cookies the answer sets (secrets before they are kept).
   *
   * @param request the request, or null
   * @param responseHeaders the answer's headers, or null
   * @return the secrets, to mask
   */
  List<String> secretsOf(@Nullable Request request, @Nullable Headers responseHeaders) {
    List<String> secrets = new ArrayList<>();
    CallIdentity.addSecrets(credentials, secrets);
    for (Cookie cookie : cookies.snapshot().getCookies()) {
      secrets.add(cookie.value());
    }
    ApiRequest described = request == null ? null : request.tag(ApiRequest.class);
    if (request != null) {
      CallIdentity identity = request.tag(CallIdentity.class);
      if (identity != null) {
        identity.addSecrets(secrets);
      }
      if (described != null) {
        Redactor.addSentSecrets(described, json, secrets);
      }
    }
    if (responseHeaders != null) {
      for (String setCookie : responseHeaders.values("Set-Cookie")) {
        int equals = setCookie.indexOf('=');
        int end = setCookie.indexOf(';');
        if (equals >= 0 && (end < 0 || end > equals)) {
          secrets.add(setCookie.substring(equals + 1, end < 0 ? setCookie.length() : end).trim());
        }
      }
      // A header the spec marks sensitive (a redirect with a one-time token) may be echoed in the
      // body: its value, and the values of its query if it is a URL, are secrets too.
      for (String name : described == null ? Collections.<String>emptySet() : described.getSensitiveResponseHeaders()) {
        for (String value : responseHeaders.values(name)) {
          secrets.add(value);
          HttpUrl url = HttpUrl.parse(value);
          for (int i = 0; url != null && i < url.querySize(); i++) {
            secrets.add(url.queryParameterValue(i));
          }
        }
      }
    }
    for (int i = 0; i < secrets.size(); i++) {
      secrets.set(i, unquoted(secrets.get(i)));
    }
    return secrets;
  }

  /** A cookie value in RFC 6265's optional double quotes is echoed without them as often as with. */
  private static @Nullable String unquoted(@Nullable String value) {
    return value != null && value.length() > 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1) : value;
  }

  private static HttpUrl buildUrl(BaseUrl base, ApiRequest request) {
    String template = request.getPathTemplate();
    boolean fixed = request.getPathParams().isEmpty() && request.getQueryParams().isEmpty();
    HttpUrl cached = fixed ? base.fixedUrls.get(template) : null;
    if (cached != null) {
      return cached;
    }
    HttpUrl.Builder url = base.url.newBuilder();
    if (request.isHostRelative()) {
      url.encodedPath(base.besideApi); // the reports and insights APIs sit beside /api/v9
    }
    // A loop rather than a split: this runs for every call, and a regex split showed in profiles.
    for (int start = 0, end; start < template.length(); start = end + 1) {
      end = template.indexOf('/', start);
      if (end < 0) {
        end = template.length();
      }
      if (end > start) {
        url.addPathSegment(pathSegment(request, template.substring(start, end)));
      }
    }
    for (Map.Entry<String, String> param : request.getQueryParams()) {
      url.addQueryParameter(param.getKey(), param.getValue());
    }
    HttpUrl built = url.build();
    if (fixed && base.fixedUrls.size() < BaseUrl.MAX_FIXED_URLS) {
      base.fixedUrls.putIfAbsent(template, built);
    }
    return built;
  }

  /**
   * A segment of the path template with its {@code {parameter}}s filled in: a whole segment
   * ({@code {workspace_id}}) or part of one ({@code {invoice_id}.pdf}, {@code employees.{extension}}).
   */
  private static String pathSegment(ApiRequest request, String segment) {
    int open = segment.indexOf('{');
    if (open < 0) {
      return segment;
    }
    StringBuilder filled = new StringBuilder(segment.length() + 16);
    int from = 0;
    for (; open >= 0; open = segment.indexOf('{', from)) {
      int close = segment.indexOf('}', open);
      if (close < 0) {
        break;
      }
      String name = segment.substring(open + 1, close);
      String value = request.getPathParams().get(name);
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException("Missing path parameter " + name + " for " + request);
      }
      filled.append(segment, from, open).append(value);
      from = close + 1;
    }
    filled.append(segment, from, segment.length());
    String result = filled.toString();
    if (result.equals(".") || result.equals("..")) {
      // OkHttp would resolve a dot segment and send the request to another resource.
      throw new IllegalArgumentException("Invalid path parameter in " + segment + " for " + request);
    }
    return result;
  }

  private RequestBody requestBody(ApiRequest request) {
    if (request.isMultipart()) {
      MultipartBody.Builder multipart = new MultipartBody.Builder().setType(MultipartBody.FORM);
      Map<String, String> fields = request.getFormParams();
      if (fields != null) {
        for (Map.Entry<String, String> field : fields.entrySet()) {
          multipart.addFormDataPart(field.getKey(), field.getValue());
        }
      }
      for (Map.Entry<String, File> file : request.getFileParams().entrySet()) {
        String type = URLConnection.guessContentTypeFromName(file.getValue().getName());
        multipart.addFormDataPart(file.getKey(), file.getValue().getName(),
            RequestBody.create(file.getValue(), MediaType.parse(type != null ? type : "application/octet-stream")));
      }
      // A multipart body needs a part: with no field and no file there is nothing to send.
      return (fields == null || fields.isEmpty()) && request.getFileParams().isEmpty()
          ? RequestBody.create(NO_BYTES, null) : multipart.build();
    }
    if (request.getFormParams() != null) {
      FormBody.Builder form = new FormBody.Builder(StandardCharsets.UTF_8);
      for (Map.Entry<String, String> field : request.getFormParams().entrySet()) {
        form.add(field.getKey(), field.getValue());
      }
      return form.build();
    }
    if (request.hasJsonBody() && request.getJsonBody() != null) {
      byte[] json = this.json.serialize(request.getJsonBody()).getBytes(StandardCharsets.UTF_8);
      return RequestBody.create(json, JSON_MEDIA_TYPE);
    }
    String method = request.getMethod();
    boolean needsBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    return needsBody ? RequestBody.create(NO_BYTES, null) : null;
  }

  private void rebuildHttpClient() {
    OkHttpClient.Builder builder = baseHttpClient.newBuilder()
        // An API answer that redirects is information for the caller, and following it could
        // carry the session to another host.
        .followRedirects(false)
        .followSslRedirects(false)
        // OkHttp would silently send a request again on a failed connection, POSTs included; our
        // RetryInterceptor retries, and only what is safe to repeat. NetworkGuard stops the
        // follow-ups OkHttp makes whatever this setting says (a 503 with Retry-After: 0).
        .retryOnConnectionFailure(false)
        // The session lives in this client's CookieStore, scoped per operation.
        .cookieJar(CookieJar.NO_COOKIES)
        // A cache keys answers by URL alone: one account's answer would be served to another
        // client, and Set-Cookie would be written to disk in clear text.
        .cache(null)
        // The caller's authenticator would see our request, credentials and all, and resend it;
        // a proxy authenticator is needed to pass a proxy, so it stays, but sees no credentials.
        .authenticator(Authenticator.NONE)
        .proxyAuthenticator(AuthInterceptor.hidingCredentialsFrom(baseHttpClient.proxyAuthenticator()))
        .addInterceptor(new RetryInterceptor(this))
        // After the caller's interceptors, so that they never see credentials or cookies.
        .addInterceptor(new AuthInterceptor(this, baseHttpClient))
        .addNetworkInterceptor(new RetryInterceptor.NetworkGuard());
    if (debugging) {
      builder.addInterceptor(new DebugLogger(this));
    }
    httpClient = builder.build();
  }

  /**
   * Describes the client for logs: base path, user agent, which kind of credentials, how many
   * session cookies, timeouts and retries. Never a secret, an email or a cookie value.
   *
   * @return the description
   */
  @Override
  public String toString() {
    HttpBasicAuth auth = credentials;
    OkHttpClient http = baseHttpClient;
    RetryPolicy retries = retryPolicy;
    return "ApiClient{basePath=" + getBasePath()
        + ", credentials=" + (auth == null ? "none" : auth.isApiToken() ? "API token" : "email and password")
        + ", sessionCookies=" + cookies.snapshot().getCookies().size()
        + ", userAgent=" + userAgent
        + ", timeouts(ms)={connect=" + http.connectTimeoutMillis() + ", read=" + http.readTimeoutMillis()
        + ", write=" + http.writeTimeoutMillis() + ", call=" + http.callTimeoutMillis() + "}"
        + ", retries={max=" + retries.maxRetries + ", initialDelayMs=" + retries.initialDelayMillis
        + ", maxWaitMs=" + retries.maxWaitMillis + "}"
        + (plainHttpAllowed ? ", plainHttpAllowed" : "")
        + (debugging ? ", debugging" : "") + "}";
  }

  /** A duration as milliseconds for the settings that take them, checked. */
  private static int millis(Duration duration, String name) {
    if (duration == null) {
      throw new NullPointerException(name);
    }
    if (duration.isNegative() || duration.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException(name + " must be between 0 and " + Integer.MAX_VALUE + " ms, not " + duration);
    }
    return (int) duration.toMillis();
  }

  private static String libraryVersion() {
    // From the jar's manifest, which the class loader has read already; the resource is for the
    // build's own tests, which run from a folder of classes.
    Package ours = ApiClient.class.getPackage();
    String fromManifest = ours == null ? null : ours.getImplementationVersion();
    if (fromManifest != null) {
      return fromManifest;
    }
    Properties properties = new Properties();
    try (InputStream in = ApiClient.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // Fall through to "dev": a missing version must not stop the client from loading.
    }
    String version = properties.getProperty("version", "dev");
    return version.startsWith("${") ? "dev" : version;
  }

  /**
   * The base path, and the URLs of the operations without parameters under it, built once:
   * building a URL was about 3 % of a small call's CPU. Replaced whole by {@link #setBasePath}, so
   * that no URL under an old base path is ever used again.
   */
  private static final class BaseUrl {
    /** More than the spec has operations; further paths (calls built by hand) are built each time. */
    static final int MAX_FIXED_URLS = 512;

    final HttpUrl url;
    /**
     * Where host-relative paths start: the base path without its {@code /api/v9}, so that a
     * gateway's prefix ({@code https://gw.example/toggl/api/v9}) is kept; the host's root for a
     * base path that does not end so.
     */
    final String besideApi;
    final ConcurrentHashMap<String, HttpUrl> fixedUrls = new ConcurrentHashMap<>();

    BaseUrl(HttpUrl url) {
      this.url = url;
      String path = url.encodedPath();
      String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      this.besideApi = trimmed.endsWith("/api/v9") ? trimmed.substring(0, trimmed.length() - "/api/v9".length()) + "/" : "/";
    }
  }

  /** One OkHttpClient (connection pool, dispatcher threads) shared by every ApiClient by default. */
  private static final class DefaultHttpClient {
    static final OkHttpClient INSTANCE = new OkHttpClient.Builder()
        .connectTimeout(10, TimeUnit.SECONDS)
        .readTimeout(30, TimeUnit.SECONDS)
        .writeTimeout(30, TimeUnit.SECONDS)
        // No whole-call timeout by default, as in OkHttp: starting one wakes OkHttp's watchdog
        // thread on every call, about 7 % of a small call's CPU in our profiles.
        .build();
  }
}
