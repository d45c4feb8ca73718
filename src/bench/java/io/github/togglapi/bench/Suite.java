package io.github.togglapi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every measurement of docs/performance.md in one go and prints each client's cost as a
 * ratio to the floor (hand-written OkHttp + Gson). {@code bash .ci/bench} builds what it needs and
 * runs it.
 *
 * <ol>
 *   <li>Paired slices ({@link Paired}): round trips on 1 and 8 threads, the calling threads' CPU,
 *   decoding; the three clients in three JVMs taking turns. The headline ratios for time and CPU.
 *   <li>JMH ({@link RoundTrip}, {@link Decode}), with the GC profiler and {@link CallerCpuProfiler}:
 *   the same figures again, one fork per client and benchmark in each round, and the bytes
 *   allocated per call and per decode (the headline for allocation).
 *   <li>The run-time class path of each client ({@link ClassPaths}).
 *   <li>Cold start ({@link ColdStart}).
 * </ol>
 *
 * <p>Options (defaults in {@link #Suite}): {@code --sets N --turns N --slice-time S --paired-warmup S
 * --rounds N --warmup-iterations N --warmup-time S --iterations N --time S --cold-runs N
 * --cold-warmups N --only REGEX --paired-only REGEX --skip-paired --skip-jmh --skip-cold --dir DIR};
 * {@code --profile CLIENT:OPERATION[,...] --profile-time S} to profile instead ({@link Profile}); or
 * {@code --compare A.tsv B.tsv} to show how two runs' ratios differ.
 */
public final class Suite {
  private static final String[] ROUND_TRIPS = {"postSignup_t1", "getWorkspaceSso_t1", "postResetToken_t1",
      "postSignup_t8", "getWorkspaceSso_t8", "postResetToken_t8"};
  private static final String DECODE = "ModelsTogglUser, 600 B";
  private static final String[] GROUPS = {"round trip", "client CPU", "allocation", "decode", "decode allocation",
      "class path", "cold start"};

  private final Map<String, String> options = new LinkedHashMap<>();
  /** The headline rows. */
  private final List<Row> rows = new ArrayList<>();
  /** JMH's figures, also for the rows whose headline is paired. */
  private final List<Row> jmhRows = new ArrayList<>();
  private final StringBuilder details = new StringBuilder();

  /**
   * One compared figure, lower is better: the three clients' values, their ratios to the floor,
   * how they spread, and where they come from.
   */
  record Row(String group, String what, String unit, double floor, double ours, double stock, double target,
      double oursRatio, double stockRatio, String spread, String source) {
    String key() {
      return group + ", " + what;
    }
  }

  private Suite(String[] args) {
    options.put("dir", "target/bench");
    options.put("sets", "4");
    options.put("turns", "6");
    options.put("slice-time", "0.5");
    options.put("paired-warmup", "3");
    options.put("rounds", "1");
    options.put("warmup-iterations", "3");
    options.put("warmup-time", "1");
    options.put("iterations", "3");
    options.put("time", "1");
    options.put("cold-runs", "20");
    options.put("cold-warmups", "2");
    options.put("only", "");
    options.put("paired-only", "");
    options.put("profile", "");
    options.put("profile-time", "10");
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("Unknown argument " + arg);
      }
      String name = arg.substring(2);
      if (name.startsWith("skip-")) {
        options.put(name, "true");
      } else if (options.containsKey(name) && i + 1 < args.length) {
        options.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("Unknown or incomplete option " + arg);
      }
    }
  }

  /**
   * Runs the suite.
   *
   * @param args see the class comment
   * @throws Exception if a measurement fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("--compare")) {
      compare(Path.of(args[1]), Path.of(args[2]));
      return;
    }
    new Suite(args).run();
  }

  private void run() throws Exception {
    if (!options.get("profile").isEmpty()) {
      profile();
      return;
    }
    Path dir = Path.of(options.get("dir"));
    ClassPaths classPaths = new ClassPaths(dir); // fails early if the build outputs are missing
    String started = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path results = Files.createDirectories(dir.resolve("results"));
    Path logs = Files.createDirectories(results.resolve("logs-" + started));
    long begin = System.nanoTime();
    try (CannedServer server = new CannedServer()) {
      String url = server.basePath();
      System.out.printf(Locale.ROOT, "Canned server at %s; %d cores, %s %s%n", url,
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
          System.getProperty("java.version"));
      if (!options.containsKey("skip-paired")) {
        paired(url, logs);
      }
      if (!options.containsKey("skip-jmh")) {
        jmh(url, logs);
      }
      classPath(classPaths);
      if (!options.containsKey("skip-cold")) {
        coldStart(classPaths, url);
      }
    }
    merge();
    String table = table();
    System.out.println();
    System.out.println(table);
    String header = String.format(Locale.ROOT, "# Benchmark run %s%n%nOptions: %s%n%nMachine: %d cores, %s %s, %s;"
        + " took %.0f s.%n%n", started, options, Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"), System.getProperty("java.version"), System.getProperty("os.name") + " "
        + System.getProperty("os.version"), (System.nanoTime() - begin) / 1e9);
    Path report = results.resolve("bench-" + started + ".md");
    Files.writeString(report, header + table + "\n" + details);
    Path tsv = results.resolve("bench-" + started + ".tsv");
    Files.writeString(tsv, tsv());
    Files.writeString(results.resolve("latest.md"), Files.readString(report));
    Files.writeString(results.resolve("latest.tsv"), tsv());
    System.out.println("Report: " + report + " (logs: " + logs + ")");
    System.out.println("Figures: " + tsv + " (how two runs differ: bash .ci/bench --compare A.tsv B.tsv)");
  }

  /** {@code --profile floor:postResetToken,ours:postResetToken}: where each spends its CPU. */
  private void profile() throws Exception {
    Path results = Files.createDirectories(Path.of(options.get("dir"), "results"));
    int seconds = Integer.parseInt(options.get("profile-time"));
    try (CannedServer server = new CannedServer()) {
      for (String spec : options.get("profile").split(",")) {
        String[] parts = spec.split(":");
        if (parts.length != 2) {
          throw new IllegalArgumentException("--profile takes CLIENT:OPERATION[,CLIENT:OPERATION...], not " + spec);
        }
        String report = Profile.run(server.basePath(), results, parts[0], parts[1], seconds);
        Files.writeString(results.resolve("profile-" + parts[0] + "-" + parts[1] + ".txt"), report);
        System.out.println(report);
      }
    }
    System.out.println("Stacks and reports: " + results + "/profile-*");
  }

  // ---------------------------------------------------------------------------------------------
  // Paired slices

  private void paired(String url, Path logs) throws Exception {
    int sets = Integer.parseInt(options.get("sets"));
    int turns = Integer.parseInt(options.get("turns"));
    java.util.regex.Pattern only = java.util.regex.Pattern.compile(options.get("paired-only"));
    List<Paired.Config> configs = Paired.CONFIGS.stream().filter(c -> only.matcher(c.name()).find()).toList();
    Map<Paired.Config, Map<String, List<Paired.Slice>>> results = Paired.measure(configs, url, logs, sets, turns,
        millis(options.get("slice-time")), millis(options.get("paired-warmup")));
    details.append("\n## Paired slices: ours/floor and stock/floor of each turn\n\n");
    for (Map.Entry<Paired.Config, Map<String, List<Paired.Slice>>> entry : results.entrySet()) {
      Paired.Config config = entry.getKey();
      Map<String, List<Paired.Slice>> byClient = entry.getValue();
      boolean decode = config.operation().equals("decode");
      if (decode) {
        addPaired("decode", config.name(), "ns/decode", byClient, Paired.Slice::nanos, 1, 1.00, sets);
      } else {
        addPaired("round trip", config.name(), "µs/call", byClient, Paired.Slice::nanos, 1000, 1.05, sets);
        addPaired("client CPU", config.name(), "ns/call", byClient, Paired.Slice::cpu, 1, 1.10, sets);
      }
      details.append(String.format(Locale.ROOT, "- %s, time: ours %s; stock %s%n", config.name(),
          sliceRatios(byClient, "ours", Paired.Slice::nanos), sliceRatios(byClient, "stock", Paired.Slice::nanos)));
      if (!decode) {
        details.append(String.format(Locale.ROOT, "- %s, CPU: ours %s; stock %s%n", config.name(),
            sliceRatios(byClient, "ours", Paired.Slice::cpu), sliceRatios(byClient, "stock", Paired.Slice::cpu)));
      }
    }
  }

  private void addPaired(String group, String what, String unit, Map<String, List<Paired.Slice>> byClient,
      ToDoubleFunction<Paired.Slice> metric, double divisor, double target, int sets) {
    double[] values = new double[3];
    for (int i = 0; i < 3; i++) {
      values[i] = median(byClient.get(BenchClient.NAMES[i]).stream().mapToDouble(metric).toArray()) / divisor;
    }
    double[] ours = ratios(byClient, "ours", metric);
    double[] stock = ratios(byClient, "stock", metric);
    int perSet = ours.length / sets;
    String bySet = sets < 2 ? "" : "; sets " + java.util.stream.IntStream.range(0, sets)
        .mapToObj(set -> String.format(Locale.ROOT, "%.2f",
            median(Arrays.copyOfRange(ours, set * perSet, (set + 1) * perSet))))
        .collect(Collectors.joining(" / "));
    rows.add(new Row(group, what, unit, values[0], values[1], values[2], target, median(ours), median(stock),
        String.format(Locale.ROOT, "quartiles %.2f–%.2f%s", percentile(ours, 0.25), percentile(ours, 0.75), bySet),
        "paired, " + sets + "×" + perSet + " turns"));
  }

  private static double[] ratios(Map<String, List<Paired.Slice>> byClient, String client,
      ToDoubleFunction<Paired.Slice> metric) {
    List<Paired.Slice> floor = byClient.get("floor");
    List<Paired.Slice> other = byClient.get(client);
    double[] ratios = new double[floor.size()];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = metric.applyAsDouble(other.get(i)) / metric.applyAsDouble(floor.get(i));
    }
    return ratios;
  }

  private static String sliceRatios(Map<String, List<Paired.Slice>> byClient, String client,
      ToDoubleFunction<Paired.Slice> metric) {
    return Arrays.stream(ratios(byClient, client, metric)).mapToObj(r -> String.format(Locale.ROOT, "%.2f", r))
        .collect(Collectors.joining(" "));
  }

  // ---------------------------------------------------------------------------------------------
  // JMH

  /** One measured JMH iteration: the score and the two profilers' figures. */
  record Sample(double score, double cpu, double alloc) {
  }

  /**
   * Runs every benchmark with every client, one fork each, in rounds: each round runs them all
   * once, the clients of a benchmark one after the other in a rotating order. A client's figure is
   * the median of all its measured iterations; its ratio to the floor is the median of the rounds'
   * ratios.
   */
  private void jmh(String url, Path logs) throws Exception {
    List<String> methods = new ArrayList<>();
    for (String method : ROUND_TRIPS) {
      methods.add(RoundTrip.class.getName() + "." + method);
    }
    methods.add(Decode.class.getName() + ".modelsTogglUser");
    Pattern only = Pattern.compile(options.get("only"));
    methods.removeIf(method -> !only.matcher(method).find());
    int rounds = Integer.parseInt(options.get("rounds"));
    // method -> client -> round -> measured iterations
    Map<String, Map<String, List<List<Sample>>>> samples = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      for (int m = 0; m < methods.size(); m++) {
        String method = methods.get(m);
        String shortName = method.substring(method.lastIndexOf('.', method.lastIndexOf('.') - 1) + 1);
        long start = System.nanoTime();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[JMH round %d/%d, %d/%d] %-30s",
            round + 1, rounds, m + 1, methods.size(), shortName));
        for (int turn = 0; turn < BenchClient.NAMES.length; turn++) {
          String client = BenchClient.NAMES[Math.floorMod(round + m + turn, BenchClient.NAMES.length)];
          List<Sample> measured = fork(method, client, url,
              logs.resolve("jmh-" + shortName + "-" + client + "-round" + (round + 1) + ".log"));
          samples.computeIfAbsent(shortName, k -> new LinkedHashMap<>())
              .computeIfAbsent(client, k -> new ArrayList<>()).add(measured);
          line.append(String.format(Locale.ROOT, "  %s %.1f", client,
              median(measured.stream().mapToDouble(Sample::score).toArray())));
        }
        System.out.println(line.append(String.format(Locale.ROOT, " %s  (%.0f s)",
            shortName.startsWith("Decode") ? "ns/op" : "us/op", (System.nanoTime() - start) / 1e9)));
      }
    }

    details.append("\n## JMH: median of the measured iterations, per round\n\n");
    details.append("| benchmark | client | time/op | cpu.caller.norm (ns/op) | gc.alloc.rate.norm (B/op) |\n");
    details.append("|---|---|---|---|---|\n");
    for (Map.Entry<String, Map<String, List<List<Sample>>>> entry : samples.entrySet()) {
      for (String client : BenchClient.NAMES) {
        List<List<Sample>> byRound = entry.getValue().get(client);
        details.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", entry.getKey(), client,
            perRound(byRound, Sample::score), perRound(byRound, Sample::cpu), perRound(byRound, Sample::alloc)));
      }
    }

    for (String method : ROUND_TRIPS) {
      Map<String, List<List<Sample>>> byClient = samples.get("RoundTrip." + method);
      if (byClient != null) {
        String what = describe(method);
        addJmh("round trip", what, "µs/call", byClient, Sample::score, 1.05);
        addJmh("client CPU", what, "ns/call", byClient, Sample::cpu, 1.10);
        addJmh("allocation", what, "B/call", byClient, Sample::alloc, 1.20);
      }
    }
    Map<String, List<List<Sample>>> decode = samples.get("Decode.modelsTogglUser");
    if (decode != null) {
      addJmh("decode", DECODE, "ns/decode", decode, Sample::score, 1.00);
      addJmh("decode allocation", DECODE, "B/decode", decode, Sample::alloc, Double.NaN);
    }
  }

  /** One fork of one benchmark with one client; returns its measured iterations. */
  private List<Sample> fork(String method, String client, String url, Path log) throws Exception {
    ChainedOptionsBuilder jmh = new OptionsBuilder()
        .include("^" + Pattern.quote(method) + "$")
        .param("client", client)
        .forks(1)
        .warmupIterations(warmupIterations(method))
        .warmupTime(TimeValue.milliseconds(millis(options.get("warmup-time"))))
        .measurementIterations(Integer.parseInt(options.get("iterations")))
        .measurementTime(TimeValue.milliseconds(millis(options.get("time"))))
        .addProfiler(GCProfiler.class)
        .addProfiler(CallerCpuProfiler.class)
        .jvmArgs(Paired.HEAP_MIN, Paired.HEAP_MAX, Paired.PRE_TOUCH, "-Dbench.url=" + url)
        .shouldFailOnError(true)
        .verbosity(VerboseMode.NORMAL)
        .output(log.toString());
    Collection<RunResult> results = new Runner(jmh.build()).run();
    List<Sample> measured = new ArrayList<>();
    for (RunResult result : results) {
      for (BenchmarkResult fork : result.getBenchmarkResults()) {
        for (IterationResult iteration : fork.getIterationResults()) {
          measured.add(new Sample(iteration.getPrimaryResult().getScore(),
              secondary(iteration, "cpu.caller.norm"), secondary(iteration, "gc.alloc.rate.norm")));
        }
      }
    }
    if (measured.isEmpty()) {
      throw new IllegalStateException("No result for " + method + " with " + client + "; see " + log);
    }
    return measured;
  }

  /**
   * Decoding reaches its steady speed later than a round trip (in the first forks measured, the
   * decoders were still speeding up after three warm-up seconds): it gets twice the warm-up.
   */
  private int warmupIterations(String method) {
    int iterations = Integer.parseInt(options.get("warmup-iterations"));
    return method.startsWith(Decode.class.getName()) ? 2 * iterations : iterations;
  }

  private static double secondary(IterationResult iteration, String name) {
    Result found = iteration.getSecondaryResults().get(name);
    if (found == null) {
      throw new IllegalStateException("No " + name + " in " + iteration.getBenchmarkParams().getBenchmark());
    }
    return found.getScore();
  }

  private static String perRound(List<List<Sample>> byRound, ToDoubleFunction<Sample> metric) {
    return byRound.stream().map(round -> number(median(round.stream().mapToDouble(metric).toArray())))
        .collect(Collectors.joining(" / "));
  }

  private static String describe(String method) {
    String[] parts = method.split("_t");
    return parts[0] + ", " + parts[1] + (parts[1].equals("1") ? " thread" : " threads");
  }

  private void addJmh(String group, String what, String unit, Map<String, List<List<Sample>>> byClient,
      ToDoubleFunction<Sample> metric, double target) {
    double[] values = new double[3];
    List<double[]> rounds = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      List<List<Sample>> byRound = byClient.get(BenchClient.NAMES[i]);
      values[i] = median(byRound.stream().flatMap(List::stream).mapToDouble(metric).toArray());
      for (int r = 0; r < byRound.size(); r++) {
        if (rounds.size() <= r) {
          rounds.add(new double[3]);
        }
        rounds.get(r)[i] = median(byRound.get(r).stream().mapToDouble(metric).toArray());
      }
    }
    double[] ours = rounds.stream().mapToDouble(r -> r[1] / r[0]).toArray();
    double[] stock = rounds.stream().mapToDouble(r -> r[2] / r[0]).toArray();
    jmhRows.add(new Row(group, what, unit, values[0], values[1], values[2], target, median(ours), median(stock),
        Arrays.stream(ours).mapToObj(r -> String.format(Locale.ROOT, "%.2f", r)).collect(Collectors.joining(" / ")),
        "JMH, " + rounds.size() + (rounds.size() == 1 ? " round" : " rounds")));
  }

  // ---------------------------------------------------------------------------------------------
  // Class path and cold start

  private void classPath(ClassPaths classPaths) {
    ClassPaths.ClassPath[] paths = {classPaths.floor, classPaths.ours, classPaths.stock};
    rows.add(new Row("class path", "bytes of jars", "bytes", paths[0].bytes(), paths[1].bytes(), paths[2].bytes(),
        1.05, (double) paths[1].bytes() / paths[0].bytes(), (double) paths[2].bytes() / paths[0].bytes(), "",
        "jar sizes"));
    rows.add(new Row("class path", "number of jars", "jars", paths[0].jars().size(), paths[1].jars().size(),
        paths[2].jars().size(), Double.NaN, (double) paths[1].jars().size() / paths[0].jars().size(),
        (double) paths[2].jars().size() / paths[0].jars().size(), "", "jar count"));
    details.append("\n## Run-time class paths\n");
    for (ClassPaths.ClassPath path : paths) {
      details.append(String.format(Locale.ROOT, "%n%s: %d jars, %,d bytes%n%n", path.client(), path.jars().size(),
          path.bytes()));
      for (ClassPaths.Jar jar : path.jars()) {
        details.append(String.format(Locale.ROOT, "- %s: %,d bytes (%s)%n", jar.name(), jar.bytes(),
            jar.file().getFileName()));
      }
    }
    details.append("\nOurs beyond the floor: ");
    classPaths.oursBeyondFloor.forEach(jar -> details.append(jar.name()).append(' '));
    details.append('\n');
    System.out.printf(Locale.ROOT, "Class path: floor %,d B, ours %,d B, stock %,d B%n", paths[0].bytes(),
        paths[1].bytes(), paths[2].bytes());
  }

  private void coldStart(ClassPaths classPaths, String url) throws Exception {
    int runs = Integer.parseInt(options.get("cold-runs"));
    System.out.printf(Locale.ROOT, "Cold start: %d runs per client, taking turns...%n", runs);
    Map<String, double[]> times = ColdStart.measure(classPaths, url, runs,
        Integer.parseInt(options.get("cold-warmups")));
    double[] medians = new double[3];
    details.append("\n## Cold start (ms, each run in order)\n\n");
    for (int i = 0; i < 3; i++) {
      double[] all = times.get(BenchClient.NAMES[i]);
      medians[i] = median(all);
      details.append(String.format(Locale.ROOT, "- %s: median %.1f, min %.1f, max %.1f, all %s%n",
          BenchClient.NAMES[i], medians[i], Arrays.stream(all).min().orElse(0), Arrays.stream(all).max().orElse(0),
          Arrays.stream(all).mapToObj(t -> String.format(Locale.ROOT, "%.0f", t)).collect(Collectors.joining(" "))));
    }
    // The two halves of the runs, to show how much two shorter runs differ.
    StringBuilder halves = new StringBuilder();
    for (int half = 0; half < 2; half++) {
      double[] medianOfHalf = new double[3];
      for (int i = 0; i < 3; i++) {
        double[] all = times.get(BenchClient.NAMES[i]);
        medianOfHalf[i] = median(half == 0 ? Arrays.copyOfRange(all, 0, runs / 2)
            : Arrays.copyOfRange(all, runs / 2, runs));
      }
      halves.append(half == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%.2f", medianOfHalf[1] / medianOfHalf[0]));
    }
    rows.add(new Row("cold start", "fresh JVM, one postSignup", "ms", medians[0], medians[1], medians[2], 1.03,
        medians[1] / medians[0], medians[2] / medians[0], halves + " (halves)", "median of " + runs + " runs"));
    double[] minimal = times.get(ColdStart.MINIMAL_FLOOR);
    double minimalMedian = median(minimal);
    details.append(String.format(Locale.ROOT, "- %s: median %.1f, all %s%n", ColdStart.MINIMAL_FLOOR, minimalMedian,
        Arrays.stream(minimal).mapToObj(t -> String.format(Locale.ROOT, "%.0f", t)).collect(Collectors.joining(" "))));
    double[] oursToMinimal = new double[runs];
    for (int run = 0; run < runs; run++) {
      oursToMinimal[run] = times.get(BenchClient.NAMES[1])[run] / minimal[run];
    }
    rows.add(new Row("cold start", "fresh JVM, one postSignup, against a minimal hand-written client", "ms",
        minimalMedian, medians[1], medians[2], 1.03, medians[1] / minimalMedian, medians[2] / minimalMedian,
        String.format(Locale.ROOT, "%.2f (median of each run's ratio)", median(oursToMinimal)), "median of " + runs + " runs"));
    double[] meOurs = times.get(ColdStart.OURS_GET_ME);
    double[] meMinimal = times.get(ColdStart.MINIMAL_FLOOR_GET_ME);
    double[] meRatios = new double[runs];
    for (int run = 0; run < runs; run++) {
      meRatios[run] = meOurs[run] / meMinimal[run];
    }
    details.append(String.format(Locale.ROOT, "- %s: median %.1f; %s: median %.1f%n", ColdStart.OURS_GET_ME,
        median(meOurs), ColdStart.MINIMAL_FLOOR_GET_ME, median(meMinimal)));
    rows.add(new Row("cold start", "fresh JVM, one getMe (one API of 35), against a minimal hand-written client", "ms",
        median(meMinimal), median(meOurs), Double.NaN, 1.03, median(meOurs) / median(meMinimal), Double.NaN,
        String.format(Locale.ROOT, "%.2f (median of each run's ratio)", median(meRatios)), "median of " + runs + " runs"));
    System.out.printf(Locale.ROOT, "Cold start medians: floor %.1f ms, minimal floor %.1f ms, ours %.1f ms, stock %.1f ms;"
        + " getMe: minimal floor %.1f ms, ours %.1f ms%n", medians[0], minimalMedian, medians[1], medians[2],
        median(meMinimal), median(meOurs));
  }

  // ---------------------------------------------------------------------------------------------
  // Report

  /** Headline rows: paired where measured, JMH for the rest; in the order of {@link #GROUPS}. */
  private void merge() {
    Map<String, Row> headline = new LinkedHashMap<>();
    for (Row row : rows) {
      headline.put(row.key(), row);
    }
    for (Row row : jmhRows) {
      headline.putIfAbsent(row.key(), row);
    }
    rows.clear();
    for (String group : GROUPS) {
      headline.values().stream().filter(row -> row.group().equals(group)).forEach(rows::add);
    }
  }

  private String table() {
    Map<String, Row> jmh = new LinkedHashMap<>();
    jmhRows.forEach(row -> jmh.put(row.key(), row));
    StringBuilder out = new StringBuilder();
    out.append("| metric | measured | unit | floor | ours | stock | ours/floor | stock/floor | target | ours"
        + " | from | spread of ours/floor | JMH ours/floor by round | JMH stock/floor |\n");
    out.append("|---|---|---|---:|---:|---:|---:|---:|---:|---|---|---|---|---:|\n");
    for (Row row : rows) {
      boolean hasTarget = !Double.isNaN(row.target());
      Row other = jmh.get(row.key());
      boolean second = other != null && other != row;
      out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.2f | %.2f | %s | %s | %s | %s | %s | %s |%n",
          row.group(), row.what(), row.unit(), number(row.floor()), number(row.ours()), number(row.stock()),
          row.oursRatio(), row.stockRatio(), hasTarget ? String.format(Locale.ROOT, "≤ %.2f", row.target()) : "",
          hasTarget ? (row.oursRatio() <= row.target() ? "met" : "MISSED") : "", row.source(), row.spread(),
          second ? String.format(Locale.ROOT, "%.2f (%s)", other.oursRatio(), other.spread()) : "",
          second ? String.format(Locale.ROOT, "%.2f", other.stockRatio()) : ""));
    }
    out.append("\nfloor, ours, stock: medians over the turns (paired), the measured iterations (JMH) or the runs (cold"
        + " start). ours/floor, stock/floor: medians of the ratios of each turn (paired) or round (JMH). Spread:"
        + " quartiles of the turns' ratios and each set's median ratio (paired), each round's ratio (JMH), each"
        + " half's ratio (cold start).\n");
    out.append("\nPer metric (worst row and geometric mean of the rows):\n\n");
    out.append("| metric | target | ours/floor worst | ours/floor geomean | stock/floor geomean | ours |\n");
    out.append("|---|---:|---:|---:|---:|---|\n");
    Map<String, List<Row>> groups = new LinkedHashMap<>();
    for (Row row : rows) {
      if (!Double.isNaN(row.target())) {
        groups.computeIfAbsent(row.group(), group -> new ArrayList<>()).add(row);
      }
    }
    for (Map.Entry<String, List<Row>> group : groups.entrySet()) {
      List<Row> members = group.getValue();
      double worst = members.stream().mapToDouble(Row::oursRatio).max().orElse(Double.NaN);
      double ours = Math.exp(members.stream().mapToDouble(row -> Math.log(row.oursRatio())).average().orElse(0));
      double stock = Math.exp(members.stream().filter(row -> !Double.isNaN(row.stockRatio()))
          .mapToDouble(row -> Math.log(row.stockRatio())).average().orElse(0));
      double target = members.get(0).target();
      out.append(String.format(Locale.ROOT, "| %s | ≤ %.2f | %.2f | %.2f | %.2f | %s |%n", group.getKey(), target,
          worst, ours, stock, worst <= target ? "met" : (ours <= target ? "met on average, not on every row" : "MISSED")));
    }
    return out.toString();
  }

  private static String number(double value) {
    if (value >= 100_000) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
  }

  private String tsv() {
    StringBuilder out = new StringBuilder("group\twhat\tunit\tfloor\tours\tstock\ttarget\tours/floor\tstock/floor\tfrom\n");
    List<Row> all = new ArrayList<>(rows);
    jmhRows.stream().filter(row -> !all.contains(row)).forEach(all::add);
    for (Row row : all) {
      out.append(String.join("\t", row.group(), row.what() + (row.source().startsWith("JMH") && rows.stream()
          .anyMatch(r -> r != row && r.key().equals(row.key())) ? " (JMH)" : ""), row.unit(),
          Double.toString(row.floor()), Double.toString(row.ours()), Double.toString(row.stock()),
          Double.toString(row.target()), Double.toString(row.oursRatio()), Double.toString(row.stockRatio()),
          row.source())).append('\n');
    }
    return out.toString();
  }

  private static void compare(Path first, Path second) throws IOException {
    Map<String, double[]> a = readTsv(first);
    Map<String, double[]> b = readTsv(second);
    System.out.println("| metric | ours/floor A | ours/floor B | difference | stock/floor A | stock/floor B | difference |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    double maxOurs = 0;
    double maxStock = 0;
    double maxOursJmh = 0;
    double maxStockJmh = 0;
    for (Map.Entry<String, double[]> entry : a.entrySet()) {
      double[] other = b.get(entry.getKey());
      if (other == null) {
        continue;
      }
      double oursA = entry.getValue()[0];
      double oursB = other[0];
      double stockA = entry.getValue()[1];
      double stockB = other[1];
      if (entry.getKey().endsWith("(JMH)")) {
        maxOursJmh = Math.max(maxOursJmh, Math.abs(oursA - oursB));
        maxStockJmh = Math.max(maxStockJmh, Math.abs(stockA - stockB));
      } else {
        maxOurs = Math.max(maxOurs, Math.abs(oursA - oursB));
        maxStock = Math.max(maxStock, Math.abs(stockA - stockB));
      }
      System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %+.2f | %.2f | %.2f | %+.2f |%n", entry.getKey(), oursA,
          oursB, oursB - oursA, stockA, stockB, stockB - stockA);
    }
    System.out.printf(Locale.ROOT, "%nLargest difference between the runs, headline figures: ours/floor %.2f,"
        + " stock/floor %.2f; JMH's second opinion (rows marked JMH): ours/floor %.2f, stock/floor %.2f%n", maxOurs,
        maxStock, maxOursJmh, maxStockJmh);
  }

  private static Map<String, double[]> readTsv(Path file) throws IOException {
    Map<String, double[]> rows = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file);
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\t");
      rows.put(cells[0] + ", " + cells[1], new double[] {Double.parseDouble(cells[7]), Double.parseDouble(cells[8])});
    }
    return rows;
  }

  // ---------------------------------------------------------------------------------------------

  private static long millis(String seconds) {
    return Math.round(Double.parseDouble(seconds) * 1000);
  }

  static double median(double[] values) {
    return percentile(values, 0.5);
  }

  /** The percentile by linear interpolation between the closest ranks. */
  static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double rank = p * (sorted.length - 1);
    int low = (int) Math.floor(rank);
    int high = (int) Math.ceil(rank);
    return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
  }
}
