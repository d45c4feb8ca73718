package io.github.togglapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.annotations.SerializedName;
import io.swagger.v3.oas.models.media.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model the spec describes reads what the real service sends: fields no model lists, null in
 * every field, timestamps in both of Toggl's shapes ({@code 2024-12-15T20:17:59.767861Z} and
 * {@code 2024-12-15T20:17:59+00:00}), dates, 64-bit IDs, values of enums this version does not
 * know; and writes back what it read. The sample answers are built from each schema, so a model
 * that stops matching its schema fails here.
 */
class EveryModelTest {
  private static final String MICROS_Z = "2024-12-15T20:17:59.767861Z";
  private static final String SECONDS_OFFSET = "2024-12-15T20:17:59+00:00";

  private final JSON json = new JSON();

  static Stream<Arguments> models() {
    List<Arguments> models = new ArrayList<>();
    SpecModels.objectSchemas().forEach((name, schema) -> models.add(Arguments.of(name, schema)));
    return models.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void readsNullsAndFieldsItDoesNotKnow(String name, Schema<?> schema) throws Exception {
    Class<?> type = SpecModels.modelClass(name);
    assertNotNull(type, "no class " + SpecModels.javaName(name) + " for schema " + name);
    JsonObject body = new JsonObject();
    body.add("a_field_no_model_lists", sample(null, 0));
    for (String property : properties(schema).keySet()) {
      body.add(property, JsonNull.INSTANCE);
    }
    Object model = json.deserialize(body.toString(), type);
    assertNotNull(model);
    for (Method getter : type.getMethods()) {
      if (getter.getName().startsWith("get") && getter.getParameterCount() == 0 && getter.getDeclaringClass() == type) {
        assertNull(getter.invoke(model), getter.getName());
      }
    }
    assertEquals(model, json.deserialize(json.serialize(model), type));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void readsValuesInBothTimestampShapesAndWritesThemBack(String name, Schema<?> schema) throws Exception {
    Class<?> type = SpecModels.modelClass(name);
    assertNotNull(type, "no class for schema " + name);
    for (String timestamp : new String[] {MICROS_Z, SECONDS_OFFSET}) {
      JsonObject body = new JsonObject();
      for (Map.Entry<String, Schema<?>> property : properties(schema).entrySet()) {
        body.add(property.getKey(), sample(property.getValue(), 0, timestamp));
      }
      Object model = json.deserialize(body.toString(), type);
      for (Map.Entry<String, Schema<?>> property : properties(schema).entrySet()) {
        Schema<?> resolved = resolve(property.getValue());
        if ("date-time".equals(resolved.getFormat())) {
          assertEquals(OffsetDateTime.parse(timestamp).toInstant(), ((OffsetDateTime) field(model, property.getKey())).toInstant(),
              property.getKey());
        } else if ("integer".equals(resolved.getType()) && "int64".equals(resolved.getFormat())) {
          assertEquals(3730303299L, field(model, property.getKey()), property.getKey() + ": a 64-bit ID");
        } else if (resolved.getEnum() != null && "string".equals(resolved.getType())) {
          assertEquals("a value from a newer service", field(model, property.getKey()), property.getKey());
        }
      }
      Object again = json.deserialize(json.serialize(model), type);
      assertEquals(model, again, "written back as read");
    }
  }

  /** Every field the spec marks x-sensitive, in every model: toString() shows {@code ****}, never the value. */
  @org.junit.jupiter.api.Test
  void toStringNeverShowsASensitiveField() {
    int checked = 0;
    for (Map.Entry<String, Schema<?>> model : SpecModels.objectSchemas().entrySet()) {
      JsonObject body = new JsonObject();
      for (Map.Entry<String, Schema<?>> property : properties(model.getValue()).entrySet()) {
        Map<String, Object> extensions = property.getValue().getExtensions();
        if (extensions != null && Boolean.TRUE.equals(extensions.get("x-sensitive"))) {
          body.addProperty(property.getKey(), "canary-" + property.getKey() + "-0123456789");
        }
      }
      if (body.size() == 0) {
        continue;
      }
      String shown = json.deserialize(body.toString(), SpecModels.modelClass(model.getKey())).toString();
      checked += body.size();
      org.junit.jupiter.api.Assertions.assertFalse(shown.contains("canary-"), model.getKey() + ": " + shown);
      org.junit.jupiter.api.Assertions.assertTrue(shown.contains("****"), model.getKey() + ": " + shown);
    }
    org.junit.jupiter.api.Assertions.assertTrue(checked >= 15, checked + " sensitive fields");
  }

  /** The properties of a schema, its own and those it takes from others (allOf). */
  private static Map<String, Schema<?>> properties(Schema<?> schema) {
    Map<String, Schema<?>> all = new java.util.LinkedHashMap<>();
    if (schema.getAllOf() != null) {
      for (Object part : schema.getAllOf()) {
        all.putAll(properties(resolve((Schema<?>) part)));
      }
    }
    if (schema.getProperties() != null) {
      schema.getProperties().forEach((name, property) -> all.put(name, (Schema<?>) property));
    }
    return all;
  }

  private static Schema<?> resolve(Schema<?> schema) {
    if (schema != null && schema.get$ref() != null) {
      String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
      return SpecModels.schemas().get(name);
    }
    return schema;
  }

  private static JsonElement sample(Schema<?> schema, int depth) {
    return sample(schema, depth, MICROS_Z);
  }

  /** A value the schema allows, as Toggl would send it; an enum gets a value it does not list. */
  private static JsonElement sample(Schema<?> schema, int depth, String timestamp) {
    Schema<?> resolved = resolve(schema);
    if (resolved == null) {
      return new JsonPrimitive(1);
    }
    String type = resolved.getType();
    if (resolved.getEnum() != null && "string".equals(type)) {
      return new JsonPrimitive("a value from a newer service");
    } else if ("string".equals(type)) {
      if ("date-time".equals(resolved.getFormat())) {
        return new JsonPrimitive(timestamp);
      } else if ("date".equals(resolved.getFormat())) {
        return new JsonPrimitive("2017-09-07");
      }
      return new JsonPrimitive("text");
    } else if ("integer".equals(type)) {
      return new JsonPrimitive("int64".equals(resolved.getFormat()) ? 3730303299L : 7);
    } else if ("number".equals(type)) {
      return new JsonPrimitive(1.5);
    } else if ("boolean".equals(type)) {
      return new JsonPrimitive(true);
    } else if ("array".equals(type) || resolved.getItems() != null) {
      JsonArray array = new JsonArray();
      if (depth < 3) {
        array.add(sample(resolved.getItems(), depth + 1, timestamp));
      }
      return array;
    }
    JsonObject object = new JsonObject();
    if (depth < 3) {
      properties(resolved).forEach((name, property) -> object.add(name, sample(property, depth + 1, timestamp)));
      if (resolved.getAdditionalProperties() instanceof Schema) {
        object.add("any_key", sample((Schema<?>) resolved.getAdditionalProperties(), depth + 1, timestamp));
      }
    }
    return object;
  }

  /** A model's field by its JSON name, as stored (an enum's value as sent). */
  private static Object field(Object model, String jsonName) throws IllegalAccessException {
    for (Field field : model.getClass().getDeclaredFields()) {
      SerializedName name = field.getAnnotation(SerializedName.class);
      if (!Modifier.isStatic(field.getModifiers()) && name != null && name.value().equals(jsonName)) {
        field.setAccessible(true);
        return field.get(model);
      }
    }
    throw new AssertionError("no field for " + jsonName + " in " + model.getClass());
  }
}
