package io.github.togglapi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where one client spends its CPU on one operation: a {@link PairedWorker} JVM runs the operation
 * on one thread under async-profiler (loaded by ap-loader; JFR's sampler got too few samples on
 * this kind of VM), and the calling thread's samples are summed per method, callees included.
 * Comparing two clients' shares of the same frames (for example {@code okio/AsyncTimeout.enter})
 * shows what one does that the other does not, whatever the machine's speed at the time.
 */
final class Profile {
  private Profile() {
  }

  /**
   * Profiles one client's operation and prints the heaviest frames.
   *
   * @param basePath the server's base path
   * @param dir where the stacks and the worker's log go
   * @param client {@code floor}, {@code ours} or {@code stock}
   * @param operation {@code postSignup}, {@code getWorkspaceSso}, {@code postResetToken} or {@code decode}
   * @param seconds how long the operation runs under the profiler (after as long a warm-up)
   * @return the report
   * @throws IOException if the worker fails
   * @throws InterruptedException if interrupted while the worker ends
   */
  static String run(String basePath, Path dir, String client, String operation, int seconds)
      throws IOException, InterruptedException {
    Path stacks = dir.resolve("profile-" + client + "-" + operation + ".collapsed");
    String[] measured;
    try (Paired.Worker worker = new Paired.Worker(client, basePath,
        dir.resolve("profile-" + client + "-" + operation + ".log"))) {
      worker.command("run " + operation + " 1 " + seconds * 1000L);
      // Started after as long a warm-up, so that start-up and the JIT's early code are left out.
      worker.command("profile start,event=cpu,interval=1ms");
      measured = worker.command("run " + operation + " 1 " + seconds * 1000L).split(" ");
      worker.command("profile stop,collapsed,file=" + stacks.toAbsolutePath());
    }
    long calls = Long.parseLong(measured[1]);
    long cpuNanos = Long.parseLong(measured[3]);
    return String.format(Locale.ROOT, "%s %s: %d calls, %.1f µs of the calling thread's CPU per call (under the"
        + " profiler)%n", client, operation, calls, cpuNanos / 1000.0 / calls) + summary(stacks);
  }

  /** Inclusive share of each frame among the calling thread's samples: the 40 largest. */
  static String summary(Path stacks) throws IOException {
    Map<String, Long> inclusive = new HashMap<>();
    long total = 0;
    for (String line : Files.readAllLines(stacks)) {
      int space = line.lastIndexOf(' ');
      List<String> frames = Arrays.asList(line.substring(0, space).split(";"));
      if (frames.stream().noneMatch(frame -> frame.startsWith("io/github/togglapi/bench/PairedWorker.lambda$run"))) {
        continue; // another thread: OkHttp's, the JIT's, the GC's
      }
      long samples = Long.parseLong(line.substring(space + 1));
      total += samples;
      Set<String> seen = new HashSet<>(frames);
      for (String frame : seen) {
        inclusive.merge(frame, samples, Long::sum);
      }
    }
    long all = total;
    return String.format(Locale.ROOT, "%d samples of the calling thread (1 ms of CPU each); share with callees:%n",
        total) + inclusive.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(40)
        .map(e -> String.format(Locale.ROOT, "%6.1f %%  %s", 100.0 * e.getValue() / all, e.getKey()))
        .collect(Collectors.joining("\n")) + "\n";
  }
}
