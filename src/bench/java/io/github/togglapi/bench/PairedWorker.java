package io.github.togglapi.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * One client in its own JVM, driven by {@link Paired} over standard input: each command runs one
 * operation for a given time on 1 or 8 threads and answers with the operations made, the threads'
 * summed wall-clock time, CPU time and allocated bytes. Between commands the JVM idles, so the
 * three clients' JVMs can take turns in short slices.
 *
 * <p>Arguments: the client ({@code floor}, {@code ours}, {@code stock}) and the server's base path.
 * Commands: {@code run OPERATION THREADS MILLIS}, answered by {@code ok OPS NANOS CPU_NANOS BYTES};
 * {@code profile ASYNC_PROFILER_COMMAND} (for {@link Profile}), answered by {@code ok}; {@code quit}.
 */
public final class PairedWorker {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private PairedWorker() {
  }

  /**
   * Serves commands until {@code quit} or the end of input.
   *
   * @param args the client and the base path
   * @throws Exception if the client fails
   */
  public static void main(String[] args) throws Exception {
    String client = args[0];
    BenchClient calls = BenchClient.create(client, args[1]);
    Decode.Decoder decoder = Decode.decoder(client);
    Checks.user(client, decoder.decode(Canned.USER_JSON));
    ExecutorService pool = Executors.newFixedThreadPool(8, runnable -> {
      Thread thread = new Thread(runnable, "paired-worker");
      thread.setDaemon(true);
      return thread;
    });
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.out.println("ready");
    System.out.flush();
    for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
      if (line.startsWith("profile ")) {
        one.profiler.AsyncProfilerLoader.load().execute(line.substring("profile ".length()));
        System.out.println("ok");
        System.out.flush();
        continue;
      }
      String[] command = line.split(" ");
      Callable<Object> operation = operation(command[1], calls, decoder);
      int threads = Integer.parseInt(command[2]);
      long millis = Long.parseLong(command[3]);
      long[] totals = run(pool, operation, threads, millis);
      System.out.printf(Locale.ROOT, "ok %d %d %d %d%n", totals[0], totals[1], totals[2], totals[3]);
      System.out.flush();
    }
    pool.shutdownNow();
    calls.close();
  }

  private static Callable<Object> operation(String name, BenchClient calls, Decode.Decoder decoder) {
    switch (name) {
      case "postSignup":
        return calls::postSignup;
      case "getWorkspaceSso":
        return calls::getWorkspaceSso;
      case "postResetToken":
        return calls::postResetToken;
      case "decode":
        String body = Canned.USER_JSON;
        return () -> decoder.decode(body);
      default:
        throw new IllegalArgumentException("No operation " + name);
    }
  }

  /** Runs the operation on the threads until the time is up; returns ops, nanos, CPU nanos, bytes. */
  private static long[] run(ExecutorService pool, Callable<Object> operation, int threads, long millis)
      throws Exception {
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Future<long[]>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      results.add(pool.submit(() -> {
        start.await();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long bytes = THREADS.getCurrentThreadAllocatedBytes();
        long begin = System.nanoTime();
        long deadline = begin + millis * 1_000_000L;
        long ops = 0;
        int sink = 0;
        long now;
        do {
          sink += System.identityHashCode(operation.call());
          ops++;
          now = System.nanoTime();
        } while (now < deadline);
        long[] totals = {ops, now - begin, THREADS.getCurrentThreadCpuTime() - cpu,
            THREADS.getCurrentThreadAllocatedBytes() - bytes};
        if (sink == 42) {
          System.err.print(""); // keeps the results alive
        }
        return totals;
      }));
    }
    long[] sum = new long[4];
    for (Future<long[]> result : results) {
      long[] totals = result.get();
      for (int i = 0; i < 4; i++) {
        sum[i] += totals[i];
      }
    }
    return sum;
  }
}
