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
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** api/openapi.yaml is valid and says what the SDK relies on. */
class SpecTest {
  private static SwaggerParseResult result;
  private static OpenAPI api;

  @BeforeAll
  static void parse() {
    result = SpecModels.parsed();
    api = result.getOpenAPI();
  }

  @Test
  void parsesWithoutAnyMessage() {
    assertNotNull(api, "the spec did not parse");
    assertEquals(Collections.emptyList(), result.getMessages());
    assertEquals("3.0.3", api.getOpenapi());
    assertEquals("https://api.track.toggl.com/api/v9", api.getServers().get(0).getUrl());
  }

  /** The seed's eleven operations keep their names; Toggl's other authentication operations join them. */
  @Test
  void theSeedsElevenOperationsAreInAuthenticationWithTogglsOthers() {
    Map<String, Operation> operations = operations();
    Set<String> seed = new TreeSet<>(Arrays.asList("deleteWorkspaceSso", "getSaml2LoginUrl", "getWorkspaceSso",
        "meSessionsDelete", "meSessionsPost", "patchWorkspaceSso", "postEnableSso", "postResetToken",
        "postSaml2Callback", "postSignup", "postWorkspaceSso"));
    assertTrue(operations.keySet().containsAll(seed), operations.keySet().toString());
    Set<String> authentication = operations.entrySet().stream()
        .filter(e -> e.getValue().getTags().equals(Collections.singletonList("Authentication")))
        .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    Set<String> expected = new TreeSet<>(seed);
    expected.addAll(Arrays.asList("getDesktopLogin", "createDesktopLoginToken", "getKeys",
        "getWorkspaceLinkedSsoProfiles", "putWorkspaceLinkedSsoProfile", "deleteWorkspaceLinkedSsoProfile"));
    assertEquals(expected, authentication);
  }

  /** Toggl's 318 operations and the seed's seven that Toggl's description no longer lists. */
  @Test
  void everyOperationHasAUniqueNameAndExactlyOneService() {
    List<String> ids = new ArrayList<>();
    Set<String> declared = api.getTags().stream().map(io.swagger.v3.oas.models.tags.Tag::getName)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> used = new TreeSet<>();
    api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
      String where = method + " " + path;
      ids.add(op.getOperationId());
      assertTrue(op.getOperationId() != null && op.getOperationId().matches("[a-z][A-Za-z0-9]*"), where);
      assertEquals(1, op.getTags().size(), where);
      String tag = op.getTags().get(0);
      assertTrue(tag.matches("[A-Z][A-Za-z]*"), where + ": " + tag);
      used.add(tag);
    }));
    assertEquals(325, ids.size());
    assertEquals(ids.size(), new TreeSet<>(ids).size(), "duplicate operationIds");
    Set<String> lowerCase = ids.stream().map(id -> id.toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toSet());
    assertEquals(ids.size(), lowerCase.size(), "operationIds that differ only in case");
    assertEquals(declared, used, "every service is declared (with a description) and used");
    api.getTags().forEach(tag -> assertTrue(tag.getDescription() != null && !tag.getDescription().isEmpty(), tag.getName()));
  }

  /**
   * Public operations are those made for callers without an account; the saved reports take
   * credentials or none. Everything else uses the default: basic or the session cookie.
   */
  @Test
  void publicOperationsAreThoseMadeForCallersWithoutAnAccount() throws IOException {
    assertEquals(2, api.getSecurity().size(), "basic or cookie by default");
    Set<String> publicOps = new TreeSet<>();
    Set<String> optional = new TreeSet<>();
    operations().forEach((id, op) -> {
      if (op.getSecurity() == null) {
        return;
      }
      if (op.getSecurity().isEmpty()) {
        publicOps.add(id);
      } else {
        assertEquals(3, op.getSecurity().size(), id);
        assertTrue(op.getSecurity().get(2).isEmpty(), id);
        optional.add(id);
      }
    });
    assertEquals(new TreeSet<>(Arrays.asList("getSaml2LoginUrl", "postSaml2Callback", "postSignup", "getCountries",
        "getCountrySubdivisions", "getTimezones", "getOffsets", "getCurrencies", "getStatus", "getPublicSubscriptionPlans",
        "getAllPlans", "getKeys", "getIcal", "getInvitation", "postMeDisableProductEmails", "postMeDisableWeeklyReport")),
        publicOps);
    assertEquals(new TreeSet<>(Arrays.asList("getSavedReport", "exportSavedReportCsv", "exportSavedReportXlsx",
        "exportSavedReportPdf")), optional);
    assertEquals(new TreeSet<>(Arrays.asList("BasicAuth", "cookieAuth")), api.getComponents().getSecuritySchemes().keySet());

    // The README's Authentication section names exactly these, and counts the public ones.
    String readme = new String(Files.readAllBytes(Paths.get("README.md")), java.nio.charset.StandardCharsets.UTF_8);
    String section = readme.substring(readme.indexOf("## Authentication"), readme.indexOf("| How | Set up |"));
    Set<String> named = new TreeSet<>();
    java.util.regex.Matcher code = java.util.regex.Pattern.compile("`(\\w+)`").matcher(section);
    while (code.find()) {
      named.add(code.group(1));
    }
    Set<String> expected = new TreeSet<>(publicOps);
    expected.addAll(optional);
    assertEquals(expected, named);
    assertTrue(section.contains("sixteen public ones") && publicOps.size() == 16, section);
  }

  /**
   * Every integer is 64-bit (IDs exceed 2^31) wherever it appears: properties, items, parameters,
   * headers. The seed's models keep their Java types, which is the one exception.
   */
  @Test
  void everyIntegerIsInt64ButTheSeedsBeginningOfWeek() {
    com.fasterxml.jackson.databind.JsonNode spec = SpecModels.tree();
    List<String> narrow = new ArrayList<>();
    int[] integers = {0};
    walk(spec, "", (pointer, node) -> {
      if ("integer".equals(node.path("type").asText(null))) {
        integers[0]++;
        if (!"int64".equals(node.path("format").asText(null))) {
          narrow.add(pointer);
        }
      }
    });
    assertEquals(Collections.singletonList("/components/schemas/ModelsTogglUser/properties/beginning_of_week"), narrow);
    assertTrue(integers[0] > 1000, integers[0] + " integers");
  }

  /**
   * Summaries and descriptions go into Javadoc as they are (and into the Markdown pages): a bare
   * {@code &}, a {@code <} that opens no simple tag, or a comment's end would break doclint or
   * the generated source. Such text is corrected in api/corrections.
   */
  @Test
  void everyDescriptionIsTextJavadocTakes() {
    com.fasterxml.jackson.databind.JsonNode spec = SpecModels.tree();
    java.util.regex.Pattern unsafe = java.util.regex.Pattern.compile(
        "&(?![a-zA-Z]+;|#[0-9]+;)|<(?!/?(?:p|b|i|em|strong|code|br|ul|ol|li)>)|\\*/");
    List<String> found = new ArrayList<>();
    int[] texts = {0};
    walk(spec, "", (pointer, node) -> {
      for (String field : Arrays.asList("summary", "description")) {
        com.fasterxml.jackson.databind.JsonNode text = node.get(field);
        if (text != null && text.isTextual()) {
          texts[0]++;
          if (unsafe.matcher(text.asText()).find()) {
            found.add(pointer + "/" + field);
          }
        }
      }
    });
    assertEquals(Collections.<String>emptyList(), found);
    assertTrue(texts[0] > 1000, texts[0] + " texts");
  }

  private static void walk(com.fasterxml.jackson.databind.JsonNode node, String pointer,
      java.util.function.BiConsumer<String, com.fasterxml.jackson.databind.JsonNode> visit) {
    if (node.isObject()) {
      visit.accept(pointer, node);
      node.properties().forEach(e -> walk(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), visit));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), pointer + "/" + i, visit);
      }
    }
  }

  /** IDs are int64; the few string IDs are other systems' (Stripe, calendars, integrations). */
  @Test
  void everyIdIsInt64AndEveryTimestampIsDateTime() {
    Set<String> stringIds = new TreeSet<>(Arrays.asList("customer.Coupon.id", "customer.PromotionCode.id",
        "customer.UnifiedCustomerResponse.country_id", "customer.UnifiedCustomerResponse.id", "i18n.Message.id",
        "invitation.IntegrationData.external_id", "models.Calendar.external_id", "models.Event.external_id",
        "models.SharedProject.integration_ext_id", "models.Tag.integration_ext_id", "models.Task.integration_ext_id",
        "models.Task.toggl_accounts_id", "models.TimelineEvent.desktop_id", "models.UnifiedSubscriptionInvoice.id",
        "models.UserInvoice.document_id", "models.UserInvoice.integration_ext_id",
        "oauth.Profile.id", "utils.MacOSAutoTracking.id", "utils.WindowsAutoTracking.id", "ModelsSSOConfig.entity_id",
        "SsoSPSettings.entity_id"));
    int checked = 0;
    Set<String> strings = new TreeSet<>();
    for (Map.Entry<String, Schema<?>> model : typed(api.getComponents().getSchemas()).entrySet()) {
      for (Map.Entry<String, Schema<?>> property : typed(model.getValue().getProperties()).entrySet()) {
        String name = property.getKey();
        String where = model.getKey() + "." + name;
        if (name.equals("id") || name.endsWith("_id")) {
          if ("string".equals(property.getValue().getType())) {
            strings.add(where);
          } else if (property.getValue().get$ref() == null) {
            assertEquals("int64", property.getValue().getFormat(), where);
          }
          checked++;
        }
        if (name.equals("at") || name.endsWith("_at")) {
          assertEquals("date-time", property.getValue().getFormat(), where);
          checked++;
        }
      }
    }
    assertTrue(stringIds.containsAll(strings), strings.toString());
    assertTrue(checked >= 400, "checked " + checked);
  }

  /** Real answers send null for optional fields; a list may be null too (tags: null). */
  @Test
  void everyOptionalFieldOfTogglsModelsMayBeNull() {
    Set<String> seedModels = new TreeSet<>(Arrays.asList("ErrorMessage", "Saml2LoginResponse", "SsoConfirmation",
        "SsoState", "MePostSessionHandlerRequestBody", "ModelsSSOConfig", "SsoSPSettings", "SsoConfigResult",
        "ModelsUser", "ModelsTogglUser", "ModelsOptions", "MePostInitialWorkspace", "MePostUser"));
    List<String> notNullable = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, Schema<?>> model : typed(api.getComponents().getSchemas()).entrySet()) {
      if (seedModels.contains(model.getKey())) {
        continue;
      }
      List<String> required = model.getValue().getRequired() == null ? Collections.<String>emptyList() : model.getValue().getRequired();
      for (Map.Entry<String, Schema<?>> property : typed(model.getValue().getProperties()).entrySet()) {
        if (property.getValue().get$ref() == null && !required.contains(property.getKey())) {
          checked++;
          if (!Boolean.TRUE.equals(property.getValue().getNullable())) {
            notNullable.add(model.getKey() + "." + property.getKey());
          }
        }
      }
    }
    assertEquals(new ArrayList<String>(), notNullable);
    assertTrue(checked > 1500, checked + " fields");
    Schema<?> timeEntry = api.getComponents().getSchemas().get("models.TimeEntry");
    assertEquals(true, typed(timeEntry.getProperties()).get("tags").getNullable(), "tags: null is tolerated");
  }

  /** The runtime masks exactly these JSON field names; the spec marks every one of them. */
  @Test
  void everyPasswordApiTokenAndConfirmationCodeIsSensitive() {
    com.fasterxml.jackson.databind.JsonNode spec = SpecModels.tree();
    List<String> unmarked = new ArrayList<>();
    int[] secrets = {0};
    walk(spec, "", (pointer, node) -> node.path("properties").properties().forEach(property -> {
      if (Arrays.asList("password", "current_password", "api_token", "confirmation_code", "login_token",
          "fcm_registration_token", "token", "shared_hash", "ical_url", "invitation_code", "invite_url")
          .contains(property.getKey())) {
        secrets[0]++;
        if (!property.getValue().path("x-sensitive").asBoolean(false)) {
          unmarked.add(pointer + "/properties/" + property.getKey());
        }
      }
    }));
    assertEquals(new ArrayList<String>(), unmarked);
    assertTrue(secrets[0] >= 8, secrets[0] + " secrets");
  }

  /** Reports v3 and Insights v1 live at the host root, not under /api/v9: x-host-root says so. */
  @Test
  void exactlyTheReportsAndInsightsOperationsAreRelativeToTheHost() {
    api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
      boolean hostRoot = op.getExtensions() != null && Boolean.TRUE.equals(op.getExtensions().get("x-host-root"));
      boolean otherApi = path.startsWith("/reports/api/v3/") || path.startsWith("/insights/api/v1/");
      assertEquals(otherApi, hostRoot, method + " " + path);
    }));
    assertEquals(1, api.getServers().size());
  }

  /** The detailed report pages with headers in the answer and fields in the next request's body. */
  @Test
  void theDetailedReportSaysHowItPages() {
    Operation search = operations().get("searchDetailedReportTimeEntries");
    assertEquals("reports-v3", search.getExtensions().get("x-pagination"));
    io.swagger.v3.oas.models.responses.ApiResponse ok = search.getResponses().get("200");
    for (String header : Arrays.asList("X-Next-ID", "X-Next-Row-Number")) {
      assertEquals("int64", ok.getHeaders().get(header).getSchema().getFormat(), header);
    }
    String body = search.getRequestBody().getContent().get("application/json").getSchema().get$ref();
    Schema<?> post = api.getComponents().getSchemas().get(body.substring(body.lastIndexOf('/') + 1));
    assertTrue(post.getProperties().keySet().containsAll(Arrays.asList("first_id", "first_row_number", "page_size")));
  }

  /** Files are bytes: every answer that is not JSON or plain text is a binary string. */
  @Test
  void fileAnswersAreBinary() {
    int files = 0;
    for (Map.Entry<String, Operation> op : operations().entrySet()) {
      for (io.swagger.v3.oas.models.responses.ApiResponse response : op.getValue().getResponses().values()) {
        if (response.getContent() == null) {
          continue;
        }
        for (Map.Entry<String, io.swagger.v3.oas.models.media.MediaType> media : response.getContent().entrySet()) {
          String type = media.getKey();
          if (!type.equals("application/json") && !type.equals("text/plain")) {
            assertEquals("binary", media.getValue().getSchema().getFormat(), op.getKey() + " " + type);
            files++;
          }
        }
      }
    }
    assertTrue(files >= 24, files + " file answers");
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
            .forEach(p -> expected.add(id + ("path".equals(p.getIn()) ? " sensitivePathParam " : " sensitiveQueryParam ")
                + p.getName()));
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

    assertTrue(expected.containsAll(Arrays.asList("getIcal sensitivePathParam token",
        "getSavedReport sensitivePathParam report_token")), expected.toString());

    StringBuilder sources = new StringBuilder();
    try (Stream<Path> files = Files.list(Paths.get("src/main/java/io/github/togglapi/client/api"))) {
      for (Path file : files.sorted().collect(Collectors.toList())) {
        sources.append(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    String source = sources.toString();
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
    Set<String> tags = new java.util.TreeSet<>();
    api.getPaths().values().forEach(path -> path.readOperations().forEach(op -> tags.addAll(op.getTags())));
    // One API class per tag and one model class per object schema: a file the generator did not
    // write this time (a renamed tag, a dropped schema) would still be lying in the folder.
    assertEquals(tags.size() + SpecModels.allModels().size(), generated.size(), generated.toString());
    assertEquals(SpecModels.objectSchemas().size(), SpecModels.allModels().size(), "every object schema has its class");
    for (Path file : generated) {
      String source = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(source.contains("with the templates in\n * src/main/openapi-templates"), file.toString());
      assertTrue(!source.contains("@javax.annotation.Generated") && !source.contains("JsonElement"), file.toString());
    }
    for (String template : Arrays.asList("api", "model", "api_doc", "model_doc", "api_test")) {
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
