package io.github.togglapi.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * One round trip on loopback to the {@link CannedServer} (which runs in the driving JVM, not this
 * one): build the request, send it, read and decode the answer. One client is shared by all the
 * benchmark's threads ({@link Scope#Benchmark}), as applications share theirs.
 *
 * <p>The server's base path comes from the system property {@code bench.url}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RoundTrip {
  /** Which client makes the calls. */
  @Param({"floor", "ours", "stock"})
  public String client;

  private BenchClient calls;

  /**
   * Makes the client and checks its answers.
   *
   * @throws Exception if the client fails or decodes wrongly
   */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    String url = System.getProperty("bench.url");
    if (url == null) {
      throw new IllegalStateException("Run through io.github.togglapi.bench.Suite, which starts the server and sets bench.url");
    }
    calls = BenchClient.create(client, url);
  }

  /** Closes the client. */
  @TearDown(Level.Trial)
  public void tearDown() {
    calls.close();
  }

  /**
   * {@code POST /signup}, one thread.
   *
   * @return the user
   * @throws Exception if the call fails
   */
  @Benchmark
  @Threads(1)
  public Object postSignup_t1() throws Exception {
    return calls.postSignup();
  }

  /**
   * {@code GET /workspaces/{id}/sso}, one thread.
   *
   * @return the SSO configuration
   * @throws Exception if the call fails
   */
  @Benchmark
  @Threads(1)
  public Object getWorkspaceSso_t1() throws Exception {
    return calls.getWorkspaceSso();
  }

  /**
   * {@code POST /me/reset_token}, one thread.
   *
   * @return the token
   * @throws Exception if the call fails
   */
  @Benchmark
  @Threads(1)
  public Object postResetToken_t1() throws Exception {
    return calls.postResetToken();
  }

  /**
   * {@code POST /signup}, eight threads on one client.
   *
   * @return the user
   * @throws Exception if the call fails
   */
  @Benchmark
  @Threads(8)
  public Object postSignup_t8() throws Exception {
    return calls.postSignup();
  }

  /**
   * {@code GET /workspaces/{id}/sso}, eight threads on one client.
   *
   * @return the SSO configuration
   * @throws Exception if the call fails
   */
  @Benchmark
  @Threads(8)
  public Object getWorkspaceSso_t8() throws Exception {
    return calls.getWorkspaceSso();
  }

  /**
   * {@code POST /me/reset_token}, eight threads on one client.
   *
   * @return the token
   * @throws Exception if the call fails
   */
  @Benchmark
  @Threads(8)
  public Object postResetToken_t8() throws Exception {
    return calls.postResetToken();
  }
}
