package io.github.togglapi.client.testing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Checks a JSON value against a schema of api/openapi.json, with the keywords the spec uses and
 * nothing more: {@code type}, {@code nullable}, {@code format} (date-time, date, email, int32,
 * int64), {@code enum}, {@code $ref} (to {@code #/components/schemas/...}), {@code items},
 * {@code properties}, {@code required} and {@code additionalProperties}. Descriptions, examples,
 * defaults and {@code x-} extensions say nothing about validity and are ignored. A keyword the spec
 * does not use (allOf, oneOf, pattern, minimum, ...) is not checked: SpecValidatorTest fails if the
 * spec ever starts to use one.
 *
 * <p>Each problem is one message that names the place, e.g.
 * {@code body.time_entries[2].stop: expected string, got number}. Thread-safe: it only reads the spec.
 */
final class SchemaValidator {
  /** RFC 3339 section 5.6, with the lower-case t and z it allows; the numbers are range-checked below. */
  private static final Pattern DATE_TIME = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(?:\\.\\d+)?(?:[Zz]|[+-](\\d{2}):(\\d{2}))");
  private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  /** One @ between two parts without spaces; the parts may not start or end with a dot or hold two in a row. */
  private static final Pattern EMAIL = Pattern.compile("(?!\\.)(?!.*\\.\\.)[^@\\s]+(?<!\\.)@(?!\\.)[^@\\s]+(?<!\\.)");
  /** A JSON integer: no fraction, no exponent (1.0 and 1e2 are numbers, as JSON Schema draft 4 has it). */
  private static final Pattern INTEGER = Pattern.compile("-?(?:0|[1-9]\\d*)");
  private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?");
  private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger INT32_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT32_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final String SCHEMA_REF = "#/components/schemas/";

  private final JsonObject schemas;

  /**
   * Makes a validator for the schemas of one spec.
   *
   * @param schemas the spec's {@code components.schemas}, which {@code $ref}s point into
   */
  SchemaValidator(JsonObject schemas) {
    this.schemas = schemas;
  }

  /**
   * Adds a message to {@code problems} for each way {@code value} breaks {@code schema}.
   *
   * @param schema the schema, possibly a {@code $ref}
   * @param value the value; {@code JsonNull} for null
   * @param where the place, for messages: {@code body}, {@code body.tags[1]}, {@code query.since}
   * @param request true for requests, whose objects may only hold the properties their schema lists
   *     (an object schema with properties and no additionalProperties closes the object, as
   *     Atlassian's validator does by default); false for responses, which Toggl grows without notice
   * @param problems where the messages go
   */
  void check(JsonObject schema, JsonElement value, String where, boolean request, List<String> problems) {
    JsonObject resolved = resolve(schema);
    String type = string(resolved, "type");
    if (value.isJsonNull()) {
      // JSON Schema would let null through a schema without a type; every schema of the spec has one.
      if (type != null && !bool(resolved, "nullable")) {
        problems.add(where + ": expected " + type + ", got null");
      }
      return;
    }
    if (type != null && !hasType(value, type)) {
      problems.add(where + ": expected " + type + ", got " + typeOf(value));
      return;
    }
    JsonArray allowed = resolved.has("enum") ? resolved.getAsJsonArray("enum") : null;
    if (allowed != null && !contains(allowed, value)) {
      problems.add(where + ": " + show(value) + " is not one of " + allowed);
      return;
    }
    String format = string(resolved, "format");
    if (format != null && value.isJsonPrimitive()) {
      String wrong = formatProblem(format, value.getAsJsonPrimitive());
      if (wrong != null) {
        problems.add(where + ": " + wrong);
        return;
      }
    }
    if (value.isJsonArray() && resolved.has("items")) {
      JsonArray items = value.getAsJsonArray();
      for (int i = 0; i < items.size(); i++) {
        check(resolved.getAsJsonObject("items"), items.get(i), where + "[" + i + "]", request, problems);
      }
    } else if (value.isJsonObject()) {
      checkObject(resolved, value.getAsJsonObject(), where, request, problems);
    }
  }

  private void checkObject(JsonObject schema, JsonObject value, String where, boolean request, List<String> problems) {
    JsonObject properties = schema.has("properties") ? schema.getAsJsonObject("properties") : new JsonObject();
    if (schema.has("required")) {
      for (JsonElement name : schema.getAsJsonArray("required")) {
        if (!value.has(name.getAsString())) {
          problems.add(where + "." + name.getAsString() + ": required but missing");
        }
      }
    }
    JsonElement additional = schema.get("additionalProperties");
    for (Map.Entry<String, JsonElement> member : value.entrySet()) {
      String place = where + "." + member.getKey();
      if (properties.has(member.getKey())) {
        check(properties.getAsJsonObject(member.getKey()), member.getValue(), place, request, problems);
      } else if (additional != null && additional.isJsonObject()) {
        check(additional.getAsJsonObject(), member.getValue(), place, request, problems);
      } else if ((additional != null && !additional.getAsBoolean())
          || (additional == null && request && schema.has("properties"))) {
        problems.add(place + ": unknown property");
      }
    }
  }

  /**
   * The value a parameter or form field's text stands for, by its schema's type; null if the text is
   * no such value. Only the text's own form counts: {@code " 1"}, {@code "01"} and {@code "TRUE"} are
   * not integers or booleans (Go's strconv, which Toggl's service parses them with, agrees).
   *
   * @param schema the parameter's schema, possibly a {@code $ref}
   * @param text the decoded text
   * @return the value, or null if the text is not of the schema's type
   */
  JsonPrimitive parse(JsonObject schema, String text) {
    String type = string(resolve(schema), "type");
    if ("integer".equals(type)) {
      return INTEGER.matcher(text).matches() ? new JsonPrimitive(new BigInteger(text)) : null;
    } else if ("number".equals(type)) {
      return NUMBER.matcher(text).matches() ? new JsonPrimitive(new BigDecimal(text)) : null;
    } else if ("boolean".equals(type)) {
      return text.equals("true") || text.equals("false") ? new JsonPrimitive(Boolean.valueOf(text)) : null;
    }
    return new JsonPrimitive(text);
  }

  /**
   * Returns the schema a {@code $ref} points to, or the schema itself if it is none.
   *
   * @param schema a schema
   * @return the schema it stands for
   */
  JsonObject resolve(JsonObject schema) {
    JsonObject resolved = schema;
    // A loop, not recursion: a chain of references ends at a schema, and the spec has no cycle of pure references.
    for (int hops = 0; resolved.has("$ref"); hops++) {
      String ref = resolved.get("$ref").getAsString();
      if (!ref.startsWith(SCHEMA_REF) || !schemas.has(ref.substring(SCHEMA_REF.length())) || hops > 32) {
        throw new IllegalStateException("api/openapi.json: cannot resolve " + ref);
      }
      resolved = schemas.getAsJsonObject(ref.substring(SCHEMA_REF.length()));
    }
    return resolved;
  }

  /**
   * Returns the JSON type of a value as JSON Schema names it: integer for a number without fraction or
   * exponent.
   *
   * @param value a value
   * @return null, boolean, integer, number, string, array or object
   */
  static String typeOf(JsonElement value) {
    if (value.isJsonNull()) {
      return "null";
    } else if (value.isJsonArray()) {
      return "array";
    } else if (value.isJsonObject()) {
      return "object";
    }
    JsonPrimitive primitive = value.getAsJsonPrimitive();
    if (primitive.isBoolean()) {
      return "boolean";
    } else if (primitive.isString()) {
      return "string";
    }
    // Gson keeps a number's own text (LazilyParsedNumber), so 1.0 stays 1.0 rather than becoming 1.
    return INTEGER.matcher(primitive.getAsNumber().toString()).matches() ? "integer" : "number";
  }

  /**
   * Returns a value as JSON for a message, cut after 60 characters: a message names the place and
   * the fault, not a whole document.
   *
   * @param value a value
   * @return its JSON text, perhaps cut
   */
  static String show(JsonElement value) {
    String text = value.toString();
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }

  private static boolean hasType(JsonElement value, String type) {
    String actual = typeOf(value);
    return actual.equals(type) || (type.equals("number") && actual.equals("integer"));
  }

  private static boolean contains(JsonArray allowed, JsonElement value) {
    for (JsonElement candidate : allowed) {
      if (candidate.equals(value)) {
        return true;
      }
    }
    return false;
  }

  /** What is wrong with a value of a format, or null if nothing is (or the format is only a hint, as binary is). */
  private static String formatProblem(String format, JsonPrimitive value) {
    switch (format) {
      case "date-time":
        return value.isString() && !isDateTime(value.getAsString())
            ? show(value) + " is not an RFC 3339 date-time" : null;
      case "date":
        return value.isString() && !isDate(value.getAsString()) ? show(value) + " is not a date (YYYY-MM-DD)" : null;
      case "email":
        return value.isString() && !EMAIL.matcher(value.getAsString()).matches()
            ? show(value) + " is not an email address" : null;
      case "int64":
        return value.isNumber() && !within(value, INT64_MIN, INT64_MAX) ? show(value) + " is out of the int64 range" : null;
      case "int32":
        return value.isNumber() && !within(value, INT32_MIN, INT32_MAX) ? show(value) + " is out of the int32 range" : null;
      default:
        return null;
    }
  }

  private static boolean within(JsonPrimitive number, BigInteger min, BigInteger max) {
    BigInteger value = number.getAsBigInteger();
    return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
  }

  /**
   * RFC 3339 date-time, with a real calendar date, hours to 23, minutes and seconds to 59 (no leap
   * second, as Atlassian's validator and java.time have it) and an offset below 24 hours.
   */
  static boolean isDateTime(String text) {
    Matcher m = DATE_TIME.matcher(text);
    if (!m.matches() || !isDate(m.group(1), m.group(2), m.group(3))) {
      return false;
    }
    boolean offsetOk = m.group(7) == null
        || (Integer.parseInt(m.group(7)) < 24 && Integer.parseInt(m.group(8)) < 60);
    return Integer.parseInt(m.group(4)) < 24 && Integer.parseInt(m.group(5)) < 60
        && Integer.parseInt(m.group(6)) < 60 && offsetOk;
  }

  /** RFC 3339 full-date: YYYY-MM-DD, a real calendar date. */
  static boolean isDate(String text) {
    Matcher m = DATE.matcher(text);
    return m.matches() && isDate(m.group(1), m.group(2), m.group(3));
  }

  private static boolean isDate(String year, String month, String day) {
    try {
      LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static String string(JsonObject object, String name) {
    JsonElement value = object.get(name);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }

  private static boolean bool(JsonObject object, String name) {
    JsonElement value = object.get(name);
    return value != null && value.isJsonPrimitive() && value.getAsBoolean();
  }
}
