package io.github.togglapi.client;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.github.togglapi.client.model.Saml2LoginResponse;

/** Fills any generated model with random values, each field present, null or extreme. */
final class RandomModels {
  /** Every generated model. */
  static final List<Class<?>> ALL = SpecModels.allModels();

  /** The types the operations answer with. */
  static final List<Class<?>> RESPONSES = SpecModels.responseModels();

  private RandomModels() {}

  static Object fill(Class<?> type, Random random) {
    return fill(type, random, 0);
  }

  private static Object fill(Class<?> type, Random random, int depth) {
    try {
      Object model = type.getConstructor().newInstance();
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) || random.nextInt(5) == 0 || (depth > 2 && random.nextBoolean())) {
          continue; // absent (null)
        }
        field.setAccessible(true);
        field.set(model, value(field.getType(), field.getGenericType(), random, depth));
      }
      return model;
    } catch (ReflectiveOperationException e) {
      throw new LinkageError(e.getMessage(), e);
    }
  }

  private static Object value(Class<?> type, Type generic, Random random, int depth) {
    if (type == String.class) {
      return string(random);
    } else if (type == Long.class) {
      long[] extremes = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1L << 31, 9_000_000_001L};
      return random.nextBoolean() ? extremes[random.nextInt(extremes.length)] : random.nextLong();
    } else if (type == Integer.class) {
      return random.nextBoolean() ? random.nextInt(7) : random.nextInt();
    } else if (type == Boolean.class) {
      return random.nextBoolean();
    } else if (type == Double.class) {
      return random.nextBoolean() ? random.nextDouble() * 1e6 : (double) random.nextInt(100);
    } else if (type == Float.class) {
      return (float) random.nextInt(1000) / 8;
    } else if (type == BigDecimal.class) {
      return BigDecimal.valueOf(random.nextInt(1_000_000), random.nextInt(4));
    } else if (type == OffsetDateTime.class) {
      Instant instant = Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE), random.nextInt(1_000_000) * 1000L);
      return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS),
          ZoneOffset.ofTotalSeconds((random.nextInt(36) - 18) * 3600));
    } else if (type == LocalDate.class) {
      return LocalDate.ofEpochDay(random.nextInt(40_000));
    } else if (type == List.class && generic instanceof ParameterizedType) {
      Type item = ((ParameterizedType) generic).getActualTypeArguments()[0];
      List<Object> list = new ArrayList<>();
      int size = depth > 2 ? 0 : random.nextInt(3);
      for (int i = 0; i < size; i++) {
        list.add(value(raw(item), item, random, depth + 1));
      }
      return list;
    } else if (type == Map.class && generic instanceof ParameterizedType) {
      Type item = ((ParameterizedType) generic).getActualTypeArguments()[1];
      if (item == Object.class) {
        return map(random, 0);
      }
      Map<String, Object> map = new LinkedHashMap<>();
      if (depth <= 2 && random.nextBoolean()) {
        map.put(string(random), value(raw(item), item, random, depth + 1));
      }
      return map;
    } else if (type == Object.class) {
      return map(random, 0);
    }
    return fill(type, random, depth + 1);
  }

  private static Class<?> raw(Type type) {
    return type instanceof ParameterizedType ? (Class<?>) ((ParameterizedType) type).getRawType() : (Class<?>) type;
  }

  private static Map<String, Object> map(Random random, int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    int size = random.nextInt(4);
    for (int i = 0; i < size; i++) {
      int kind = random.nextInt(depth > 2 ? 3 : 4);
      Object value = kind == 0 ? string(random) : kind == 1 ? (Object) random.nextLong()
          : kind == 2 ? (Object) random.nextBoolean() : map(random, depth + 1);
      map.put(string(random), value);
    }
    return map;
  }

  /** Text with the characters that break naive code: quotes, backslashes, controls, emoji. */
  static String string(Random random) {
    String[] pieces = {"a", "Ada", "\"", "\\", "\n", "\r\n", "\u0000", "é", "漢", "\uD83D\uDE00", "</script>", " ",
        "%0d%0a", "&", "=", "{", "}"};
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      out.append(pieces[random.nextInt(pieces.length)]);
    }
    return out.toString();
  }
}
