package io.github.togglapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.togglapi.client.api.AuthenticationApi;
import io.github.togglapi.client.auth.CookieStore;
import io.github.togglapi.client.auth.Session;
import io.github.togglapi.client.model.MePostUser;
import io.github.togglapi.client.model.ModelsUser;
import io.github.togglapi.client.model.SsoConfigResult;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an independent review, tried as an attacker, broke in the first round of hardening, each
 * kept as the test that failed then: proxies and their authenticators, digits OkHttp cannot read,
 * masking that was quadratic or cut too early, answers that landed in a session changed meanwhile,
 * secrets of public operations over plain HTTP, and echoes in forms the masking missed.
 */
class AttackReviewTest {
  private static final String TOKEN = "tok-review-0123456789abcdef";
  private final MockWebServer server = new MockWebServer();
  private ApiClient client;
  private AuthenticationApi api;

  @BeforeEach
  void start() throws IOException {
    server.start();
    client = new ApiClient().setBasePath(server.url("/api/v9").toString()).setInitialRetryDelay(1);
    api = new AuthenticationApi(client);
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  /**
   * An HTTPS server (inside a proxy's tunnel) that answers 407 made OkHttp hand the caller's proxy
   * authenticator our request, credentials and all, and send the POST again.
   */
  @Test
  void aServersOwn407NeitherShowsTheCredentialsNorReplaysThePost() throws Exception {
    HeldCertificate cert = new HeldCertificate.Builder().addSubjectAlternativeName("api.example.test").build();
    MockWebServer proxy = new MockWebServer();
    proxy.useHttps(new HandshakeCertificates.Builder().heldCertificate(cert).build().sslSocketFactory(), true);
    proxy.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.UPGRADE_TO_SSL_AT_END).clearHeaders());
    proxy.enqueue(new MockResponse().setResponseCode(407).setHeader("Proxy-Authenticate", "Basic realm=\"x\""));
    proxy.enqueue(json("\"new-token\""));
    proxy.start();
    try {
      HandshakeCertificates trust = new HandshakeCertificates.Builder().addTrustedCertificate(cert.certificate()).build();
      AtomicReference<String> seenByAuthenticator = new AtomicReference<>();
      AtomicInteger asked = new AtomicInteger();
      OkHttpClient mine = new OkHttpClient.Builder()
          .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
          .proxy(proxy.toProxyAddress())
          .proxyAuthenticator((route, response) -> {
            asked.incrementAndGet();
            seenByAuthenticator.set(response.request().header("Authorization"));
            return response.request().newBuilder().header("Proxy-Authorization", "Basic cHJveHk6c2VjcmV0").build();
          })
          .build();
      ApiClient viaProxy = new ApiClient(mine).setBasePath("https://api.example.test/api/v9").setApiToken(TOKEN)
          .setMaxRetries(0);
      assertThrows(NetworkException.class, () -> new AuthenticationApi(viaProxy).postResetToken());
      // Asked before the CONNECT (OkHttp's preemptive challenge) and for the server's 407.
      assertTrue(asked.get() >= 1, "the caller's proxy authenticator is still asked");
      assertNull(seenByAuthenticator.get(), "but never sees the credentials");
      assertEquals(2, proxy.getRequestCount(), "CONNECT and one POST: not replayed");
    } finally {
      proxy.shutdown();
    }
  }

  /** OkHttp read a 503's 11-digit Retry-After with Integer.valueOf and threw out of the SDK. */
  @Test
  void aRetryAfterOfMoreDigitsThanAnIntHoldsIsJustA503() throws Exception {
    client.setApiToken(TOKEN);
    server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "99999999999").setBody("\"down\""));
    ServerException sync = assertThrows(ServerException.class, () -> api.postResetToken());
    assertEquals("99999999999", sync.getResponseHeaders().get("Retry-After").get(0));

    AtomicReference<Throwable> uncaught = new AtomicReference<>();
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.set(e));
    try {
      server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "99999999999").setBody("\"down\""));
      ApiClientTest.Recorder<String> recorder = new ApiClientTest.Recorder<>();
      api.postResetTokenAsync(recorder);
      recorder.awaitIdle(client);
      assertTrue(recorder.error.get() instanceof ServerException, String.valueOf(recorder.error.get()));
      assertNull(uncaught.get());
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(previous);
    }
  }

  /** Finding one secret in a page of '&' took time growing with the square of its length. */
  @Test
  void maskingStaysLinearOnHostileText() {
    List<String> secrets = Collections.singletonList(TOKEN);
    for (char c : new char[] {'&', '%', '\\'}) {
      char[] chars = new char[4 * 1024 * 1024];
      Arrays.fill(chars, c);
      String text = new String(chars);
      // Linear: well under a second. Quadratic, as '&' was: minutes.
      long start = System.nanoTime();
      assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Redactor.maskValues(text, secrets), "4 MiB of " + c);
      System.out.println("Masking 4 MiB of '" + c + "' took " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
    }
    client.setApiToken(TOKEN);
    char[] page = new char[1024 * 1024];
    Arrays.fill(page, '&');
    server.enqueue(new MockResponse().setResponseCode(500).setHeader("Content-Type", "text/plain").setBody(new String(page)));
    long start = System.nanoTime();
    ApiException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> assertThrows(ApiException.class, () -> api.postResetToken()));
    System.out.println("A call failing with 1 MiB of '&' took " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
    assertEquals(1024 * 1024, e.getResponseBody().length(), "the raw body is kept whole");
  }

  /** The debug log cut an answer at 64 KB before masking: a token across the cut showed in part. */
  @Test
  void theDebugLogMasksBeforeItCuts() throws Exception {
    client.setApiToken(TOKEN).setDebugging(true);
    StringBuilder body = new StringBuilder("\"");
    while (body.length() < 64 * 1024 - 20) {
      body.append('x');
    }
    body.append(TOKEN).append(" is not valid\"");
    try (LogCapture log = LogCapture.debugLog()) {
      server.enqueue(json(body.toString()).setResponseCode(400));
      assertThrows(ApiException.class, () -> api.getWorkspaceSso(1L));
      assertFalse(log.all().contains(TOKEN.substring(0, 8)), "no part of the token");
    }
  }

  /** A proxy stood between the client and "this machine": plain HTTP went through it. */
  @Test
  void plainHttpToLoopbackThroughAProxyIsRefused() throws Exception {
    MockWebServer proxy = new MockWebServer();
    InetAddress lan = InetAddress.getLoopbackAddress();
    for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress address : Collections.list(network.getInetAddresses())) {
        if (!address.isLoopbackAddress() && address instanceof Inet4Address) {
          lan = address;
        }
      }
    }
    proxy.start(lan, 0);
    proxy.enqueue(json("\"new\""));
    try {
      OkHttpClient viaProxy = new OkHttpClient.Builder().proxy(proxy.toProxyAddress()).build();
      ApiClient proxied = new ApiClient(viaProxy).setBasePath("http://localhost:8080/api/v9").setApiToken(TOKEN);
      ApiException e = assertThrows(ApiException.class, () -> new AuthenticationApi(proxied).postResetToken());
      assertTrue(e.getMessage().contains("through a proxy"), e.getMessage());
      assertEquals(0, proxy.getRequestCount());
    } finally {
      proxy.shutdown();
    }
  }

  /** The guards covered credentials only: a sign-up password crossed plain HTTP to another machine. */
  @Test
  void aPublicOperationsSecretsNeverGoOverPlainHttpToAnotherMachine() throws Exception {
    OkHttpClient resolving = new OkHttpClient.Builder()
        .dns(host -> Collections.singletonList(InetAddress.getLoopbackAddress())).build();
    ApiClient remote = new ApiClient(resolving).setBasePath("http://api.example.test:" + server.getPort() + "/api/v9");
    ApiException e = assertThrows(ApiException.class, () -> new AuthenticationApi(remote)
        .postSignup(new MePostUser().email("ada@example.com").password("S3cret-signup-pw").tosAccepted(true)));
    assertTrue(e.getMessage().contains("was not sent"), e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  /** A sign-in under way wrote its cookie into the session the caller had replaced meanwhile. */
  @Test
  void aCallUnderWayNeverRevivesAClearedOrReplacedSession() throws Exception {
    client.setApiToken(TOKEN);
    server.enqueue(json("{\"id\":1}").addHeader("Set-Cookie", "timer-session=ACCOUNT-A-session-0001; Path=/")
        .setHeadersDelay(500, TimeUnit.MILLISECONDS));
    ApiClientTest.Recorder<ModelsUser> recorder = new ApiClientTest.Recorder<>();
    api.meSessionsPostAsync(null, recorder);
    server.takeRequest(5, TimeUnit.SECONDS);
    // The user switches accounts: forgets A, restores B's saved session, drops A's token.
    client.setApiToken(null).clearSession();
    client.setSession(Session.decode(server.getHostName() + "\ttimer-session=ACCOUNT-B-session-0002; Path=/\n"));
    recorder.awaitIdle(client);
    assertEquals(1, recorder.successes.get(), "the sign-in itself succeeded");
    assertTrue(client.getSession().encode().contains("ACCOUNT-B"), client.getSession().toString());
    assertFalse(client.getSession().encode().contains("ACCOUNT-A"));

    // Nor does a logout under way end the session restored meanwhile.
    server.enqueue(new MockResponse().setHeadersDelay(500, TimeUnit.MILLISECONDS));
    ApiClientTest.Recorder<Void> logout = new ApiClientTest.Recorder<>();
    api.meSessionsDeleteAsync(logout);
    server.takeRequest(5, TimeUnit.SECONDS);
    client.setSession(Session.decode(server.getHostName() + "\ttimer-session=ACCOUNT-C-session-0003; Path=/\n"));
    logout.awaitIdle(client);
    assertTrue(client.getSession().encode().contains("ACCOUNT-C"), client.getSession().toString());
  }

  /** Echoes in forms the masking missed: quoted cookies, another case, '+' for space, Latin-1 entities. */
  @Test
  void echoesInEveryFormAServerChoosesAreMasked() throws Exception {
    client.setDebugging(true).setApiToken(TOKEN);
    try (LogCapture log = LogCapture.debugLog()) {
      server.enqueue(json("{\"id\":1}")
          .addHeader("Set-Cookie", "timer-session=\"SESSION-quoted-5e6f7a\"; Path=/")
          .addHeader("X-Debug", "new session SESSION-quoted-5e6f7a")
          .addHeader("X-Seen-" + TOKEN, "1"));
      api.meSessionsPost(null);

      server.enqueue(json("\"no SSO is set up for ada.lovelace@example.com\"").setResponseCode(404));
      ApiException email = assertThrows(ApiException.class,
          () -> api.getSaml2LoginUrl("Ada.Lovelace@Example.com", null, null));

      server.enqueue(new MockResponse().setResponseCode(400).setHeader("Content-Type", "text/plain")
          .setBody("bad RelayState=client%3Dwebapp+host%3Dtrack.toggl.com+nonce+7f3a"));
      ApiException relay = assertThrows(ApiException.class,
          () -> api.postSaml2Callback(1L, "PHNhbWw+", "client=webapp host=track.toggl.com nonce 7f3a"));

      String location = "https://track.toggl.com/sso/done?one_time_token=OTT-9f8e7d6c5b4a";
      server.enqueue(new MockResponse().setResponseCode(303).setHeader("Location", location)
          .setHeader("Content-Type", "text/html").setBody("<a href=\"" + location + "\">See Other</a>."));
      api.postSaml2Callback(1L, "PHNhbWw+", null);

      String all = log.all() + email.getMessage() + relay.getMessage();
      for (String leak : new String[] {"SESSION-quoted-5e6f7a", TOKEN, "ada.lovelace@example.com", "nonce+7f3a",
          "OTT-9f8e7d6c5b4a"}) {
        assertFalse(all.contains(leak), () -> leak + " in " + all);
      }
    }
    String html = Redactor.maskValues("<p>Passwort Gr&ouml;&szlig;enwahn-42 ist zu schwach</p>",
        Collections.singletonList("Größenwahn-42"));
    assertEquals("<p>Passwort **** ist zu schwach</p>", html);
  }

  /** RFC 6265 section 6.1 counts name, value and attributes: a 200 KB Path was kept whole. */
  @Test
  void aCookiesAttributesCountTowardsItsSize() {
    CookieStore store = new CookieStore();
    StringBuilder path = new StringBuilder("/");
    while (path.length() < 200_000) {
      path.append('a');
    }
    store.save(HttpUrl.get("https://api.example.test" + path + "/x"), Headers.of("Set-Cookie", "s=1; Path=" + path));
    assertTrue(store.snapshot().isEmpty(), store.snapshot().encode().length() + " characters kept");
  }

  /** A base path with a user name and password in it was logged on every request line. */
  @Test
  void aBasePathWithCredentialsInItIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ApiClient()
        .setBasePath("http://tok-userinfo-0123456789:api_token@localhost:" + server.getPort() + "/api/v9"));
    assertFalse(e.getMessage().contains("tok-userinfo"), e.getMessage());
  }

  /** 400 async calls under random answers, cancels and a whole-call timeout: each ends exactly once. */
  @Test
  void exactlyOneCallbackUnderCancelTimeoutAndFailureRaces() throws Exception {
    Random random = new Random(20261201);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        int kind;
        int delay;
        synchronized (random) {
          kind = random.nextInt(10);
          delay = random.nextInt(30);
        }
        MockResponse answer = new MockResponse().setHeader("Content-Type", "application/json");
        if (kind < 5) {
          return answer.setResponseCode(429).setHeader("Retry-After", "0").setBody("\"slow down\"");
        } else if (kind < 6) {
          return answer.setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
        } else if (kind < 7) {
          return answer.setResponseCode(503).setBody("\"x\"");
        }
        return answer.setBody("{}").setBodyDelay(delay, TimeUnit.MILLISECONDS);
      }
    });
    client.setApiToken(TOKEN).setInitialRetryDelay(5).setMaxRetries(5).setCallTimeout(150);
    int n = 400;
    List<AtomicInteger> counts = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(n);
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      AtomicInteger count = new AtomicInteger();
      counts.add(count);
      calls.add(api.getWorkspaceSsoAsync(1L, ApiCallback.<SsoConfigResult>of(r -> {
        count.incrementAndGet();
        done.countDown();
      }, e -> {
        count.incrementAndGet();
        done.countDown();
      })));
    }
    for (int i = 0; i < n; i += 2) {
      calls.get(i).cancel();
    }
    assertTrue(done.await(30, TimeUnit.SECONDS), "calls without a callback: " + done.getCount());
    Thread.sleep(300); // room for a late second callback
    long wrong = counts.stream().filter(count -> count.get() != 1).count();
    assertEquals(0, wrong, "calls with no callback or more than one");
  }
}
