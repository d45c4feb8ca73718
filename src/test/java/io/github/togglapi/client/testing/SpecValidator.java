package io.github.togglapi.client.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/**
 * Checks each request the embedded server receives and each response it sends against
 * api/openapi.yaml, which the test-jar carries as openapi.json next to this class (the same
 * document, written by the spec pipeline) so that Gson, which the SDK already depends on, can read
 * it: the test-jar needs no validator, YAML or JSON Schema library.
 *
 * <p>Requests are held to the spec strictly: the path and method must be an operation's (paths of
 * operations marked {@code x-host-root} at the host's root, all others under
 * {@link EmbeddedTogglServer#BASE_PATH}); path, query and header parameters must be declared, present
 * when required and of their schema; the Accept header must allow one of the operation's answers; a
 * body needs a declared Content-Type and must match its schema, with no property the schema does not
 * list. Authentication is not checked: the server answers 401 itself, as Toggl does. Responses must
 * have a declared status and Content-Type and match their schema, but may carry properties the spec
 * does not list, as Toggl's answers do. SpecValidatorDifferentialTest compares the verdicts with
 * Atlassian's swagger-request-validator, which this class replaced, and lists where they differ.
 *
 * <p>Parsing the spec takes about a tenth of a second; every server shares one instance
 * ({@link #shared()}). Thread-safe: after construction it only reads.
 */
final class SpecValidator {
  private static final String SPEC = "openapi.json";
  private static final List<String> METHODS = Arrays.asList("get", "put", "post", "delete", "options", "head",
      "patch", "trace");
  private static final List<String> BASE_SEGMENTS =
      Arrays.asList(EmbeddedTogglServer.BASE_PATH.substring(1).split("/", -1));
  private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");
  private static final Pattern SPACE = Pattern.compile(" ");
  private static final Pattern COMMA = Pattern.compile(",");
  private static final Pattern AMPERSAND = Pattern.compile("&");
  private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary=\"?([^\";]+)\"?");
  private static final Pattern PART_NAME =
      Pattern.compile("(?im)^content-disposition:\\s*form-data(?:;[^\\r\\n]*?)?;\\s*name=\"([^\"]*)\"");
  private static final Pattern JSON_POSITION = Pattern.compile("at line \\d+ column \\d+");
  private static final Pattern PART_FILE = Pattern.compile("(?i);\\s*filename\\*?=");

  private final JsonObject components;
  private final SchemaValidator schemas;
  private final List<Route> routes = new ArrayList<>();

  /**
   * Returns the validator every server shares, reading api/openapi.json on first use.
   *
   * @return the shared validator
   */
  static SpecValidator shared() {
    return Shared.INSTANCE;
  }

  /** Reads api/openapi.json from the class path, next to this class (the test-jar carries it). */
  SpecValidator() {
    this(readSpec());
  }

  /**
   * Makes a validator for a spec already read: indexes its operations by path template.
   *
   * @param spec an OpenAPI 3.0 document
   */
  private SpecValidator(JsonObject spec) {
    this.components = spec.getAsJsonObject("components");
    this.schemas = new SchemaValidator(components.getAsJsonObject("schemas"));
    Map<String, Route> byTemplate = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> path : spec.getAsJsonObject("paths").entrySet()) {
      JsonObject item = path.getValue().getAsJsonObject();
      for (String method : METHODS) {
        if (item.has(method)) {
          JsonObject operation = item.getAsJsonObject(method);
          boolean hostRoot = operation.has("x-host-root") && operation.get("x-host-root").getAsBoolean();
          Route route = byTemplate.computeIfAbsent(hostRoot + " " + path.getKey(),
              key -> new Route(path.getKey(), hostRoot));
          route.operations.put(method.toUpperCase(Locale.ROOT), new Operation(operation, parameters(item, operation)));
        }
      }
    }
    routes.addAll(byTemplate.values());
  }

  /**
   * Returns the operationId of the operation a request names, for the server to name what it does not
   * implement and to pick faults per operation.
   *
   * @param method the HTTP method
   * @param encodedPath the request's path as sent, with {@code /api/v9} or at the host's root
   * @return the operationId, or null if no operation has this path and method
   */
  String operationId(String method, String encodedPath) {
    HttpUrl url = HttpUrl.parse("http://localhost" + encodedPath);
    if (url == null) {
      return null;
    }
    Found found = find(method.toUpperCase(Locale.ROOT), url, new ArrayList<String>());
    return found == null ? null : found.operation.id;
  }

  /**
   * Returns true if the spec has an operation with this operationId.
   *
   * @param operationId the operationId
   * @return true if the spec has an operation with this operationId
   */
  boolean hasOperation(String operationId) {
    for (Route route : routes) {
      for (Operation operation : route.operations.values()) {
        if (operationId.equals(operation.id)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The errors any operation may answer, declared or not, as a bare JSON string or plain text. */
  private static final Set<String> ANY_OPERATION_ERRORS = new HashSet<>(Arrays.asList(
      "400", "401", "402", "403", "404", "409", "429", "500", "502", "503", "504"));

  /** An error body as Toggl sends one: a bare JSON string, or plain text. */
  private static boolean isBareError(MockResponse response, Buffer body) {
    String contentType = response.getHeaders().get("Content-Type");
    String mediaType = contentType == null ? null : mediaType(contentType);
    if ("text/plain".equals(mediaType)) {
      return true;
    }
    if (!"application/json".equals(mediaType) || body == null) {
      return false;
    }
    try {
      JsonElement value = JsonParser.parseString(body.clone().readUtf8());
      return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
    } catch (JsonParseException e) {
      return false;
    }
  }

  /**
   * Returns what is wrong with a request; empty if it matches the spec.
   *
   * @param recorded the request as the server received it
   * @return one message per problem, each naming its place ({@code query.since}, {@code body.tags[1]})
   */
  List<String> checkRequest(RecordedRequest recorded) {
    List<String> problems = new ArrayList<>();
    HttpUrl url = recorded.getRequestUrl();
    Found found = find(recorded.getMethod(), url, problems);
    if (found == null) {
      return problems;
    }
    Operation operation = found.operation;
    Set<String> queryNames = new HashSet<>();
    for (JsonObject parameter : operation.parameters) {
      String name = parameter.get("name").getAsString();
      String in = parameter.get("in").getAsString();
      List<String> values;
      if (in.equals("path")) {
        values = Collections.singletonList(found.pathValues.get(name));
      } else if (in.equals("query")) {
        queryNames.add(name);
        // "?meta" has no value at all, unlike "?meta=": absent, as Atlassian's validator had it.
        values = new ArrayList<>(url.queryParameterValues(name));
        values.removeAll(Collections.singleton(null));
      } else if (in.equals("header")) {
        values = recorded.getHeaders().values(name);
      } else {
        continue; // cookie: the spec declares none
      }
      checkParameter(parameter, in, values, problems);
    }
    for (String name : url.queryParameterNames()) {
      if (!queryNames.contains(name)) {
        problems.add("query." + name + ": unknown parameter");
      }
    }
    checkAccept(operation, recorded.getHeader("Accept"), problems);
    checkRequestBody(operation, recorded, problems);
    return problems;
  }

  /**
   * Returns what is wrong with a response; empty if it matches the spec.
   *
   * @param recorded the request it answers, whose operation says what may be answered
   * @param response the response
   * @return one message per problem
   */
  List<String> checkResponse(RecordedRequest recorded, MockResponse response) {
    List<String> problems = new ArrayList<>();
    Found found = find(recorded.getMethod(), recorded.getRequestUrl(), problems);
    if (found == null) {
      return problems;
    }
    JsonObject responses = found.operation.json.getAsJsonObject("responses");
    String status = SPACE.split(response.getStatus(), -1)[1];
    JsonElement declared = responses.get(status);
    if (declared == null) {
      declared = responses.has(status.charAt(0) + "XX") ? responses.get(status.charAt(0) + "XX") : responses.get("default");
    }
    Buffer body = response.getBody();
    long size = body == null ? 0 : body.size();
    if (declared == null && ANY_OPERATION_ERRORS.contains(status) && isBareError(response, body)) {
      // The spec's description says it of every operation: errors are a bare JSON string or plain
      // text. Toggl's description declares few of them (getWorkspace none), yet any call may meet
      // bad input, credentials, quota, permissions, a missing object, a rate limit or a failure.
      return problems;
    }
    if (declared == null) {
      problems.add("status: " + status + " is not declared (declared: " + responses.keySet() + ")");
      return problems;
    }
    if (found.operation.json.has("x-null-answer") && status.charAt(0) == '2'
        && (size == 0 || body.clone().readUtf8().trim().equals("null"))) {
      return problems; // x-null-answer: no body, or a literal null, is this operation's "nothing"
    }
    JsonObject content = resolve(declared.getAsJsonObject(), "responses").getAsJsonObject("content");
    if (content == null || content.size() == 0) {
      if (size > 0 && !(ANY_OPERATION_ERRORS.contains(status) && isBareError(response, body))) {
        problems.add("body: status " + status + " declares no body, got " + size + " bytes");
      }
      return problems;
    }
    String contentType = response.getHeaders().get("Content-Type");
    if (size == 0) {
      String mediaType = contentType == null ? null : mediaType(contentType);
      if (contentType != null && (mediaType == null || !content.has(mediaType))) {
        problems.add("header.Content-Type: " + contentType + " is not declared for status " + status
            + " (declared: " + content.keySet() + ")");
      } else if (hasSchema(content)) {
        problems.add("body: required but missing (status " + status + " declares " + content.keySet() + ")");
      }
      return problems;
    }
    JsonObject schema = schemaFor(content, contentType, "status " + status, problems);
    if (schema != null && isJson(mediaType(contentType))) {
      JsonElement value = parseJson(body.clone().readUtf8(), problems);
      if (value != null) {
        schemas.check(schema, value, "body", false, problems);
      }
    }
    return problems;
  }

  // ---- operations and paths ------------------------------------------------------------------

  /**
   * The operation a request names: of the paths that match, the most specific that has the method
   * (a literal segment before a templated one, so /me/time_entries/current rather than
   * /me/time_entries/{time_entry_id}; /workspaces/{workspace_id}/projects/{project_ids}, PATCH only,
   * and .../{project_id} tie and differ in their methods). Paths are compared after
   * percent-decoding and, like Toggl's router, case-sensitively and without ignoring a trailing slash.
   */
  private Found find(String method, HttpUrl url, List<String> problems) {
    List<String> segments = url.pathSegments();
    List<String> underBase = segments.size() > BASE_SEGMENTS.size()
        && segments.subList(0, BASE_SEGMENTS.size()).equals(BASE_SEGMENTS)
        ? segments.subList(BASE_SEGMENTS.size(), segments.size()) : null;
    Found best = null;
    Set<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      List<String> relative = route.hostRoot ? segments : underBase;
      Map<String, String> values = relative == null ? null : route.match(relative);
      if (values != null) {
        allowed.addAll(route.operations.keySet());
        Operation operation = route.operations.get(method);
        if (operation != null && (best == null || route.compareSpecificity(best.route) > 0)) {
          best = new Found(route, operation, values);
        }
      }
    }
    if (best == null && allowed.isEmpty()) {
      problems.add("path: " + url.encodedPath() + " is no operation's path (operations other than the reports' and"
          + " insights' are under " + EmbeddedTogglServer.BASE_PATH + ")");
    } else if (best == null) {
      problems.add("method: " + method + " is not allowed on " + url.encodedPath() + " (allowed: " + allowed + ")");
    }
    return best;
  }

  /** The operation's parameters and its path's, the operation's winning where both name one. */
  private List<JsonObject> parameters(JsonObject item, JsonObject operation) {
    Map<String, JsonObject> byPlace = new LinkedHashMap<>();
    for (JsonObject owner : Arrays.asList(item, operation)) {
      if (owner.has("parameters")) {
        for (JsonElement element : owner.getAsJsonArray("parameters")) {
          // One operation names its path parameter by $ref alone, without "in": resolve before reading it.
          JsonObject parameter = resolve(element.getAsJsonObject(), "parameters");
          if (!parameter.has("in") || !parameter.has("name")) {
            throw new IllegalStateException("api/openapi.json: a parameter without name or in: " + element);
          }
          byPlace.put(parameter.get("in").getAsString() + " " + parameter.get("name").getAsString(), parameter);
        }
      }
    }
    return new ArrayList<>(byPlace.values());
  }

  /** A component a {@code $ref} points to (#/components/{section}/name), or the object itself. */
  private JsonObject resolve(JsonObject object, String section) {
    if (!object.has("$ref")) {
      return object;
    }
    String ref = object.get("$ref").getAsString();
    String prefix = "#/components/" + section + "/";
    JsonObject components = this.components.getAsJsonObject(section);
    if (!ref.startsWith(prefix) || components == null || !components.has(ref.substring(prefix.length()))) {
      throw new IllegalStateException("api/openapi.json: cannot resolve " + ref);
    }
    return components.getAsJsonObject(ref.substring(prefix.length()));
  }

  // ---- parameters ----------------------------------------------------------------------------

  /**
   * One parameter's values against its schema. Query and header values come decoded; an array is
   * one comma-separated value ({@code style: form, explode: false} in the query, {@code style: simple}
   * in the path: the spec's only array parameters) or repeated values where {@code explode} is true.
   */
  private void checkParameter(JsonObject parameter, String in, List<String> values, List<String> problems) {
    String where = in + "." + parameter.get("name").getAsString();
    boolean required = in.equals("path") || (parameter.has("required") && parameter.get("required").getAsBoolean());
    boolean absent = values.isEmpty() || (values.size() == 1 && (values.get(0) == null || values.get(0).isEmpty()));
    if (absent && required) {
      problems.add(where + ": required but missing");
      return;
    } else if (values.isEmpty()) {
      return;
    }
    JsonObject schema = parameter.getAsJsonObject("schema");
    JsonObject resolved = schemas.resolve(schema);
    boolean array = resolved.has("type") && resolved.get("type").getAsString().equals("array");
    boolean explode = parameter.has("explode") ? parameter.get("explode").getAsBoolean()
        : !parameter.has("style") ? in.equals("query") : parameter.get("style").getAsString().equals("form");
    if (values.size() > 1 && !(array && explode)) {
      problems.add(where + ": one value expected, got " + values.size());
      return;
    }
    if (!array) {
      JsonPrimitive value = parsed(resolved, values.get(0) == null ? "" : values.get(0), where, problems);
      if (value != null) {
        schemas.check(schema, value, where, true, problems);
      }
      return;
    }
    List<String> items = new ArrayList<>();
    for (String value : values) {
      if (explode) {
        items.add(value == null ? "" : value);
      } else if (value != null && !value.isEmpty()) {
        items.addAll(Arrays.asList(COMMA.split(value, -1)));
      }
    }
    JsonArray parsedItems = new JsonArray();
    for (int i = 0; i < items.size(); i++) {
      JsonPrimitive item = parsed(resolved.getAsJsonObject("items"), items.get(i), where + "[" + i + "]", problems);
      if (item == null) {
        return;
      }
      parsedItems.add(item);
    }
    schemas.check(schema, parsedItems, where, true, problems);
  }

  /** A parameter's or form field's text as the value its schema's type says, or null and a message. */
  private JsonPrimitive parsed(JsonObject schema, String text, String where, List<String> problems) {
    JsonPrimitive value = schemas.parse(schema, text);
    if (value == null) {
      problems.add(where + ": expected " + schemas.resolve(schema).get("type").getAsString() + ", got "
          + SchemaValidator.show(new JsonPrimitive(text)));
    }
    return value;
  }

  // ---- media types and bodies ----------------------------------------------------------------

  /** The Accept header must admit one of the media types the operation answers with, if it names any. */
  private void checkAccept(Operation operation, String accept, List<String> problems) {
    if (accept == null || accept.trim().isEmpty() || operation.answers.isEmpty()) {
      return;
    }
    for (String range : COMMA.split(accept, -1)) {
      String wanted = mediaType(range);
      if (wanted == null) {
        problems.add("header.Accept: " + SchemaValidator.show(new JsonPrimitive(range.trim())) + " is not a media range");
        return;
      }
      for (String answer : operation.answers) {
        if (wanted.equals("*/*") || wanted.equals(answer)
            || (wanted.endsWith("/*") && answer.startsWith(wanted.substring(0, wanted.length() - 1)))) {
          return;
        }
      }
    }
    problems.add("header.Accept: " + accept + " admits none of the answers' media types " + operation.answers);
  }

  private void checkRequestBody(Operation operation, RecordedRequest recorded, List<String> problems) {
    JsonObject declared = operation.json.has("requestBody")
        ? resolve(operation.json.getAsJsonObject("requestBody"), "requestBodies") : null;
    long size = recorded.getBodySize();
    if (size <= 0) {
      if (declared != null && declared.has("required") && declared.get("required").getAsBoolean()) {
        problems.add("body: required but missing");
      }
      return;
    }
    if (declared == null) {
      problems.add("body: the operation takes no body, got " + size + " bytes");
      return;
    }
    String contentType = recorded.getHeader("Content-Type");
    JsonObject schema = schemaFor(declared.getAsJsonObject("content"), contentType, "the request", problems);
    if (schema == null) {
      return;
    }
    String mediaType = mediaType(contentType);
    Buffer body = recorded.getBody().clone();
    if (isJson(mediaType)) {
      JsonElement value = parseJson(body.readUtf8(), problems);
      if (value != null) {
        schemas.check(schema, value, "body", true, problems);
      }
    } else if (mediaType.equals("application/x-www-form-urlencoded")) {
      checkFields(schema, formFields(body.readUtf8(), problems), problems);
    } else if (mediaType.equals("multipart/form-data")) {
      checkFields(schema, multipartFields(body.readString(StandardCharsets.ISO_8859_1), contentType, problems), problems);
    }
  }

  /**
   * The schema of the media type a Content-Type names, or null with a message if it names none that
   * is declared; null without a message if the media type has no schema (nothing to check).
   */
  private static JsonObject schemaFor(JsonObject content, String contentType, String owner, List<String> problems) {
    if (contentType == null) {
      problems.add("header.Content-Type: missing; a body without a Content-Type cannot be checked (" + owner
          + " declares " + content.keySet() + ")");
      return null;
    }
    String mediaType = mediaType(contentType);
    if (mediaType == null || !content.has(mediaType)) {
      problems.add("header.Content-Type: " + contentType + " is not declared for " + owner + " (declared: "
          + content.keySet() + ")");
      return null;
    }
    JsonObject media = content.getAsJsonObject(mediaType);
    return media.has("schema") ? media.getAsJsonObject("schema") : null;
  }

  private static boolean hasSchema(JsonObject content) {
    for (Map.Entry<String, JsonElement> media : content.entrySet()) {
      if (media.getValue().getAsJsonObject().has("schema")) {
        return true;
      }
    }
    return false;
  }

  /** Form or multipart fields as the object their schema describes: each field parsed by its property's type. */
  private void checkFields(JsonObject schema, Map<String, List<String>> fields, List<String> problems) {
    if (fields == null) {
      return;
    }
    JsonObject resolved = schemas.resolve(schema);
    JsonObject properties = resolved.has("properties") ? resolved.getAsJsonObject("properties") : new JsonObject();
    JsonObject object = new JsonObject();
    for (Map.Entry<String, List<String>> field : fields.entrySet()) {
      String where = "body." + field.getKey();
      if (field.getValue().size() > 1) {
        problems.add(where + ": one value expected, got " + field.getValue().size());
      } else if (!properties.has(field.getKey())) {
        object.addProperty(field.getKey(), field.getValue().get(0)); // check() reports it as unknown
      } else {
        JsonPrimitive value = parsed(properties.getAsJsonObject(field.getKey()), field.getValue().get(0), where, problems);
        if (value != null) {
          object.add(field.getKey(), value);
        }
      }
    }
    schemas.check(schema, object, "body", true, problems);
  }

  /** application/x-www-form-urlencoded fields, decoded; null with a message if the encoding is broken. */
  private static Map<String, List<String>> formFields(String body, List<String> problems) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    try {
      for (String pair : AMPERSAND.split(body, -1)) {
        if (!pair.isEmpty()) {
          int equals = pair.indexOf('=');
          String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), "UTF-8");
          String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), "UTF-8");
          fields.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
      }
    } catch (IllegalArgumentException | UnsupportedEncodingException e) {
      problems.add("body: not valid application/x-www-form-urlencoded (" + e.getMessage() + ")");
      return null;
    }
    return fields;
  }

  /**
   * multipart/form-data fields by name (a file part's content as text; its schema says binary, which
   * is not checked); null with a message if there is no boundary or no well-formed part. Read as
   * ISO-8859-1, one character a byte, so that binary parts survive until a text field is re-read as
   * UTF-8.
   */
  private static Map<String, List<String>> multipartFields(String body, String contentType, List<String> problems) {
    Matcher boundary = BOUNDARY.matcher(contentType);
    Map<String, List<String>> fields = new LinkedHashMap<>();
    String delimiter = boundary.find() ? "--" + boundary.group(1) : null;
    int at = delimiter == null ? -1 : body.indexOf(delimiter);
    while (at >= 0 && !body.startsWith("--", at + delimiter.length())) {
      int headersEnd = body.indexOf("\r\n\r\n", at);
      int next = headersEnd < 0 ? -1 : body.indexOf("\r\n" + delimiter, headersEnd);
      Matcher name = next < 0 ? null : PART_NAME.matcher(body.substring(at, headersEnd));
      if (name == null || !name.find()) {
        at = -1;
        break;
      }
      String value = body.substring(headersEnd + 4, next);
      boolean file = PART_FILE.matcher(body.substring(at, headersEnd)).find();
      fields.computeIfAbsent(name.group(1), key -> new ArrayList<>())
          .add(file ? "" : new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
      at = next + 2;
    }
    if (at < 0 || fields.isEmpty()) {
      problems.add("body: not valid multipart/form-data (" + (delimiter == null ? "no boundary" : "no well-formed part")
          + ")");
      return null;
    }
    return fields;
  }

  /**
   * One JSON value and nothing after it, read strictly (no comments, single quotes or NaN): what
   * Toggl's JSON decoder takes. Null with a message if it is not JSON.
   */
  private static JsonElement parseJson(String text, List<String> problems) {
    try (Reader in = new StringReader(text)) {
      JsonReader reader = new JsonReader(in);
      reader.setStrictness(Strictness.STRICT);
      // Gson reads an empty document as null; peeking first makes it the error it is.
      JsonToken first = reader.peek();
      JsonElement value = JsonParser.parseReader(reader);
      if (first == JsonToken.END_DOCUMENT) {
        throw new IOException("nothing but white space");
      }
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        problems.add("body: not valid JSON (more after the first value)");
        return null;
      }
      return value;
    } catch (JsonParseException | IOException e) {
      // Gson's messages run to a second line with a link; the position is what helps.
      Matcher position = JSON_POSITION.matcher(String.valueOf(e.getMessage()));
      problems.add("body: not valid JSON (" + (position.find() ? position.group() : "empty or cut short") + ")");
      return null;
    }
  }

  /** The media type of a Content-Type or Accept entry, lower case and without parameters; null if it is none. */
  private static String mediaType(String header) {
    int semicolon = header.indexOf(';');
    String type = (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    int slash = type.indexOf('/');
    return slash > 0 && slash < type.length() - 1 && type.indexOf('/', slash + 1) < 0 ? type : null;
  }

  private static boolean isJson(String mediaType) {
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }

  private static JsonObject readSpec() {
    try (InputStream in = SpecValidator.class.getResourceAsStream(SPEC)) {
      if (in == null) {
        throw new IllegalStateException(SPEC + " is missing from the class path next to " + SpecValidator.class);
      }
      return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One path template of the spec with the operations on it: under the base path or at the host's root. */
  private static final class Route {
    final boolean hostRoot;
    /** Per segment: a literal (String) or a Pattern whose groups are the parameters named in {@link #names}. */
    final List<Object> segments = new ArrayList<>();
    final List<List<String>> names = new ArrayList<>();
    /** Per segment: 2 if literal, 1 if literal text around a parameter (employees.{extension}), 0 if a bare parameter. */
    final List<Integer> ranks = new ArrayList<>();
    final Map<String, Operation> operations = new TreeMap<>();

    Route(String template, boolean hostRoot) {
      this.hostRoot = hostRoot;
      for (String segment : template.substring(1).split("/", -1)) {
        Matcher parameter = TEMPLATE.matcher(segment);
        List<String> parameterNames = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        int literalFrom = 0;
        while (parameter.find()) {
          regex.append(Pattern.quote(segment.substring(literalFrom, parameter.start()))).append("(.+)");
          parameterNames.add(parameter.group(1));
          literalFrom = parameter.end();
        }
        regex.append(Pattern.quote(segment.substring(literalFrom)));
        segments.add(parameterNames.isEmpty() ? segment : Pattern.compile(regex.toString()));
        names.add(parameterNames);
        ranks.add(parameterNames.isEmpty() ? 2 : segment.equals("{" + parameterNames.get(0) + "}") ? 0 : 1);
      }
    }

    /** The path parameters' decoded values if the segments match this template, else null. */
    Map<String, String> match(List<String> path) {
      if (path.size() != segments.size()) {
        return null;
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < path.size(); i++) {
        Object segment = segments.get(i);
        if (segment instanceof String) {
          if (!segment.equals(path.get(i))) {
            return null;
          }
        } else {
          Matcher matcher = ((Pattern) segment).matcher(path.get(i));
          if (!matcher.matches()) {
            return null;
          }
          for (int group = 1; group <= matcher.groupCount(); group++) {
            values.put(names.get(i).get(group - 1), matcher.group(group));
          }
        }
      }
      return values;
    }

    /** Positive if this template is the more specific: at the first segment where they differ, more of it literal. */
    int compareSpecificity(Route other) {
      for (int i = 0; i < Math.min(ranks.size(), other.ranks.size()); i++) {
        int difference = ranks.get(i) - other.ranks.get(i);
        if (difference != 0) {
          return difference;
        }
      }
      return 0;
    }
  }

  /** One operation: its JSON, its parameters (path item's included, references resolved) and its answers' media types. */
  private final class Operation {
    final JsonObject json;
    final String id;
    final List<JsonObject> parameters;
    final Set<String> answers = new TreeSet<>();

    Operation(JsonObject json, List<JsonObject> parameters) {
      this.json = json;
      this.id = json.has("operationId") ? json.get("operationId").getAsString() : null;
      this.parameters = parameters;
      for (Map.Entry<String, JsonElement> answer : json.getAsJsonObject("responses").entrySet()) {
        JsonObject content = resolve(answer.getValue().getAsJsonObject(), "responses").getAsJsonObject("content");
        if (content != null) {
          answers.addAll(content.keySet());
        }
      }
    }
  }

  /** The operation a request names, with its path and its path parameters' values. */
  private static final class Found {
    final Route route;
    final Operation operation;
    final Map<String, String> pathValues;

    Found(Route route, Operation operation, Map<String, String> pathValues) {
      this.route = route;
      this.operation = operation;
      this.pathValues = pathValues;
    }
  }

  private static final class Shared {
    static final SpecValidator INSTANCE = new SpecValidator();
  }
}
