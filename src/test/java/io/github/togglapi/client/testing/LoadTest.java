package io.github.togglapi.client.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.togglapi.client.ApiClient;
import io.github.togglapi.client.api.AuthenticationApi;
import io.github.togglapi.client.model.MePostUser;
import io.github.togglapi.client.model.SsoState;
import io.github.togglapi.client.testing.EmbeddedTogglServer.Account;
import okhttp3.ConnectionPool;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 32 threads share clients for thousands of mixed calls against the embedded server (spec
 * validation on): no error, no connection left in use, no session cookie lost or mixed up.
 */
class LoadTest {
  static final int THREADS = 32;
  static final int CALLS_PER_THREAD = 70;

  /** Over HTTP/1.1 (a connection per thread in the pool) and over HTTPS with HTTP/2 (one, multiplexed). */
  @ParameterizedTest(name = "https={0}")
  @ValueSource(booleans = {false, true})
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void sharedClientsHoldUnderLoad(boolean https) throws Exception {
    try (EmbeddedTogglServer toggl = https ? EmbeddedTogglServer.startHttps() : EmbeddedTogglServer.startHttp()) {
      Account ada = toggl.createAccount("ada@example.com", "ada-password-1");
      Account bob = toggl.createAccount("bob@example.com", "bob-password-1");
      // Two clients, each signed in with its own session cookie only: a mixed-up cookie would act
      // on the other user's workspace and get 403.
      ApiClient adaClient = signedIn(toggl, "ada@example.com", "ada-password-1");
      ApiClient bobClient = signedIn(toggl, "bob@example.com", "bob-password-1");
      // A third, with a token, on which one thread creates and ends a session along the way.
      ApiClient tokenClient = toggl.newApiClient().setApiToken(ada.getApiToken());

      AtomicInteger calls = new AtomicInteger();
      List<Throwable> errors = Collections.synchronizedList(new ArrayList<Throwable>());
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        final int thread = t;
        done.add(pool.submit(() -> {
          boolean isAda = thread % 2 == 0;
          AuthenticationApi mine = new AuthenticationApi(isAda ? adaClient : bobClient);
          long workspace = isAda ? ada.getWorkspaceId() : bob.getWorkspaceId();
          AuthenticationApi shared = new AuthenticationApi(tokenClient);
          try {
            go.await();
            for (int i = 0; i < CALLS_PER_THREAD; i++) {
              switch (i % 5) {
                case 0:
                  mine.getWorkspaceSso(workspace);
                  break;
                case 1:
                  mine.postWorkspaceSso(workspace, new io.github.togglapi.client.model.ModelsSSOConfig()
                      .domain((isAda ? "ada" : "bob") + ".example").ssoUrl("https://idp/").entityId("e").certificate("c"));
                  break;
                case 2:
                  // Never disabled: other threads of the same user look the domain up meanwhile.
                  mine.patchWorkspaceSso(workspace, new SsoState().enabled(true));
                  break;
                case 3:
                  shared.getSaml2LoginUrl("someone@" + (isAda ? "ada" : "bob") + ".example", null, null);
                  break;
                default:
                  if (thread == 0 && i == 64) { // half way, on a "default" turn (64 % 5 == 4)
                    shared.meSessionsPost(null);
                    shared.getWorkspaceSso(ada.getWorkspaceId());
                    shared.meSessionsDelete();
                    calls.addAndGet(2);
                  } else {
                    new AuthenticationApi(tokenClient).postSignup(new MePostUser()
                        .email("u" + thread + "-" + i + "@load.example").password("password-" + i).tosAccepted(true));
                  }
              }
              calls.incrementAndGet();
            }
          } catch (Throwable e) {
            errors.add(e);
          }
          return null;
        }));
      }
      long start = System.nanoTime();
      go.countDown();
      for (Future<?> future : done) {
        future.get();
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      pool.shutdown();

      assertEquals(Collections.emptyList(), errors);
      assertEquals(THREADS * CALLS_PER_THREAD + 2, calls.get());
      assertFalse(adaClient.getSession().isEmpty());
      assertFalse(bobClient.getSession().isEmpty());
      assertNotEquals(adaClient.getSession().getCookies().get(0).value(), bobClient.getSession().getCookies().get(0).value());
      assertTrue(tokenClient.getSession().isEmpty(), "the session made on the way was ended");
      ConnectionPool connections = toggl.httpClient().connectionPool();
      assertEquals(connections.idleConnectionCount(), connections.connectionCount(), "a connection is still in use");
      System.out.println("Load (" + (https ? "HTTPS, HTTP/2" : "HTTP/1.1") + "): " + THREADS + " threads, " + calls.get() + " calls in " + millis + " ms, 0 errors, "
          + connections.connectionCount() + " pooled connections, all idle");
    }
  }

  private static ApiClient signedIn(EmbeddedTogglServer toggl, String email, String password) throws Exception {
    ApiClient client = toggl.newApiClient().setUsername(email).setPassword(password);
    new AuthenticationApi(client).meSessionsPost(null);
    return client.setUsername(null).setPassword(null);
  }
}
