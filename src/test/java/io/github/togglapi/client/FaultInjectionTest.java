package io.github.togglapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.togglapi.client.api.AuthenticationApi;
import io.github.togglapi.client.model.ModelsTogglUser;
import okhttp3.ConnectionPool;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import okio.GzipSink;
import okio.Okio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A broken network, injected with MockWebServer: each fault gives exactly one NetworkException
 * (or one onFailure), in bounded time, and leaves no connection in use.
 */
class FaultInjectionTest {
  /** The faults, each a response that breaks the call in its own way. */
  enum Fault {
    DISCONNECT_AT_START(0, false) {
      @Override
      MockResponse response() {
        return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START);
      }
    },
    DISCONNECT_MID_BODY(200, false) {
      @Override
      MockResponse response() {
        return json(bigUser()).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY);
      }
    },
    NO_RESPONSE(0, true) {
      @Override
      MockResponse response() {
        return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
      }
    },
    // MockWebServer holds back the headers with a throttled body, so no status arrives either.
    THROTTLED_BODY(0, true) {
      @Override
      MockResponse response() {
        return json(bigUser()).throttleBody(16, 1, TimeUnit.SECONDS); // 16 bytes a second: stalls
      }
    },
    TRUNCATED_GZIP(200, false) {
      @Override
      MockResponse response() {
        Buffer gzipped = gzip(bigUser());
        Buffer truncated = new Buffer();
        truncated.write(gzipped, gzipped.size() / 2);
        return new MockResponse().setHeader("Content-Type", "application/json")
            .setHeader("Content-Encoding", "gzip").setBody(truncated);
      }
    };

    final int code;
    final boolean timeout;

    Fault(int code, boolean timeout) {
      this.code = code;
      this.timeout = timeout;
    }

    abstract MockResponse response();
  }

  private final MockWebServer server = new MockWebServer();
  private ApiClient client;
  private AuthenticationApi api;

  @BeforeEach
  void start() throws IOException {
    server.start();
    client = new ApiClient().setBasePath(server.url("/api/v9").toString())
        .setHttpClient(new okhttp3.OkHttpClient.Builder().connectionPool(new ConnectionPool()).build())
        .setReadTimeout(300)
        .setMaxRetries(0);
    api = new AuthenticationApi(client);
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @ParameterizedTest
  @EnumSource(Fault.class)
  void syncCallsFailOnceInBoundedTimeWithoutLeaks(Fault fault) throws InterruptedException {
    server.enqueue(fault.response());
    NetworkException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> assertThrows(NetworkException.class, () -> api.postSignup(signup())));
    assertEquals(fault.code, e.getCode(), e.getMessage());
    assertEquals(fault.timeout, e.isTimeout(), e.getMessage());
    assertTrue(e.getCause() instanceof IOException);
    assertNoConnectionInUse();
  }

  @ParameterizedTest
  @EnumSource(Fault.class)
  void asyncCallsCallOnFailureExactlyOnce(Fault fault) throws Exception {
    server.enqueue(fault.response());
    ApiClientTest.Recorder<ModelsTogglUser> recorder = new ApiClientTest.Recorder<>();
    api.postSignupAsync(signup(), recorder);
    recorder.awaitIdle(client);
    assertEquals(1, recorder.failures.get());
    assertEquals(0, recorder.successes.get());
    assertTrue(recorder.error.get() instanceof NetworkException, String.valueOf(recorder.error.get()));
    assertEquals(fault.code, recorder.status.get());
    assertNoConnectionInUse();
  }

  @ParameterizedTest
  @EnumSource(Fault.class)
  void anIdempotentCallRecoversWhenTheRetryWorks(Fault fault) throws Exception {
    client.setMaxRetries(1).setInitialRetryDelay(1);
    server.enqueue(fault.response());
    server.enqueue(json("{\"config\":{\"domain\":\"example.com\"}}"));
    assertEquals("example.com", api.getWorkspaceSso(1L).getConfig().getDomain());
    assertNoConnectionInUse();
  }

  /** A successful void answer with a body: the body is not read, so only close() frees the connection. */
  @org.junit.jupiter.api.Test
  void aVoidAnswerWithABodyIsClosedSyncAndAsync() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(200).setBody(bigUser()));
    api.meSessionsDelete();
    assertNoConnectionInUse();
    server.enqueue(new MockResponse().setResponseCode(200).setBody(bigUser()));
    ApiClientTest.Recorder<Void> recorder = new ApiClientTest.Recorder<>();
    api.meSessionsDeleteAsync(recorder);
    recorder.awaitIdle(client);
    assertEquals(1, recorder.successes.get());
    assertNoConnectionInUse();
  }

  private void assertNoConnectionInUse() throws InterruptedException {
    ConnectionPool pool = client.getHttpClient().connectionPool();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (pool.connectionCount() != pool.idleConnectionCount() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(pool.idleConnectionCount(), pool.connectionCount(), "a connection is still in use: a body was left open");
  }

  private static io.github.togglapi.client.model.MePostUser signup() {
    return new io.github.togglapi.client.model.MePostUser().email("a@example.com").password("pw").tosAccepted(true);
  }

  /** A realistic user with a long field, so that a body is big enough to break in the middle. */
  private static String bigUser() {
    StringBuilder padding = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      padding.append("padding-");
    }
    return "{\"id\":9000000001,\"email\":\"a@example.com\",\"fullname\":\"" + padding + "\"}";
  }

  private static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  private static Buffer gzip(String text) {
    Buffer out = new Buffer();
    try (okio.BufferedSink sink = Okio.buffer(new GzipSink(out))) {
      sink.writeString(text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out;
  }
}
