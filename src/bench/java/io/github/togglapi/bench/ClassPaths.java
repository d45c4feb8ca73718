package io.github.togglapi.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The run-time class path of each client, from the build's outputs in {@code target/bench}:
 * <ul>
 *   <li>ours: our jar and this project's runtime dependencies ({@code ours-runtime.txt}, from
 *   {@code dependency:list}) less the optional ones, which users do not inherit;
 *   <li>floor: OkHttp, Okio, the Kotlin standard library and Gson, with their own dependencies:
 *   the same jars as ours, without ours;
 *   <li>stock: the stock client's classes as a jar and the runtime dependencies its generated
 *   pom.xml resolves to ({@code stock-runtime.txt}).
 * </ul>
 * The floor's few hand-written classes are the application's and are not counted.
 */
final class ClassPaths {
  /** The groups of OkHttp, Okio, Kotlin's standard library and Gson, and of their dependencies. */
  private static final Set<String> FLOOR_GROUPS = Set.of("com.squareup.okhttp3", "com.squareup.okio",
      "org.jetbrains.kotlin", "org.jetbrains", "com.google.code.gson", "com.google.errorprone");

  /** One jar on a class path. */
  record Jar(String name, Path file, boolean optional) {
    long bytes() {
      try {
        return Files.size(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** One client's run-time class path. */
  record ClassPath(String client, List<Jar> jars) {
    long bytes() {
      return jars.stream().mapToLong(Jar::bytes).sum();
    }

    String asArgument(Path... first) {
      return Stream.concat(Stream.of(first), jars.stream().map(Jar::file)).map(Path::toString)
          .collect(Collectors.joining(java.io.File.pathSeparator));
    }
  }

  final ClassPath ours;
  final ClassPath floor;
  final ClassPath stock;
  /** The hand-written floor client and the cold-start mains: on the cold-start class paths only. */
  final Path floorJar;
  final Path coldJar;
  /** What our run-time class path holds beyond the floor (should be only our jar). */
  final List<Jar> oursBeyondFloor;

  ClassPaths(Path dir) throws IOException {
    List<Jar> oursDeps = dependencies(dir.resolve("ours-runtime.txt"));
    List<Jar> stockDeps = dependencies(dir.resolve("stock-runtime.txt"));
    Path oursJar = artifact(dir, "");
    Path stockJar = artifact(dir, "-stock");
    floorJar = artifact(dir, "-floor");
    coldJar = artifact(dir, "-cold");

    List<Jar> oursJars = new ArrayList<>();
    oursJars.add(new Jar("toggl-api-java (ours)", oursJar, false));
    oursDeps.stream().filter(jar -> !jar.optional()).forEach(oursJars::add);
    ours = new ClassPath("ours", oursJars);

    floor = new ClassPath("floor", oursDeps.stream()
        .filter(jar -> !jar.optional() && FLOOR_GROUPS.contains(jar.name().split(":")[0]))
        .collect(Collectors.toList()));
    oursBeyondFloor = ours.jars().stream().filter(jar -> !floor.jars().contains(jar)).collect(Collectors.toList());

    List<Jar> stockJars = new ArrayList<>();
    stockJars.add(new Jar("stock client (generated, compiled)", stockJar, false));
    stockDeps.stream().filter(jar -> !jar.optional()).forEach(stockJars::add);
    stock = new ClassPath("stock", stockJars);
  }

  ClassPath of(String client) {
    switch (client) {
      case "ours":
        return ours;
      case "floor":
        return floor;
      case "stock":
        return stock;
      default:
        throw new IllegalArgumentException(client);
    }
  }

  /**
   * Reads {@code mvn dependency:list -DoutputAbsoluteArtifactFilename=true} output: lines such as
   * {@code    com.google.code.gson:gson:jar:2.13.2:compile:/path/gson-2.13.2.jar -- module ...},
   * with {@code (optional)} after the path of optional dependencies.
   */
  static List<Jar> dependencies(Path listing) throws IOException {
    if (!Files.isRegularFile(listing)) {
      throw new IOException(listing + " is missing: run bash .ci/bench, which writes it");
    }
    List<Jar> jars = new ArrayList<>();
    for (String line : Files.readAllLines(listing)) {
      String entry = line.trim();
      int module = entry.indexOf(" -- ");
      if (module >= 0) {
        entry = entry.substring(0, module).trim();
      }
      int path = entry.indexOf(":/");
      if (path < 0) {
        continue;
      }
      boolean optional = entry.endsWith(" (optional)");
      String file = entry.substring(path + 1, optional ? entry.length() - " (optional)".length() : entry.length());
      String[] coordinates = entry.substring(0, path).split(":");
      String name = coordinates[0] + ":" + coordinates[1] + ":" + coordinates[coordinates.length - 2];
      jars.add(new Jar(name, Path.of(file.trim()), optional));
    }
    if (jars.isEmpty()) {
      throw new IOException("No dependency in " + listing);
    }
    return jars;
  }

  /** The project's jar with the given classifier ("" for the library itself). */
  private static Path artifact(Path dir, String classifier) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found = files.filter(file -> {
        String name = file.getFileName().toString();
        if (!name.startsWith("toggl-api-java-") || !name.endsWith(classifier + ".jar")) {
          return false;
        }
        // The library's own jar: no classifier after the version (which may end in -SNAPSHOT).
        return !classifier.isEmpty() || name.matches("toggl-api-java-[0-9][^-]*(-SNAPSHOT)?\\.jar");
      }).collect(Collectors.toList());
      if (found.size() != 1) {
        throw new IOException("Expected one toggl-api-java-*" + classifier + ".jar in " + dir + ", found " + found);
      }
      return found.get(0);
    }
  }
}
