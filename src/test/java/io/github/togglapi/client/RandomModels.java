package io.github.togglapi.client;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.github.togglapi.client.model.MePostInitialWorkspace;
import io.github.togglapi.client.model.MePostSessionHandlerRequestBody;
import io.github.togglapi.client.model.MePostUser;
import io.github.togglapi.client.model.ModelsSSOConfig;
import io.github.togglapi.client.model.ModelsTogglUser;
import io.github.togglapi.client.model.ModelsUser;
import io.github.togglapi.client.model.Saml2LoginResponse;
import io.github.togglapi.client.model.SsoConfigResult;
import io.github.togglapi.client.model.SsoConfirmation;
import io.github.togglapi.client.model.SsoSPSettings;
import io.github.togglapi.client.model.SsoState;

/** Fills any generated model with random values, each field present, null or extreme. */
final class RandomModels {
  static final List<Class<?>> ALL = Arrays.<Class<?>>asList(MePostInitialWorkspace.class,
      MePostSessionHandlerRequestBody.class, MePostUser.class, ModelsSSOConfig.class, ModelsTogglUser.class,
      ModelsUser.class, Saml2LoginResponse.class, SsoConfigResult.class, SsoConfirmation.class,
      SsoSPSettings.class, SsoState.class);

  /** The types the operations answer with. */
  static final List<Class<?>> RESPONSES = Arrays.<Class<?>>asList(ModelsTogglUser.class, ModelsUser.class,
      SsoConfigResult.class, ModelsSSOConfig.class, SsoState.class, Saml2LoginResponse.class);

  private RandomModels() {}

  static Object fill(Class<?> type, Random random) {
    try {
      Object model = type.getConstructor().newInstance();
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) || random.nextInt(5) == 0) {
          continue; // absent (null)
        }
        field.setAccessible(true);
        field.set(model, value(field, random));
      }
      return model;
    } catch (ReflectiveOperationException e) {
      throw new LinkageError(e.getMessage(), e);
    }
  }

  private static Object value(Field field, Random random) {
    Class<?> type = field.getType();
    if (type == String.class) {
      return string(random);
    } else if (type == Long.class) {
      long[] extremes = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1L << 31, 9_000_000_001L};
      return random.nextBoolean() ? extremes[random.nextInt(extremes.length)] : random.nextLong();
    } else if (type == Integer.class) {
      return random.nextBoolean() ? random.nextInt(7) : random.nextInt();
    } else if (type == Boolean.class) {
      return random.nextBoolean();
    } else if (type == OffsetDateTime.class) {
      Instant instant = Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE), random.nextInt(1_000_000) * 1000L);
      return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS),
          ZoneOffset.ofTotalSeconds((random.nextInt(36) - 18) * 3600));
    } else if (type == Map.class && field.getGenericType() instanceof ParameterizedType) {
      return map(random, 0);
    }
    return fill(type, random);
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
