package io.github.togglapi.client.build.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * api/openapi.yaml is exactly what Toggl's description, our corrections and our authentication
 * fragment make, and the parts keep their promises: the upstream copy is untouched, every correction
 * gives its reason and still applies, the fragment survives the merge unchanged.
 */
class SpecPipelineTest {
  private static final Path BASE = Paths.get("");
  private static final String UPSTREAM_SHA256 = "3129d8f584f99ed8efac4e4ed5048a1aca1ca861cc62d52b52152cf088a96e1c";

  private static String built;
  private static String builtJson;
  private static JsonNode result;
  private static JsonNode fragment;

  @BeforeAll
  static void build() throws IOException {
    ObjectNode tree = SpecPipeline.tree(BASE, line -> { });
    built = SpecPipeline.yaml(tree);
    builtJson = SpecPipeline.json(tree);
    result = SpecPipeline.YAML.readTree(built);
    fragment = SpecPipeline.YAML.readTree(BASE.resolve(SpecPipeline.FRAGMENT).toFile());
  }

  /**
   * The drift check, which also proves the output deterministic (the committed bytes came from an
   * earlier run): run mvn -B -Pspec process-test-classes and commit api/openapi.yaml.
   */
  @Test
  void theCommittedDescriptionIsWhatThePipelineMakes() {
    String committed = SpecPipeline.read(BASE, SpecPipeline.OUTPUT);
    assertTrue(committed.equals(built),
        "api/openapi.yaml differs from what api/upstream, api/corrections and api/authentication.yaml make:"
            + " run mvn -B -Pspec process-test-classes and commit the result");
  }

  /** The JSON rendering the test-jar's validator reads is made in the same run, from the same tree. */
  @Test
  void theCommittedJsonIsWhatThePipelineMakes() {
    String committed = SpecPipeline.read(BASE, SpecPipeline.JSON_OUTPUT);
    assertTrue(committed.equals(builtJson),
        "api/openapi.json differs from what the pipeline makes: run mvn -B -Pspec process-test-classes and commit it");
  }

  /**
   * The committed JSON and YAML say the same, read back by their own parsers: the embedded server
   * checks traffic against exactly the description the SDK is generated from.
   */
  @Test
  void theJsonSaysWhatTheYamlSays() throws IOException {
    JsonNode yaml = SpecPipeline.YAML.readTree(BASE.resolve(SpecPipeline.OUTPUT).toFile());
    JsonNode json = SpecPipeline.JSON.readTree(BASE.resolve(SpecPipeline.JSON_OUTPUT).toFile());
    assertEquals(325, json.get("paths").findValues("operationId").size());
    assertTrue(yaml.equals(json), "api/openapi.json and api/openapi.yaml describe different APIs");
  }

  /** Toggl's description is kept verbatim; a hand edit fails here (see api/upstream/README.md). */
  @Test
  void theUpstreamCopyIsUntouched() throws IOException, NoSuchAlgorithmException {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(BASE.resolve(SpecPipeline.UPSTREAM))) {
      byte[] buffer = new byte[65536];
      for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
        sha256.update(buffer, 0, read);
      }
    }
    StringBuilder hex = new StringBuilder();
    for (byte b : sha256.digest()) {
      hex.append(String.format(Locale.ROOT, "%02x", b));
    }
    assertEquals(UPSTREAM_SHA256, hex.toString());
    assertTrue(SpecPipeline.read(BASE, "api/upstream/README.md").contains(UPSTREAM_SHA256));
  }

  /** Overlay.read checks each document: Overlay 1.0, info, and a reason for every action. */
  @Test
  void everyCorrectionIsAnOverlayWithAReasonForEachAction() throws IOException {
    int actions = 0;
    for (String folder : Arrays.asList(SpecPipeline.SWAGGER2_CORRECTIONS, SpecPipeline.OPENAPI3_CORRECTIONS)) {
      for (Overlay overlay : SpecPipeline.overlays(BASE, folder)) {
        for (JsonNode action : overlay.actions()) {
          assertTrue(action.path("description").asText().trim().length() > 10, overlay.name() + ": " + action);
          actions++;
        }
      }
    }
    assertTrue(actions > 400, actions + " actions");
  }

  /** The seed's operations and models reach api/openapi.yaml exactly as the fragment has them. */
  @Test
  void theFragmentSurvivesTheMergeUnchanged() {
    int operations = 0;
    for (Map.Entry<String, JsonNode> path : fragment.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> member : path.getValue().properties()) {
        assertEquals(member.getValue(), result.get("paths").get(path.getKey()).get(member.getKey()),
            member.getKey() + " " + path.getKey());
        if (!member.getKey().equals("parameters")) {
          operations++;
        }
      }
    }
    assertEquals(11, operations);
    for (Map.Entry<String, JsonNode> section : fragment.get("components").properties()) {
      for (Map.Entry<String, JsonNode> component : section.getValue().properties()) {
        assertEquals(component.getValue(), result.get("components").get(section.getKey()).get(component.getKey()),
            section.getKey() + "." + component.getKey());
      }
    }
    assertEquals(fragment.get("security"), result.get("security"));
    assertEquals(fragment.get("servers"), result.get("servers"));
  }

  /**
   * openapi-generator names a model after its schema, camel-cased without the dots (models.TimeEntry is
   * ModelsTimeEntry): two schemas with one such name would be one class, the second overwriting the first.
   */
  @Test
  void everySchemaGetsAClassOfItsOwn() {
    Map<String, List<String>> byClass = new TreeMap<>();
    for (Map.Entry<String, JsonNode> schema : result.get("components").get("schemas").properties()) {
      byClass.computeIfAbsent(className(schema.getKey()), k -> new ArrayList<>()).add(schema.getKey());
    }
    List<String> clashes = new ArrayList<>();
    byClass.forEach((name, schemas) -> {
      if (schemas.size() > 1) {
        clashes.add(name + " " + schemas);
      }
    });
    assertEquals(new ArrayList<String>(), clashes);
  }

  @Test
  void everyReferenceResolves() {
    Set<String> missing = new TreeSet<>();
    Matcher refs = Pattern.compile("\\$ref: [\"']#/components/(\\w+)/([^\"']+)[\"']").matcher(built);
    while (refs.find()) {
      if (result.get("components").path(refs.group(1)).get(refs.group(2)) == null) {
        missing.add(refs.group(2));
      }
    }
    assertTrue(refs.reset().find(), "no $ref found: the output format changed");
    assertEquals(new TreeSet<String>(), missing);
  }

  private static String className(String schema) {
    StringBuilder name = new StringBuilder();
    for (String part : schema.split("[^A-Za-z0-9]+", -1)) {
      if (!part.isEmpty()) {
        name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return name.toString().toLowerCase(Locale.ROOT);
  }

  // ---- The Overlay applier: Overlay 1.0 semantics, and strict where the specification is lenient ----

  private static JsonNode apply(String document, String overlay) throws IOException {
    JsonNode target = SpecPipeline.YAML.readTree(document);
    Path file = Files.createTempFile("overlay", ".yaml");
    try {
      Files.write(file, overlay.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      Overlay.read(file, "test").applyTo(target);
    } finally {
      Files.delete(file);
    }
    return target;
  }

  private static String overlay(String actions) {
    return "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n" + actions;
  }

  @Test
  void updatesMergeIntoObjectsReplaceScalarsAndAppendToArrays() throws IOException {
    JsonNode out = apply("{a: {b: 1, c: {d: 2}, list: [x]}}",
        overlay("  - target: $.a\n    description: merge\n    update: {b: 3, c: {e: 4}, list: [y], new: true}\n"));
    assertEquals(SpecPipeline.YAML.readTree("{a: {b: 3, c: {d: 2, e: 4}, list: [x, y], new: true}}"), out);
  }

  @Test
  void anUpdateOfAnArrayAppendsOneEntry() throws IOException {
    JsonNode out = apply("{list: [{n: 1}]}", overlay("  - target: $.list\n    description: append\n    update: {n: 2}\n"));
    assertEquals(SpecPipeline.YAML.readTree("{list: [{n: 1}, {n: 2}]}"), out);
  }

  @Test
  void removalsTakeArrayItemsByDescendingIndex() throws IOException {
    JsonNode out = apply("{list: [{k: a}, {k: b}, {k: a}, {k: c}, {k: a}]}",
        overlay("  - target: $.list[?(@.k=='a')]\n    description: remove\n    remove: true\n"));
    assertEquals(SpecPipeline.YAML.readTree("{list: [{k: b}, {k: c}]}"), out);
  }

  @Test
  void eachActionSeesTheResultOfThePreviousOne() throws IOException {
    JsonNode out = apply("{a: {x: 1}}", overlay("  - target: $.a\n    description: gone\n    remove: true\n"
        + "  - target: $\n    description: back\n    update: {a: {y: 2}}\n"));
    assertEquals(SpecPipeline.YAML.readTree("{a: {y: 2}}"), out);
  }

  @Test
  void aSelectionOfSeveralNamesSelectsThoseThatExist() throws IOException {
    JsonNode out = apply("{p: {a: {}, b: {}, c: {}}}",
        overlay("  - target: $.p['a','c','zz']\n    description: some\n    update: {hit: true}\n"));
    assertEquals(SpecPipeline.YAML.readTree("{p: {a: {hit: true}, b: {}, c: {hit: true}}}"), out);
  }

  @Test
  void anActionThatSelectsNothingFailsTheBuild() {
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> apply("{a: {}}", overlay("  - target: $.b\n    description: stale\n    update: {x: 1}\n")));
    assertTrue(thrown.getMessage().contains("selects nothing"), thrown.getMessage());
    assertThrows(IllegalStateException.class,
        () -> apply("{a: [{k: 1}]}", overlay("  - target: $.a[?(@.k==2)]\n    description: stale\n    remove: true\n")));
  }

  @Test
  void aPrimitiveTargetFailsTheBuild() {
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> apply("{a: {b: 1}}", overlay("  - target: $.a.b\n    description: scalar\n    update: {x: 1}\n")));
    assertTrue(thrown.getMessage().contains("must be an object or an array"), thrown.getMessage());
  }

  @Test
  void anActionWithoutAReasonIsRefused() {
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> apply("{a: {}}", overlay("  - target: $.a\n    update: {x: 1}\n")));
    assertTrue(thrown.getMessage().contains("description"), thrown.getMessage());
    assertThrows(IllegalStateException.class, () -> apply("{a: {}}", "overlay: 2.0.0\ninfo: {title: t, version: '1'}\n"
        + "actions:\n  - target: $.a\n    description: wrong version\n    update: {x: 1}\n"));
  }

  @Test
  void theMergeLetsTheFragmentWin() throws IOException {
    ObjectNode upstream = (ObjectNode) SpecPipeline.YAML.readTree("{info: {title: u}, tags: [{name: A, description: u}, {name: B}],"
        + " paths: {/x: {get: {operationId: u}, put: {operationId: keep}}}, components: {schemas: {S: {type: string}, T: {type: string}}}}");
    SpecPipeline.merge(upstream, (ObjectNode) SpecPipeline.YAML.readTree("{info: {title: f}, servers: [{url: s}], tags: [{name: A, description: f}],"
        + " paths: {/x: {get: {operationId: f}}, /y: {post: {operationId: g}}}, components: {schemas: {S: {type: integer}}}}"), line -> { });
    assertEquals(SpecPipeline.YAML.readTree("{info: {title: u}, tags: [{name: B}, {name: A, description: f}],"
        + " paths: {/x: {get: {operationId: f}, put: {operationId: keep}}, /y: {post: {operationId: g}}},"
        + " components: {schemas: {S: {type: integer}, T: {type: string}}}, servers: [{url: s}]}"), upstream);
  }

  /**
   * The keywords Jackson writes in reflection order come out in one place whatever order they came
   * in; names that happen to read "default" (a property, a response) keep theirs.
   */
  @Test
  void keywordsInReflectionOrderSettleInOnePlace() throws IOException {
    String one = "{type: string, enum: [a, b], default: a, description: d,"
        + " properties: {default: {type: integer}, id: {default: 1, type: integer}},"
        + " responses: {default: {description: x}, '200': {description: y}}}";
    String other = "{default: a, type: string, description: d, enum: [a, b],"
        + " properties: {default: {type: integer}, id: {type: integer, default: 1}},"
        + " responses: {default: {description: x}, '200': {description: y}}}";
    JsonNode first = SpecPipeline.YAML.readTree(one);
    JsonNode second = SpecPipeline.YAML.readTree(other);
    SpecPipeline.settleReflectionOrder(first);
    SpecPipeline.settleReflectionOrder(second);
    String written = SpecPipeline.YAML.writeValueAsString(first);
    assertEquals(written, SpecPipeline.YAML.writeValueAsString(second));
    java.util.List<String> keys = new java.util.ArrayList<>();
    first.fieldNames().forEachRemaining(keys::add);
    assertEquals(java.util.Arrays.asList("type", "description", "properties", "responses", "default", "enum"), keys);
    assertEquals("default", first.get("properties").fieldNames().next(), written);
    assertEquals("default", first.get("responses").fieldNames().next(), written);
  }
}
