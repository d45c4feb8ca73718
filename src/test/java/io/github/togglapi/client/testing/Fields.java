package io.github.togglapi.client.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.togglapi.client.testing.TogglService.BadRequest;
import io.github.togglapi.client.testing.TogglService.Workspace;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Reads the fields of the time-tracking core's requests. A field of the wrong type, or a value no
 * calendar holds, is a {@link BadRequest} naming the field: a lenient server meets them.
 */
final class Fields {
  private Fields() {
  }

  static String requiredName(JsonObject body, String blank) {
    String name = TogglService.string(body, "name");
    if (name == null || name.trim().isEmpty()) {
      throw new BadRequest(blank);
    }
    return name.trim();
  }

  static void checkWorkspaceField(JsonObject body, String field, Workspace workspace) {
    Long id = longField(body, field);
    if (id != null && id != workspace.id) {
      throw new BadRequest(field + " does not match the workspace of the URL");
    }
  }

  static Long firstLong(JsonObject body, String name, String legacy) {
    Long value = longField(body, name);
    return value != null ? value : longField(body, legacy);
  }

  static Long longField(JsonObject json, String name) {
    JsonElement value = json.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    try {
      if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
        return value.getAsBigDecimal().longValueExact();
      }
    } catch (ArithmeticException e) {
      // falls through to the refusal
    }
    throw new BadRequest(name + " must be an integer");
  }

  static Double doubleField(JsonObject json, String name) {
    JsonElement value = json.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
      throw new BadRequest(name + " must be a number");
    }
    return value.getAsDouble();
  }

  static Instant instantField(JsonObject json, String name) {
    String text = TogglService.string(json, name);
    if (text == null) {
      return null;
    }
    OffsetDateTime time;
    try {
      time = OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadRequest(name + " must be an RFC 3339 time, e.g. 2024-12-15T20:17:59Z");
    }
    if (time.getYear() < 1 || time.getYear() > 9999) {
      // RFC 3339 has four-digit years; a later one could not be written back in an answer.
      throw new BadRequest(name + " must be between the years 0001 and 9999");
    }
    return time.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  static LocalDate dateField(JsonObject json, String name) {
    String text = TogglService.string(json, name);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadRequest(name + " must be a date, e.g. 2024-12-15");
    }
  }

  /** A query value that is a date (midnight UTC) or an RFC 3339 time, as Toggl takes both. */
  static Instant dateOrTime(String text, String name) {
    try {
      return text.length() == 10 ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)
          : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadRequest("Invalid '" + name + "': use YYYY-MM-DD or an RFC 3339 time");
    }
  }

  static List<Long> longList(JsonObject json, String name) {
    JsonElement value = json.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonArray()) {
      throw new BadRequest(name + " must be a list of integers");
    }
    List<Long> out = new ArrayList<>();
    for (JsonElement item : value.getAsJsonArray()) {
      JsonObject holder = new JsonObject();
      holder.add(name, item);
      Long id = longField(holder, name);
      if (id == null) {
        throw new BadRequest(name + " must be a list of integers");
      }
      out.add(id);
    }
    return out;
  }

  static List<String> stringList(JsonObject json, String name) {
    JsonElement value = json.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonArray()) {
      throw new BadRequest(name + " must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonElement item : value.getAsJsonArray()) {
      if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
        throw new BadRequest(name + " must be a list of strings");
      }
      out.add(item.getAsString());
    }
    return out;
  }

  static JsonArray jsonArrayBody(RecordedRequest request) {
    JsonElement parsed;
    try {
      parsed = JsonParser.parseString(request.getBody().clone().readUtf8());
    } catch (JsonParseException e) {
      throw new BadRequest("The body is not valid JSON");
    }
    if (!parsed.isJsonArray()) {
      throw new BadRequest("The body must be a JSON array of patch operations");
    }
    return parsed.getAsJsonArray();
  }
}
