package io.github.togglapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** api/openapi.yaml is valid and says what the SDK relies on. */
class SpecTest {
  private static SwaggerParseResult result;
  private static OpenAPI api;

  @BeforeAll
  static void parse() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    result = new OpenAPIV3Parser().readLocation("api/openapi.yaml", null, options);
    api = result.getOpenAPI();
  }

  @Test
  void parsesWithoutAnyMessage() {
    assertNotNull(api, "the spec did not parse");
    assertEquals(Collections.emptyList(), result.getMessages());
    assertEquals("3.0.3", api.getOpenapi());
    assertEquals("https://api.track.toggl.com/api/v9", api.getServers().get(0).getUrl());
  }

  @Test
  void hasTheElevenOperationsTaggedAuthentication() {
    Map<String, Operation> operations = operations();
    assertEquals(new TreeSet<>(Arrays.asList("deleteWorkspaceSso", "getSaml2LoginUrl", "getWorkspaceSso",
        "meSessionsDelete", "meSessionsPost", "patchWorkspaceSso", "postEnableSso", "postResetToken",
        "postSaml2Callback", "postSignup", "postWorkspaceSso")), new TreeSet<>(operations.keySet()));
    operations.values().forEach(op -> assertEquals(Collections.singletonList("authentication"), op.getTags()));
  }

  @Test
  void onlySignupAndSaml2ArePublic() {
    assertEquals(2, api.getSecurity().size(), "basic or cookie by default");
    Set<String> publicOps = operations().entrySet().stream()
        .filter(e -> e.getValue().getSecurity() != null && e.getValue().getSecurity().isEmpty())
        .map(Map.Entry::getKey)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(Arrays.asList("getSaml2LoginUrl", "postSaml2Callback", "postSignup")), publicOps);
  }

  @Test
  void everyIdIsInt64AndEveryTimestampIsDateTime() {
    int checked = 0;
    for (Map.Entry<String, Schema<?>> model : typed(api.getComponents().getSchemas()).entrySet()) {
      for (Map.Entry<String, Schema<?>> property : typed(model.getValue().getProperties()).entrySet()) {
        String name = property.getKey();
        if (name.equals("id") || (name.endsWith("_id") && !name.equals("entity_id"))) {
          assertEquals("int64", property.getValue().getFormat(), model.getKey() + "." + name);
          checked++;
        }
        if (name.equals("at") || name.endsWith("_at")) {
          assertEquals("date-time", property.getValue().getFormat(), model.getKey() + "." + name);
          checked++;
        }
      }
    }
    assertTrue(checked >= 9, "checked " + checked);
  }

  /** x-redirects tells the templates that a 3xx is the answer; it must match the responses. */
  @Test
  void operationsThatAnswerWithARedirectSaySo() {
    operations().forEach((id, op) -> {
      boolean redirects = op.getResponses().keySet().stream().anyMatch(code -> code.startsWith("3"));
      boolean flagged = op.getExtensions() != null && Boolean.TRUE.equals(op.getExtensions().get("x-redirects"));
      assertEquals(redirects, flagged, id);
    });
    assertTrue(operations().get("postSaml2Callback").getResponses().containsKey("302"));
  }

  @Test
  void signupRequiresEmailPasswordAndTermsOfService() {
    assertEquals(Arrays.asList("email", "password", "tos_accepted"),
        api.getComponents().getSchemas().get("MePostUser").getRequired());
  }

  /** Every field the spec marks x-sensitive is masked by the redactor. */
  @Test
  void redactorCoversEverySensitiveField() {
    List<String> sensitive = new ArrayList<>();
    for (Schema<?> model : typed(api.getComponents().getSchemas()).values()) {
      for (Map.Entry<String, Schema<?>> property : typed(model.getProperties()).entrySet()) {
        Map<String, Object> extensions = property.getValue().getExtensions();
        if (extensions != null && Boolean.TRUE.equals(extensions.get("x-sensitive"))) {
          sensitive.add(property.getKey());
        }
      }
    }
    assertTrue(sensitive.containsAll(Arrays.asList("password", "api_token", "confirmation_code")), sensitive.toString());
    for (String field : sensitive) {
      String body = "{\"" + field + "\":\"canary-value-123\"}";
      assertEquals("{\"" + field + "\":\"****\"}", Redactor.redact(body, Collections.<String>emptyList()), field);
    }
  }

  /**
   * Parameters and response headers the spec marks x-sensitive (personal data, one-time values)
   * are masked by the spec, not by names in the runtime: the generated code marks exactly those.
   */
  @Test
  void theGeneratedCodeMarksExactlyTheSensitiveParametersOfTheSpec() throws IOException {
    Set<String> expected = new TreeSet<>();
    operations().forEach((id, op) -> {
      if (op.getParameters() != null) {
        op.getParameters().stream().filter(p -> isSensitive(p.getExtensions()))
            .forEach(p -> expected.add(id + " sensitiveQueryParam " + p.getName()));
      }
      if (op.getRequestBody() != null && op.getRequestBody().getContent().get("application/x-www-form-urlencoded") != null) {
        Schema<?> form = op.getRequestBody().getContent().get("application/x-www-form-urlencoded").getSchema();
        typed(form.getProperties()).forEach((name, property) -> {
          if (isSensitive(property.getExtensions())) {
            expected.add(id + " sensitiveFormParam " + name);
          }
        });
      }
      op.getResponses().values().stream().filter(r -> r.getHeaders() != null).forEach(r -> r.getHeaders().forEach(
          (name, header) -> {
            Schema<?> schema = header.getSchema();
            if (isSensitive(schema.getExtensions())) {
              expected.add(id + " sensitiveResponseHeader " + name);
            }
          }));
    });
    assertTrue(expected.containsAll(Arrays.asList("getSaml2LoginUrl sensitiveQueryParam email",
        "getSaml2LoginUrl sensitiveQueryParam state", "postSaml2Callback sensitiveFormParam SAMLResponse",
        "postSaml2Callback sensitiveFormParam RelayState", "postSaml2Callback sensitiveResponseHeader Location")),
        expected.toString());

    String source = new String(Files.readAllBytes(Paths.get("src/main/java/io/github/togglapi/client/api/AuthenticationApi.java")),
        java.nio.charset.StandardCharsets.UTF_8);
    java.util.regex.Matcher marked = java.util.regex.Pattern.compile(
        "ApiRequest\\.builder\\(\"(\\w+)\"|\\.(sensitive\\w+)\\(\"([^\"]+)\"").matcher(source);
    Set<String> actual = new TreeSet<>();
    String operation = null;
    while (marked.find()) {
      if (marked.group(1) != null) {
        operation = marked.group(1);
      } else {
        actual.add(operation + " " + marked.group(2) + " " + marked.group(3));
      }
    }
    assertEquals(expected, actual);
  }

  private static boolean isSensitive(Map<String, Object> extensions) {
    return extensions != null && Boolean.TRUE.equals(extensions.get("x-sensitive"));
  }

  /** The templates are ours: a missing one would silently fall back to openapi-generator's own. */
  @Test
  void generatedSourcesComeFromOurTemplates() throws IOException {
    List<Path> generated = new ArrayList<>();
    for (String folder : Arrays.asList("api", "model")) {
      try (Stream<Path> files = Files.list(Paths.get("src/main/java/io/github/togglapi/client", folder))) {
        generated.addAll(files.collect(Collectors.toList()));
      }
    }
    assertEquals(12, generated.size(), generated.toString());
    for (Path file : generated) {
      String source = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(source.contains("with the templates in\n * src/main/openapi-templates"), file.toString());
      assertTrue(!source.contains("@javax.annotation.Generated") && !source.contains("JsonElement"), file.toString());
    }
    for (String template : Arrays.asList("api", "model", "api_doc", "model_doc")) {
      assertTrue(Files.exists(Paths.get("src/main/openapi-templates", template + ".mustache")), template);
    }
  }

  /**
   * swagger-models hands out maps of the raw type {@code Schema}; this copies one (in order) into
   * {@code Schema<?>} values, and a missing map into an empty one.
   */
  private static Map<String, Schema<?>> typed(Map<String, ?> schemas) {
    Map<String, Schema<?>> typed = new LinkedHashMap<>();
    if (schemas != null) {
      schemas.forEach((name, schema) -> typed.put(name, (Schema<?>) schema));
    }
    return typed;
  }

  private static Map<String, Operation> operations() {
    Map<String, Operation> byId = new java.util.TreeMap<>();
    api.getPaths().values().forEach(path -> path.readOperations().forEach(op -> byId.put(op.getOperationId(), op)));
    return byId;
  }
}
