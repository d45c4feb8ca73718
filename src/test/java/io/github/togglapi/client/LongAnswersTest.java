package io.github.togglapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.togglapi.client.api.AuthenticationApi;
import okhttp3.ConnectionPool;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okio.Buffer;
import okio.BufferedSink;
import okio.GzipSink;
import okio.Okio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An answer longer than {@link ApiClient#setMaxResponseBytes} is refused without being read into
 * memory, whatever its framing (Content-Length, chunked, gzip) and status, and the connection is
 * given back.
 */
class LongAnswersTest {
  private static final int LIMIT = 1000;

  private final MockWebServer server = new MockWebServer();
  private ApiClient client;
  private AuthenticationApi api;

  @BeforeEach
  void setUp() throws IOException {
    server.start();
    client = new ApiClient().setBasePath(server.url("/api/v9").toString())
        .setHttpClient(new okhttp3.OkHttpClient.Builder().connectionPool(new ConnectionPool()).build())
        .setApiToken("token")
        .setMaxRetries(0)
        .setMaxResponseBytes(LIMIT);
    api = new AuthenticationApi(client);
  }

  @AfterEach
  void tearDown() throws IOException {
    server.shutdown();
  }

  @Test
  void theDefaultIsTenMebibytesAndTheLimitMustBePositive() {
    assertEquals(10L * 1024 * 1024, new ApiClient().getMaxResponseBytes());
    assertEquals(LIMIT, client.getMaxResponseBytes());
    assertThrows(IllegalArgumentException.class, () -> client.setMaxResponseBytes(0));
    assertEquals(LIMIT, client.getMaxResponseBytes());
  }

  @Test
  void anAnswerAtTheLimitIsRead() throws ApiException {
    String token = repeat('a', LIMIT - 2);
    server.enqueue(json("\"" + token + "\""));
    assertEquals(token, api.postResetToken());
  }

  @Test
  void aLongerAnswerByContentLengthIsRefused() {
    server.enqueue(json("\"" + repeat('a', LIMIT) + "\""));
    ApiException e = assertThrows(ApiException.class, api::postResetToken);
    assertRefused(e, 200);
  }

  @Test
  void aLongerChunkedAnswerIsRefused() {
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
        .setChunkedBody("\"" + repeat('a', 5 * LIMIT) + "\"", 100));
    ApiException e = assertThrows(ApiException.class, api::postResetToken);
    assertRefused(e, 200);
  }

  @Test
  void aGzipBombIsRefusedAfterAtMostTheLimit() {
    // 50 MB of JSON that travels as about 50 KB.
    Buffer bomb = new Buffer();
    try (BufferedSink sink = Okio.buffer(new GzipSink(bomb))) {
      sink.writeUtf8("\"");
      String block = repeat(' ', 1 << 20);
      for (int i = 0; i < 50; i++) {
        sink.writeUtf8(block);
      }
      sink.writeUtf8("\"");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
        .setHeader("Content-Encoding", "gzip").setBody(bomb));
    ApiException e = assertThrows(ApiException.class, api::postResetToken);
    assertRefused(e, 200);
  }

  @Test
  void aLongErrorKeepsItsTypeAndStatus() {
    server.enqueue(json("\"" + repeat('x', 2 * LIMIT) + "\"").setResponseCode(429).setHeader("Retry-After", "7"));
    RateLimitException e = assertThrows(RateLimitException.class, api::postResetToken);
    assertRefused(e, 429);
    assertEquals(Duration.ofSeconds(7), e.getRetryAfter());
  }

  /**
   * The server would need over 100 s to send this body, and it gives no length; the call ends once
   * the limit is passed, both for a POST and for a GET (whose body is read early, so that a broken
   * one can be retried).
   */
  @Test
  void aLongAnswerIsNotReadToItsEnd() {
    client.setMaxRetries(3);
    for (int i = 0; i < 2; i++) {
      server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
          .setChunkedBody("\"" + repeat('a', 100 * 1024) + "\"", 512).throttleBody(1024, 1, TimeUnit.SECONDS));
    }
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      assertRefused(assertThrows(ApiException.class, api::postResetToken), 200);
      assertRefused(assertThrows(ApiException.class, () -> api.getWorkspaceSso(1L)), 200);
    });
    assertEquals(2, server.getRequestCount(), "a refused answer is not retried");
  }

  private void assertRefused(ApiException e, int code) {
    assertEquals(code, e.getCode());
    assertTrue(e.getMessage().contains("a body longer than " + LIMIT + " bytes (not read"), e.getMessage());
    assertEquals("", e.getResponseBody());
    assertTrue(e.getResponseHeaders().containsKey("Content-Type"), e.getResponseHeaders().toString());
    ConnectionPool pool = client.getHttpClient().connectionPool();
    assertEquals(pool.idleConnectionCount(), pool.connectionCount(), "a connection is still in use");
  }

  private static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  private static String repeat(char c, int count) {
    StringBuilder text = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      text.append(c);
    }
    return text.toString();
  }
}
