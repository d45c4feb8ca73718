package io.github.togglapi.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The generated models as api/openapi.yaml describes them: which schema each class comes from,
 * which ones the operations answer with. For tests that check every model against the spec.
 */
final class SpecModels {
  private static final String PACKAGE = "io.github.togglapi.client.model.";
  /** Names the generator prefixes with "Model", as Java would not take them as class names. */
  private static final Set<String> RESERVED = new HashSet<>(Arrays.asList("Public", "Private", "Class", "Default",
      "Object", "String", "Integer", "Long", "Boolean", "List", "Map", "File", "Date", "Void"));
  private static SwaggerParseResult parsed;
  private static JsonNode tree;

  private SpecModels() {}

  /** api/openapi.yaml as swagger-parser reads it (references resolved), with its messages; parsed once. */
  static synchronized SwaggerParseResult parsed() {
    if (parsed == null) {
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      parsed = new OpenAPIV3Parser().readLocation("api/openapi.yaml", null, options);
    }
    return parsed;
  }

  static OpenAPI spec() {
    return parsed().getOpenAPI();
  }

  /** api/openapi.yaml as a plain YAML tree, for checks that walk every node; read once. */
  static synchronized JsonNode tree() {
    if (tree == null) {
      try {
        tree = new ObjectMapper(new YAMLFactory()).readTree(Paths.get("api/openapi.yaml").toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return tree;
  }

  /** The schemas by name, in order. */
  static Map<String, Schema<?>> schemas() {
    Map<String, Schema<?>> typed = new TreeMap<>();
    spec().getComponents().getSchemas().forEach((name, schema) -> typed.put(name, (Schema<?>) schema));
    return typed;
  }

  /** The generator's class name for a schema: its words run together, each capitalised. */
  static String javaName(String schemaName) {
    StringBuilder name = new StringBuilder();
    boolean wordStart = true;
    for (int i = 0; i < schemaName.length(); i++) {
      char c = schemaName.charAt(i);
      boolean letterOrDigit = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (letterOrDigit) {
        name.append(wordStart ? Character.toUpperCase(c) : c);
      }
      wordStart = !letterOrDigit;
    }
    String result = name.toString();
    return RESERVED.contains(result) || Character.isDigit(result.charAt(0)) ? "Model" + result : result;
  }

  /** The class generated for a schema, or null if it has none (a list, a map, a plain value). */
  static Class<?> modelClass(String schemaName) {
    try {
      return Class.forName(PACKAGE + javaName(schemaName));
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  /** Every schema that is an object with properties, which the generator turns into a class. */
  static Map<String, Schema<?>> objectSchemas() {
    Map<String, Schema<?>> objects = new LinkedHashMap<>();
    schemas().forEach((name, schema) -> {
      if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
        objects.put(name, schema);
      }
    });
    return objects;
  }

  /** Every generated model class. */
  static List<Class<?>> allModels() {
    List<Class<?>> models = new ArrayList<>();
    objectSchemas().keySet().forEach(name -> {
      Class<?> type = modelClass(name);
      if (type != null) {
        models.add(type);
      }
    });
    return models;
  }

  /** The model classes the operations answer with, directly or as the items of a list. */
  static List<Class<?>> responseModels() {
    Set<String> names = new java.util.TreeSet<>();
    spec().getPaths().values().forEach(path -> path.readOperations().forEach(op -> collect(op, names)));
    List<Class<?>> models = new ArrayList<>();
    for (String name : names) {
      Class<?> type = modelClass(name);
      if (type != null) {
        models.add(type);
      }
    }
    return models;
  }

  private static void collect(Operation op, Set<String> names) {
    for (Map.Entry<String, ApiResponse> answer : op.getResponses().entrySet()) {
      if (!answer.getKey().startsWith("2") || answer.getValue().getContent() == null) {
        continue;
      }
      for (MediaType media : answer.getValue().getContent().values()) {
        Schema<?> schema = media.getSchema();
        while (schema != null && schema.getItems() != null) {
          schema = schema.getItems();
        }
        if (schema != null && schema.get$ref() != null) {
          names.add(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        }
      }
    }
  }
}
