package io.github.togglapi.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Paired measurement, for ratios that a shared, noisy machine cannot blur: the three clients run
 * at once in three warmed-up JVMs ({@link PairedWorker}), but take turns, one short slice each,
 * over and over; a client's ratio to the floor is the median of the ratios between slices run
 * within the same second or two. A slower spell of the machine then falls on all three alike,
 * where with one JMH fork after another it falls on whichever client was running.
 */
final class Paired {
  /** One measured configuration. */
  record Config(String name, String operation, int threads) {
  }

  /** One slice of one client: per operation, wall-clock nanoseconds (per thread), CPU nanoseconds, bytes. */
  record Slice(double nanos, double cpu, double bytes) {
  }

  /** The measured JVMs' heap: fixed, so that no client's heap grows while it is measured. */
  static final String HEAP_MIN = "-Xms1g";
  static final String HEAP_MAX = "-Xmx1g";
  /**
   * Every heap page touched at start. Without it, a JVM pays a page fault the first time it
   * touches each page of its heap, so the client that allocates more goes on faulting for longer:
   * 47 % of the floor's CPU samples were page faults in one profile (docs/performance.md).
   */
  static final String PRE_TOUCH = "-XX:+AlwaysPreTouch";

  static final List<Config> CONFIGS = List.of(
      new Config("postSignup, 1 thread", "postSignup", 1),
      new Config("getWorkspaceSso, 1 thread", "getWorkspaceSso", 1),
      new Config("postResetToken, 1 thread", "postResetToken", 1),
      new Config("postSignup, 8 threads", "postSignup", 8),
      new Config("getWorkspaceSso, 8 threads", "getWorkspaceSso", 8),
      new Config("postResetToken, 8 threads", "postResetToken", 8),
      new Config("ModelsTogglUser, 600 B", "decode", 1));

  private Paired() {
  }

  /**
   * Runs every configuration in turns, in {@code sets} sets of three fresh JVMs one after the
   * other (a JVM keeps its own luck with the JIT for its whole life; fresh ones average it out).
   *
   * @return per configuration, per client, the slices in order (slice i of each client ran in the
   *     same turn), the sets one after the other
   */
  static Map<Config, Map<String, List<Slice>>> measure(List<Config> configs, String basePath, Path logs, int sets,
      int turns, long sliceMillis, long warmupMillis) throws IOException, InterruptedException {
    Map<Config, Map<String, List<Slice>>> results = new LinkedHashMap<>();
    for (Config config : configs) {
      Map<String, List<Slice>> byClient = new LinkedHashMap<>();
      for (String client : BenchClient.NAMES) {
        byClient.put(client, new ArrayList<>());
      }
      results.put(config, byClient);
    }
    for (int set = 0; set < sets; set++) {
      Map<String, Worker> workers = new LinkedHashMap<>();
      try {
        for (String client : BenchClient.NAMES) {
          workers.put(client, new Worker(client, basePath, logs.resolve("paired-" + client + "-set" + (set + 1)
              + ".log")));
        }
        // Warm-up: every operation in every JVM, so that the JIT has compiled all of them before
        // any slice is measured. The three JVMs warm up at once: nothing is measured yet.
        for (Config config : configs) {
          for (Worker worker : workers.values()) {
            worker.send(config, warmupMillis);
          }
          for (Worker worker : workers.values()) {
            worker.receive(config);
          }
        }
        for (int c = 0; c < configs.size(); c++) {
          Config config = configs.get(c);
          Map<String, List<Slice>> byClient = results.get(config);
          Map<String, List<Slice>> thisSet = new LinkedHashMap<>();
          for (int turn = 0; turn < turns; turn++) {
            for (int i = 0; i < BenchClient.NAMES.length; i++) {
              String client = BenchClient.NAMES[Math.floorMod(turn + c + set + i, BenchClient.NAMES.length)];
              Slice slice = workers.get(client).run(config, sliceMillis);
              byClient.get(client).add(slice);
              thisSet.computeIfAbsent(client, k -> new ArrayList<>()).add(slice);
            }
          }
          System.out.printf(Locale.ROOT, "[paired set %d/%d, %d/%d] %-28s  floor %s  ours %s  stock %s%n", set + 1,
              sets, c + 1, configs.size(), config.name(), median(thisSet.get("floor")), median(thisSet.get("ours")),
              median(thisSet.get("stock")));
        }
      } finally {
        for (Worker worker : workers.values()) {
          worker.close();
        }
      }
    }
    return results;
  }

  private static String median(List<Slice> slices) {
    double[] nanos = slices.stream().mapToDouble(Slice::nanos).sorted().toArray();
    double median = nanos[nanos.length / 2];
    return median >= 100_000 ? String.format(Locale.ROOT, "%.1f us", median / 1000)
        : String.format(Locale.ROOT, "%.0f ns", median);
  }

  /** One client's JVM: a {@link PairedWorker}, driven line by line (also by {@link Profile}). */
  static final class Worker implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final String client;

    Worker(String client, String basePath, Path log) throws IOException {
      this.client = client;
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      process = new ProcessBuilder(java, HEAP_MIN, HEAP_MAX, PRE_TOUCH, "-cp", System.getProperty("java.class.path"),
          PairedWorker.class.getName(), client, basePath)
          .redirectError(log.toFile())
          .start();
      out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      String ready = out.readLine();
      if (!"ready".equals(ready)) {
        throw new IOException(client + " worker did not start (" + ready + "); see " + log);
      }
    }

    Slice run(Config config, long millis) throws IOException {
      send(config, millis);
      return receive(config);
    }

    void send(Config config, long millis) throws IOException {
      in.write("run " + config.operation() + " " + config.threads() + " " + millis + "\n");
      in.flush();
    }

    Slice receive(Config config) throws IOException {
      String[] numbers = answer(config.toString()).split(" ");
      double ops = Double.parseDouble(numbers[1]);
      return new Slice(Double.parseDouble(numbers[2]) / ops, Double.parseDouble(numbers[3]) / ops,
          Double.parseDouble(numbers[4]) / ops);
    }

    /** Sends one command and returns the worker's answer, which must start with {@code ok}. */
    String command(String line) throws IOException {
      in.write(line + "\n");
      in.flush();
      return answer(line);
    }

    private String answer(String what) throws IOException {
      String answer = out.readLine();
      if (answer == null || !answer.startsWith("ok")) {
        throw new IOException(client + " worker failed on " + what + ": " + answer);
      }
      return answer;
    }

    @Override
    public void close() throws InterruptedException {
      try {
        in.write("quit\n");
        in.flush();
      } catch (IOException e) {
        // already gone
      }
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
