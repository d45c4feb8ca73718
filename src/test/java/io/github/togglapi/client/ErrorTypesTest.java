package io.github.togglapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Collections;

import io.github.togglapi.client.api.AuthenticationApi;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each kind of failure has its own ApiException subclass, which keeps status, headers, body and cause. */
class ErrorTypesTest {
  private final MockWebServer server = new MockWebServer();
  private ApiClient client;
  private AuthenticationApi api;

  @BeforeEach
  void start() throws IOException {
    server.start();
    client = new ApiClient().setBasePath(server.url("/api/v9").toString()).setMaxRetries(0);
    api = new AuthenticationApi(client);
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @ParameterizedTest(name = "HTTP {0} -> {1}")
  @CsvSource({
      "400, ApiException",
      "401, AuthenticationException",
      "402, QuotaExceededException",
      "403, PermissionException",
      "404, NotFoundException",
      "409, ApiException",
      "429, RateLimitException",
      "500, ServerException",
      "502, ServerException",
      "503, ServerException",
      "504, ServerException",
  })
  void statusesMapToTypes(int status, String type) {
    server.enqueue(new MockResponse().setResponseCode(status).setHeader("X-Request-Id", "r-" + status)
        .setHeader("Content-Type", "application/json").setBody("\"status " + status + "\""));
    ApiException e = assertThrows(ApiException.class, () -> api.postResetToken());
    assertEquals(type, e.getClass().getSimpleName());
    assertEquals(status, e.getCode());
    assertEquals("\"status " + status + "\"", e.getResponseBody());
    assertEquals(Collections.singletonList("r-" + status), e.getResponseHeaders().get("X-Request-Id"));
    assertTrue(e.getMessage().contains("HTTP " + status + ": status " + status), e.getMessage());
  }

  @Test
  void quotaExceptionCarriesTheResetInformation() {
    server.enqueue(new MockResponse().setResponseCode(402).setHeader("X-Toggl-Quota-Resets-In", "1234")
        .setHeader("X-Toggl-Quota-Remaining", "0").setBody("\"Quota exceeded\""));
    QuotaExceededException e = assertThrows(QuotaExceededException.class, () -> api.getWorkspaceSso(1L));
    assertEquals(Duration.ofSeconds(1234), e.getResetsIn());
    assertEquals(Integer.valueOf(0), e.getRemaining());
    assertTrue(e.getMessage().endsWith("Quota exceeded (quota frees requests in 1234 s)"), e.getMessage());

    server.enqueue(new MockResponse().setResponseCode(402).setHeader("Retry-After", "60"));
    assertEquals(Duration.ofSeconds(60),
        assertThrows(QuotaExceededException.class, () -> api.getWorkspaceSso(1L)).getResetsIn());
    server.enqueue(new MockResponse().setResponseCode(402));
    QuotaExceededException bare = assertThrows(QuotaExceededException.class, () -> api.getWorkspaceSso(1L));
    assertNull(bare.getResetsIn());
    assertNull(bare.getRemaining());
  }

  @Test
  void rateLimitExceptionCarriesTheWaitAskedFor() {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7").setBody("\"slow down\""));
    RateLimitException e = assertThrows(RateLimitException.class, () -> api.postResetToken());
    assertEquals(Duration.ofSeconds(7), e.getRetryAfter());
    assertTrue(e.getMessage().endsWith("slow down (retry after 7 s)"), e.getMessage());
  }

  @Test
  void noAnswerIsANetworkExceptionWithTheCause() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    ApiClient refused = new ApiClient().setBasePath("http://127.0.0.1:" + closedPort + "/api/v9").setMaxRetries(0);
    NetworkException e = assertThrows(NetworkException.class, () -> new AuthenticationApi(refused).postResetToken());
    assertEquals(0, e.getCode());
    assertTrue(e.getCause() instanceof java.net.ConnectException, String.valueOf(e.getCause()));
    assertFalse(e.isTimeout());

    client.setReadTimeout(100);
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    NetworkException timeout = assertThrows(NetworkException.class, () -> api.postResetToken());
    assertTrue(timeout.isTimeout());
    assertSame(java.net.SocketTimeoutException.class, timeout.getCause().getClass());
  }
}
