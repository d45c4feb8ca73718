package io.github.togglapi.client.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;

/** Docs that cannot rot: every Java sample compiles, every relative link resolves. */
class DocsTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CLASS_NAME = Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+)?class\\s+(\\w+)");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*$");
  private static final Pattern ANCHOR = Pattern.compile("<a id=\"([^\"]+)\"");

  /**
   * Every sample, compiled in one go (hundreds of them: one per operation in the API pages), each
   * in a package of its own so that two samples may use the same class name.
   */
  @Test
  void everyJavaSampleCompiles() throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    assertNotNull(compiler, "tests must run on a JDK");
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path dir = Files.createTempDirectory("samples");
    java.util.Map<Path, String> origins = new java.util.HashMap<>();
    for (Path doc : docs()) {
      Matcher block = JAVA_BLOCK.matcher(read(doc));
      while (block.find()) {
        String source = block.group(1);
        Matcher name = CLASS_NAME.matcher(source);
        assertTrue(name.find(), "a sample in " + doc + " declares no class:\n" + source);
        String pkg = "sample" + origins.size();
        Path file = Files.createDirectories(dir.resolve(pkg)).resolve(name.group(1) + ".java");
        Files.write(file, ("package " + pkg + ";\n" + source).getBytes(StandardCharsets.UTF_8));
        origins.put(file, doc + " sample " + name.group(1));
      }
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> failures = new ArrayList<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<java.io.File> sources = new ArrayList<>();
      for (Path file : origins.keySet()) {
        sources.add(file.toFile());
      }
      compiler.getTask(null, files, diagnostics,
          Arrays.asList("--release", "8", "-proc:none", "-Xlint:-options", "-classpath", classPath, "-d", dir.toString()),
          null, files.getJavaFileObjectsFromFiles(sources)).call();
    }
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        String where = d.getSource() == null ? "?" : origins.get(Paths.get(d.getSource().toUri()));
        failures.add(where + ", line " + (d.getLineNumber() - 1) + ": " + d.getMessage(Locale.ROOT));
      }
    }
    assertEquals(new ArrayList<String>(), failures);
    assertTrue(origins.size() >= 17, "only " + origins.size() + " samples found");
  }

  @Test
  void everyRelativeLinkResolves() throws IOException {
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path doc : docs()) {
      Matcher link = LINK.matcher(read(doc));
      while (link.find()) {
        String target = link.group(1);
        if (target.matches("[a-z]+:.*") || target.equals("#")) {
          continue; // absolute URLs are not checked here (no network in tests); "#" is the top
        }
        checked++;
        String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
        Path resolved = path.isEmpty() ? doc : doc.toAbsolutePath().getParent().resolve(path).normalize();
        if (!Files.exists(resolved)) {
          broken.add(doc + ": " + target + " (no such file)");
        } else if (anchor != null && !anchors(resolved).contains(anchor)) {
          broken.add(doc + ": " + target + " (no such anchor)");
        }
      }
    }
    assertEquals(new ArrayList<String>(), broken);
    assertTrue(checked > 100, "only " + checked + " links checked");
  }

  /** GitHub's anchors: explicit ids, and headings lower-cased with punctuation dropped. */
  private static Set<String> anchors(Path file) throws IOException {
    Set<String> anchors = new HashSet<>();
    if (!file.toString().endsWith(".md")) {
      return anchors;
    }
    String text = read(file);
    Matcher id = ANCHOR.matcher(text);
    while (id.find()) {
      anchors.add(id.group(1));
    }
    Matcher heading = HEADING.matcher(text.replaceAll("(?s)```.*?```", ""));
    while (heading.find()) {
      anchors.add(heading.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
    }
    return anchors;
  }

  /** Docs describe the product, not the tracker its work came from: no "issue 5" for a reader to chase. */
  @Test
  void docsNeverSpeakOfTheIssueTracker() throws IOException {
    Pattern tracker = Pattern.compile("(?i)\\b(?:issue|ticket)s?\\s*#?\\d+|\\bthe issue\\b");
    List<Path> files = new ArrayList<>(docs());
    files.addAll(Arrays.asList(Paths.get("CHANGELOG.md"), Paths.get(".ci/run"), Paths.get(".ci/bench"), Paths.get("pom.xml")));
    List<String> found = new ArrayList<>();
    for (Path file : files) {
      Matcher match = tracker.matcher(read(file));
      while (match.find()) {
        found.add(file + ": " + match.group());
      }
    }
    assertEquals(new ArrayList<String>(), found);
  }

  /** The README's opening counts (operations, API classes) are the description's, not a memory of them. */
  @Test
  void theReadmeCountsWhatTheDescriptionHolds() throws IOException {
    String spec = read(Paths.get("api/openapi.yaml"));
    Matcher id = Pattern.compile("(?m)^\\s+operationId: ").matcher(spec);
    int operations = 0;
    while (id.find()) {
      operations++;
    }
    long apis;
    try (Stream<Path> files = Files.list(Paths.get("src/main/java/io/github/togglapi/client/api"))) {
      apis = files.filter(f -> f.toString().endsWith("Api.java")).count();
    }
    String opening = read(Paths.get("README.md")).substring(0, 400).replaceAll("\\s+", " ");
    assertTrue(opening.contains(operations + " operations in " + apis + " API classes"), opening);
  }

  private static List<Path> docs() throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(Paths.get("README.md"));
    try (Stream<Path> files = Files.list(Paths.get("docs"))) {
      docs.addAll(files.filter(f -> f.toString().endsWith(".md")).sorted().collect(Collectors.toList()));
    }
    return docs;
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }
}
