package io.github.togglapi.client.build.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * Makes api/openapi.yaml, the description the SDK is generated from, out of three inputs:
 * <ol>
 *   <li>Toggl's published Swagger 2.0 description, kept verbatim in api/upstream;
 *   <li>the Overlay documents of api/corrections/swagger2, applied in file-name order to that copy;
 *       swagger-parser's converter then turns it into OpenAPI 3;
 *   <li>the Overlay documents of api/corrections/openapi3, applied to the converted document;
 *   <li>our authentication fragment, api/authentication.yaml (the seed's operations, which Toggl's
 *       description no longer lists), merged last so that no correction can touch it: its operations
 *       replace upstream's at the same path and method, its components replace upstream's of the same
 *       name, its tags replace upstream's of the same name, and its openapi, servers and security
 *       replace upstream's (info stays: it describes the whole document and the corrections write it).
 * </ol>
 * The output is
 * deterministic: paths, components and status codes sorted, everything else in the order the inputs
 * give it.
 *
 * <p>The same tree is also written as api/openapi.json, for the embedded server of the test-jar: its
 * validator reads the spec with Gson, the SDK's own JSON library, so that the test-jar needs no YAML
 * parser (and none of the libraries that come with one) on its users' class path.
 *
 * <p>Build time only: {@code mvn -B -Pspec process-test-classes} runs {@link #main}; SpecPipelineTest
 * runs {@link #build} and fails when a committed file differs.
 */
public final class SpecPipeline {
  static final String UPSTREAM = "api/upstream/toggl-v9-swagger.json";
  static final String FRAGMENT = "api/authentication.yaml";
  static final String SWAGGER2_CORRECTIONS = "api/corrections/swagger2";
  static final String OPENAPI3_CORRECTIONS = "api/corrections/openapi3";
  static final String OUTPUT = "api/openapi.yaml";
  static final String JSON_OUTPUT = "api/openapi.json";

  static final ObjectMapper JSON = new ObjectMapper();
  static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper WRITER = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build());
  /**
   * Two spaces, {@code "name": value}, and a line feed whatever the platform's line separator, so
   * that the bytes are the same on every machine; one member a line keeps the diffs readable.
   */
  private static final ObjectWriter JSON_WRITER = JSON.writer(new DefaultPrettyPrinter(
      Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private static final List<String> ROOT_ORDER = Arrays.asList("openapi", "info", "servers", "security", "tags",
      "paths", "components");
  private static final List<String> PATH_ITEM_ORDER = Arrays.asList("summary", "description", "servers",
      "parameters", "get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final List<String> COMPONENTS_ORDER = Arrays.asList("securitySchemes", "parameters", "headers",
      "requestBodies", "responses", "schemas");

  private static final List<String> REFLECTION_ORDERED = Arrays.asList("$ref", "default", "enum", "const");

  /** Members whose keys are names (of properties, responses, media types, ...), not keywords. */
  private static final java.util.Set<String> NAME_MAPS = new java.util.HashSet<>(Arrays.asList("properties",
      "patternProperties", "definitions", "schemas", "responses", "headers", "content", "paths", "parameters",
      "requestBodies", "securitySchemes", "links", "callbacks", "encoding", "variables", "scopes", "mapping"));

  private SpecPipeline() {
  }

  /**
   * Writes api/openapi.yaml and api/openapi.json under the folder given as the only argument
   * (default: the current one).
   *
   * @param args the project's folder, optional
   */
  public static void main(String[] args) throws IOException {
    Path base = Paths.get(args.length > 0 ? args[0] : ".");
    long start = System.nanoTime();
    ObjectNode tree = tree(base, System.out::println);
    for (String[] output : new String[][] {{OUTPUT, yaml(tree)}, {JSON_OUTPUT, json(tree)}}) {
      Files.write(base.resolve(output[0]), output[1].getBytes(StandardCharsets.UTF_8));
      System.out.printf("Wrote %s (%d bytes)%n", output[0], output[1].length());
    }
    System.out.printf("in %d ms%n", (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * Returns api/openapi.yaml as it should be, from the inputs under {@code base}.
   *
   * @return the YAML text of api/openapi.yaml
   */
  static String build(Path base, Consumer<String> log) throws IOException {
    return yaml(tree(base, log));
  }

  /**
   * Returns the description as it should be, from the inputs under {@code base}, in canonical order.
   *
   * @return the tree that api/openapi.yaml and api/openapi.json are written from
   */
  static ObjectNode tree(Path base, Consumer<String> log) throws IOException {
    ObjectNode swagger = (ObjectNode) JSON.readTree(base.resolve(UPSTREAM).toFile());
    for (Overlay overlay : overlays(base, SWAGGER2_CORRECTIONS)) {
      report(overlay, overlay.applyTo(swagger), log);
    }
    ObjectNode openapi = convert(swagger);
    for (Overlay overlay : overlays(base, OPENAPI3_CORRECTIONS)) {
      report(overlay, overlay.applyTo(openapi), log);
    }
    merge(openapi, (ObjectNode) YAML.readTree(base.resolve(FRAGMENT).toFile()), log);
    return canonical(openapi);
  }

  /**
   * Returns the YAML text of api/openapi.yaml for a tree from {@link #tree}.
   *
   * @return the YAML text of api/openapi.yaml for a tree from {@link #tree}
   */
  static String yaml(ObjectNode tree) throws IOException {
    return WRITER.writeValueAsString(tree);
  }

  /**
   * Returns the JSON text of api/openapi.json for a tree from {@link #tree}: the same document.
   *
   * @return the JSON text of api/openapi.json for a tree from {@link #tree}
   */
  static String json(ObjectNode tree) throws IOException {
    return JSON_WRITER.writeValueAsString(tree) + "\n";
  }

  /**
   * Returns the Overlay documents of {@code folder}, in file-name order.
   *
   * @return the Overlay documents of {@code folder}, in file-name order
   */
  static List<Overlay> overlays(Path base, String folder) throws IOException {
    List<Overlay> overlays = new ArrayList<>();
    try (Stream<Path> files = Files.list(base.resolve(folder))) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".overlay.yaml")).sorted()
          .collect(Collectors.toList())) {
        overlays.add(Overlay.read(file, folder + "/" + file.getFileName()));
      }
    }
    if (overlays.isEmpty()) {
      throw new IllegalStateException("no *.overlay.yaml in " + folder);
    }
    return overlays;
  }

  private static void report(Overlay overlay, int[] counts, Consumer<String> log) {
    int nodes = 0;
    for (int count : counts) {
      nodes += count;
    }
    log.accept(String.format("%s: %d actions, %d nodes", overlay.name(), counts.length, nodes));
  }

  /** Swagger 2.0 to OpenAPI 3.0 with swagger-parser's converter; any message it gives fails the build. */
  private static ObjectNode convert(ObjectNode swagger) throws IOException {
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    SwaggerParseResult result = new SwaggerConverter().readContents(JSON.writeValueAsString(swagger), null, options);
    List<String> messages = result.getMessages() == null ? Collections.<String>emptyList() : result.getMessages();
    if (result.getOpenAPI() == null || !messages.isEmpty()) {
      throw new IllegalStateException("the Swagger 2 to OpenAPI 3 conversion reported: " + messages);
    }
    ObjectNode converted = Json.mapper().valueToTree(result.getOpenAPI());
    settleReflectionOrder(converted);
    return converted;
  }

  /**
   * Jackson writes swagger-models' beans in field order, except the keywords whose fields are named
   * otherwise ({@code _default}, {@code _enum}, {@code _const}, {@code $ref}): those come in the
   * order reflection lists their getters, which differs from one JVM run to the next. Moved to the
   * end, in this fixed order, the output stays byte for byte the same. Examples and extensions are
   * data, not beans, and are left as they are.
   */
  static void settleReflectionOrder(JsonNode node) {
    settle(node, false);
  }

  private static void settle(JsonNode node, boolean keyedByName) {
    if (node.isArray()) {
      node.forEach(element -> settle(element, false));
    } else if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      // A model property or a response may well be called "default": a map of names keeps its order.
      for (String keyword : keyedByName ? Collections.<String>emptyList() : REFLECTION_ORDERED) {
        JsonNode value = object.remove(keyword);
        if (value != null) {
          object.set(keyword, value);
        }
      }
      object.properties().forEach(field -> {
        String key = field.getKey();
        if (!key.equals("example") && !key.equals("examples") && !key.startsWith("x-")) {
          settle(field.getValue(), !keyedByName && NAME_MAPS.contains(key));
        }
      });
    }
  }

  /**
   * The fragment wins: its root fields (but info) replace upstream's, its tags and its components
   * replace upstream's of the same name, its path items' operations (and path parameters) replace
   * upstream's at the same path and method.
   */
  static void merge(ObjectNode openapi, ObjectNode fragment, Consumer<String> log) {
    List<String> replaced = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : fragment.properties()) {
      String key = field.getKey();
      if (key.equals("paths")) {
        ObjectNode paths = child(openapi, "paths");
        field.getValue().properties().forEach(path -> {
          ObjectNode item = child(paths, path.getKey());
          path.getValue().properties().forEach(member -> {
            if (item.has(member.getKey())) {
              replaced.add(member.getKey() + " " + path.getKey());
            }
            item.set(member.getKey(), member.getValue().deepCopy());
          });
        });
      } else if (key.equals("components")) {
        ObjectNode components = child(openapi, "components");
        field.getValue().properties().forEach(section -> {
          ObjectNode target = child(components, section.getKey());
          section.getValue().properties().forEach(component -> {
            if (target.has(component.getKey())) {
              replaced.add(section.getKey() + "." + component.getKey());
            }
            target.set(component.getKey(), component.getValue().deepCopy());
          });
        });
      } else if (key.equals("tags")) {
        ArrayNode tags = openapi.has("tags") ? (ArrayNode) openapi.get("tags") : openapi.putArray("tags");
        for (JsonNode tag : field.getValue()) {
          for (int i = tags.size() - 1; i >= 0; i--) {
            if (tags.get(i).path("name").equals(tag.path("name"))) {
              tags.remove(i);
              replaced.add("tag " + tag.path("name").asText());
            }
          }
          tags.add(tag.deepCopy());
        }
      } else if (!key.equals("info")) {
        openapi.set(key, field.getValue().deepCopy());
      }
    }
    log.accept(FRAGMENT + ": merged; it replaces upstream's " + replaced);
  }

  /** The object member {@code name} of {@code parent}, made if missing (never a JSON Pointer). */
  private static ObjectNode child(ObjectNode parent, String name) {
    JsonNode existing = parent.get(name);
    return existing != null ? (ObjectNode) existing : parent.putObject(name);
  }

  /** Known keys in the order readers expect, name-keyed maps sorted; other members as they came. */
  static ObjectNode canonical(ObjectNode openapi) {
    ObjectNode root = ordered(openapi, ROOT_ORDER);
    List<JsonNode> tags = new ArrayList<>();
    root.path("tags").forEach(tags::add);
    tags.sort(java.util.Comparator.comparing(tag -> tag.path("name").asText()));
    root.putArray("tags").addAll(tags);
    ObjectNode paths = sorted((ObjectNode) root.get("paths"));
    paths.properties().forEach(path -> {
      ObjectNode item = ordered((ObjectNode) path.getValue(), PATH_ITEM_ORDER);
      item.properties().forEach(member -> {
        if (member.getValue().isObject() && member.getValue().has("responses")) {
          ObjectNode operation = (ObjectNode) member.getValue();
          operation.set("responses", sorted((ObjectNode) operation.get("responses")));
        }
      });
      path.setValue(item);
    });
    root.set("paths", paths);
    ObjectNode components = ordered((ObjectNode) root.get("components"), COMPONENTS_ORDER);
    components.properties().forEach(section -> section.setValue(sorted((ObjectNode) section.getValue())));
    root.set("components", components);
    return root;
  }

  private static ObjectNode ordered(ObjectNode node, List<String> order) {
    ObjectNode copy = JSON.createObjectNode();
    for (String key : order) {
      if (node.has(key)) {
        copy.set(key, node.get(key));
      }
    }
    node.properties().forEach(field -> {
      if (!copy.has(field.getKey())) {
        copy.set(field.getKey(), field.getValue());
      }
    });
    return copy;
  }

  private static ObjectNode sorted(ObjectNode node) {
    Map<String, JsonNode> members = new TreeMap<>();
    node.properties().forEach(field -> members.put(field.getKey(), field.getValue()));
    ObjectNode copy = JSON.createObjectNode();
    members.forEach(copy::set);
    return copy;
  }

  /** For tests: the text of {@code file} under {@code base}. */
  static String read(Path base, String file) {
    try {
      return new String(Files.readAllBytes(base.resolve(file)), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
