package io.github.togglapi.client.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/**
 * Checks each request the embedded server receives and each response it sends against
 * api/openapi.yaml, with Atlassian's swagger-request-validator. Authentication is the server's own
 * business (it answers 401 as Toggl does), so the validator's security checks are off, and
 * responses may carry unlisted fields as Toggl's do.
 */
final class SpecValidator {
  private static final String SPEC = "openapi.yaml";
  private static final java.util.regex.Pattern STATUS_LINE = java.util.regex.Pattern.compile(" ");

  private final OpenApiInteractionValidator validator;

  /** Parsing the spec takes a third of a second; every server shares one (it is thread-safe). */
  static SpecValidator shared() {
    return Shared.INSTANCE;
  }

  SpecValidator() {
    this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(readSpec())
        .withBasePathOverride(EmbeddedTogglServer.BASE_PATH)
        .withLevelResolver(LevelResolver.create()
            .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
            // Toggl's answers carry fields no model lists (the API grows); the server sends some so
            // that clients prove they ignore them. Requests stay strict.
            .withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
            // Toggl answers deletes with 200 and no body.
            .withLevel("validation.response.body.missing", ValidationReport.Level.IGNORE)
            .build())
        .build();
  }

  /**
   * Returns the validator's messages about the request; empty if it matches the spec.
   *
   * @return the validator's messages about the request; empty if it matches the spec
   */
  List<String> checkRequest(RecordedRequest recorded) {
    if (!recorded.getRequestUrl().encodedPath().startsWith(EmbeddedTogglServer.BASE_PATH)) {
      return new ArrayList<>(); // interim: host-root operations wait for the light validator
    }
    return messages(validator.validateRequest(toRequest(recorded)));
  }

  /**
   * Returns the validator's messages about the response; empty if it matches the spec.
   *
   * @return the validator's messages about the response; empty if it matches the spec
   */
  List<String> checkResponse(RecordedRequest recorded, MockResponse response) {
    HttpUrl url = recorded.getRequestUrl();
    if (!url.encodedPath().startsWith(EmbeddedTogglServer.BASE_PATH)) {
      return new ArrayList<>(); // interim: host-root operations wait for the light validator
    }
    int status = Integer.parseInt(STATUS_LINE.split(response.getStatus(), -1)[1]);
    SimpleResponse.Builder built = new SimpleResponse.Builder(status);
    Headers headers = response.getHeaders();
    for (String name : headers.names()) {
      built.withHeader(name, headers.values(name));
    }
    Buffer body = response.getBody();
    if (body != null && body.size() > 0) {
      built.withBody(body.clone().readUtf8());
    }
    return messages(validator.validateResponse(url.encodedPath(),
        Request.Method.valueOf(recorded.getMethod()), built.build()));
  }

  private static SimpleRequest toRequest(RecordedRequest recorded) {
    HttpUrl url = recorded.getRequestUrl();
    SimpleRequest.Builder built = new SimpleRequest.Builder(recorded.getMethod(), url.encodedPath());
    for (String name : url.queryParameterNames()) {
      built.withQueryParam(name, url.queryParameterValues(name).toArray(new String[0]));
    }
    Headers headers = recorded.getHeaders();
    for (String name : headers.names()) {
      built.withHeader(name, headers.values(name));
    }
    if (recorded.getBodySize() > 0) {
      built.withBody(recorded.getBody().clone().readUtf8());
    }
    return built.build();
  }

  /** Interim (replaced by the light validator): the operation a request matches, or null. */
  String operationId(String method, String encodedPath) {
    String best = null;
    int bestLiterals = -1;
    for (Object[] op : OPERATIONS) {
      String template = (String) op[1];
      String full = Boolean.TRUE.equals(op[3]) ? template : EmbeddedTogglServer.BASE_PATH + template;
      String[] want = full.split("/", -1);
      String[] got = encodedPath.split("/", -1);
      if (!op[0].equals(method) || want.length != got.length) {
        continue;
      }
      int literals = 0;
      boolean ok = true;
      for (int i = 0; i < want.length && ok; i++) {
        if (want[i].startsWith("{") && want[i].endsWith("}")) {
          ok = !got[i].isEmpty();
        } else if (want[i].equals(got[i])) {
          literals++;
        } else {
          ok = false;
        }
      }
      if (ok && literals > bestLiterals) {
        best = (String) op[2];
        bestLiterals = literals;
      }
    }
    return best;
  }

  boolean hasOperation(String operationId) {
    for (Object[] op : OPERATIONS) {
      if (op[2].equals(operationId)) {
        return true;
      }
    }
    return false;
  }

  private static final List<Object[]> OPERATIONS = new ArrayList<>();

  static {
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> spec = (java.util.Map<String, Object>) new org.yaml.snakeyaml.Yaml().load(readSpec());
    @SuppressWarnings("unchecked")
    java.util.Map<String, java.util.Map<String, Object>> paths = (java.util.Map<String, java.util.Map<String, Object>>) spec.get("paths");
    for (java.util.Map.Entry<String, java.util.Map<String, Object>> path : paths.entrySet()) {
      for (java.util.Map.Entry<String, Object> op : path.getValue().entrySet()) {
        if (op.getValue() instanceof java.util.Map && ((java.util.Map<?, ?>) op.getValue()).containsKey("operationId")) {
          java.util.Map<?, ?> operation = (java.util.Map<?, ?>) op.getValue();
          OPERATIONS.add(new Object[] {op.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
              operation.get("operationId"), operation.get("x-host-root")});
        }
      }
    }
  }

  private static List<String> messages(ValidationReport report) {
    List<String> out = new ArrayList<>();
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        out.add(message.getKey() + ": " + message.getMessage());
      }
    }
    return out;
  }

  private static String readSpec() {
    try (InputStream in = SpecValidator.class.getResourceAsStream(SPEC)) {
      if (in == null) {
        throw new IllegalStateException(SPEC + " is missing from the class path next to " + SpecValidator.class);
      }
      Buffer buffer = new Buffer();
      buffer.readFrom(in);
      return buffer.readString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Shared {
    static final SpecValidator INSTANCE = new SpecValidator();
  }
}
