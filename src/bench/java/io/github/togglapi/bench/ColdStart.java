package io.github.togglapi.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cold start: a fresh JVM (the same {@code java}, no options) that makes one {@code postSignup}
 * call to the canned server and ends, timed by the wall clock from starting the process to its
 * exit. Each client runs with only its own class path. The clients take turns, in a rotating
 * order, so that a noisy moment falls on all of them; the median of the runs is reported. Beside
 * the floor, ours and the stock client, a minimal hand-written client runs too: the floor pays for
 * annotations and DateTimeFormatter at a cold start, which hid a 7 % gap once.
 */
final class ColdStart {
  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  /** The least a developer writes by hand ({@code ColdMinimalFloor}): a second floor, cold start only. */
  static final String MINIMAL_FLOOR = "minimal floor";
  /** Our SDK making one {@code getMe}, and the minimal hand-written client doing the same. */
  static final String OURS_GET_ME = "ours getMe";
  static final String MINIMAL_FLOOR_GET_ME = "minimal floor getMe";

  private ColdStart() {
  }

  /**
   * Runs the cold starts.
   *
   * @return the wall-clock times in milliseconds of each client's measured runs
   */
  static Map<String, double[]> measure(ClassPaths classPaths, String basePath, int runs, int warmups)
      throws IOException, InterruptedException {
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("floor", command(classPaths.floor.asArgument(classPaths.coldJar, classPaths.floorJar),
        "io.github.togglapi.bench.cold.ColdFloor", basePath));
    commands.put("ours", command(classPaths.ours.asArgument(classPaths.coldJar),
        "io.github.togglapi.bench.cold.ColdOurs", basePath));
    commands.put("stock", command(classPaths.stock.asArgument(classPaths.coldJar),
        "io.github.togglapi.bench.cold.ColdStock", basePath));
    commands.put(MINIMAL_FLOOR, command(classPaths.floor.asArgument(classPaths.coldJar),
        "io.github.togglapi.bench.cold.ColdMinimalFloor", basePath));
    // One getMe among the 35 APIs, against the least a developer writes by hand for it.
    commands.put(OURS_GET_ME, command(classPaths.ours.asArgument(classPaths.coldJar),
        "io.github.togglapi.bench.cold.ColdOursGetMe", basePath, Canned.API_TOKEN));
    commands.put(MINIMAL_FLOOR_GET_ME, command(classPaths.floor.asArgument(classPaths.coldJar),
        "io.github.togglapi.bench.cold.ColdMinimalFloorGetMe", basePath, Canned.API_TOKEN));
    List<String> clients = new ArrayList<>(commands.keySet());
    Map<String, double[]> times = new LinkedHashMap<>();
    for (String client : clients) {
      times.put(client, new double[runs]);
    }
    Path output = Files.createTempFile("cold-start", ".out");
    try {
      for (int round = -warmups; round < runs; round++) {
        for (int turn = 0; turn < clients.size(); turn++) {
          String client = clients.get(Math.floorMod(round + turn, clients.size()));
          double millis = once(commands.get(client), output);
          if (round >= 0) {
            times.get(client)[round] = millis;
          }
        }
      }
    } finally {
      Files.deleteIfExists(output);
    }
    return times;
  }

  private static List<String> command(String classPath, String main, String... args) {
    List<String> command = new ArrayList<>(Arrays.asList(JAVA, "-cp", classPath, main));
    command.addAll(Arrays.asList(args));
    return command;
  }

  private static double once(List<String> command, Path output) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    long start = System.nanoTime();
    Process process = builder.start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IOException("Cold start did not end in 2 minutes: " + command);
    }
    long end = System.nanoTime();
    String printed = new String(Files.readAllBytes(output), StandardCharsets.UTF_8).trim();
    if (process.exitValue() != 0 || !printed.equals(Long.toString(Canned.USER_ID))) {
      throw new IOException("Cold start failed (exit " + process.exitValue() + "): " + command + "\n" + printed);
    }
    return (end - start) / 1e6;
  }
}
