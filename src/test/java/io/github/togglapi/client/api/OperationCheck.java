package io.github.togglapi.client.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.github.togglapi.client.JSON;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/**
 * The checks the generated {@code *ApiTest} classes make of each request, with expectations
 * computed here from the spec's own words (the path template, the parameter names and places),
 * not by the SDK's code: a template that put a parameter in the wrong place, or left it out, fails.
 */
final class OperationCheck {
  /** What a file answer holds in these tests. */
  static final byte[] FILE_BYTES = {'%', 'P', 'D', 'F', 0, 1, 2, (byte) 0xff};

  private final RecordedRequest request;

  private OperationCheck(RecordedRequest request) {
    assertNotNull(request, "the operation sent no request");
    this.request = request;
  }

  static OperationCheck of(RecordedRequest request) {
    return new OperationCheck(request);
  }

  /** An answer that the operation's return type decodes: an unknown field in an object, an empty list. */
  static MockResponse answerFor(Type type) {
    MockResponse answer = new MockResponse().setHeader("Content-Type", "application/json");
    if (type == null) {
      return new MockResponse();
    } else if (type == byte[].class) {
      return new MockResponse().setHeader("Content-Type", "application/octet-stream").setBody(new Buffer().write(FILE_BYTES));
    } else if (type == String.class) {
      return answer.setBody("\"ok\"");
    } else if (type == Long.class || type == Integer.class || type == Double.class || type == java.math.BigDecimal.class) {
      return answer.setBody("7");
    } else if (type == Boolean.class) {
      return answer.setBody("true");
    } else if (type instanceof ParameterizedType && ((ParameterizedType) type).getRawType() == List.class) {
      return answer.setBody("[]");
    } else if (type instanceof ParameterizedType && ((ParameterizedType) type).getRawType() == Map.class) {
      return answer.setBody("{}");
    }
    return answer.setBody("{\"a_field_no_model_lists\":1}");
  }

  /** The decoded answer is there and of the type the operation returns. */
  static void decoded(Object result, Type type) {
    if (type == byte[].class) {
      assertEquals(new String(FILE_BYTES, StandardCharsets.ISO_8859_1), new String((byte[]) result, StandardCharsets.ISO_8859_1));
      return;
    }
    assertNotNull(result, "the answer decoded to null");
    Class<?> raw = type instanceof ParameterizedType ? (Class<?>) ((ParameterizedType) type).getRawType() : (Class<?>) type;
    assertTrue(raw.isInstance(result), result.getClass() + " is not a " + type);
  }

  /** A small file to upload. */
  static File file() {
    try {
      File file = File.createTempFile("upload", ".png");
      file.deleteOnExit();
      Files.write(file.toPath(), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  OperationCheck method(String method) {
    assertEquals(method, request.getMethod());
    return this;
  }

  /**
   * The path: the template with each {name} replaced by its value, encoded as (part of) one
   * segment, under /api/v9 or, for the reports and insights APIs, at the host's root.
   */
  OperationCheck path(boolean hostRoot, String template, Object... namesAndValues) {
    String path = template;
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String encoded = new HttpUrl.Builder().scheme("http").host("h").addPathSegment(text(namesAndValues[i + 1]))
          .build().encodedPathSegments().get(0);
      path = path.replace("{" + namesAndValues[i] + "}", encoded);
    }
    assertEquals((hostRoot ? "" : "/api/v9") + path, request.getRequestUrl().encodedPath());
    return this;
  }

  /** A query parameter: absent if null, its values repeated (multi) or joined by commas. */
  OperationCheck query(String name, Object value, boolean repeated) {
    HttpUrl url = request.getRequestUrl();
    if (value == null) {
      assertNull(url.queryParameter(name), name);
    } else if (repeated && value instanceof Collection) {
      List<String> expected = new ArrayList<>();
      for (Object item : (Collection<?>) value) {
        expected.add(text(item));
      }
      assertEquals(expected, url.queryParameterValues(name), name);
    } else {
      assertEquals(text(value), url.queryParameter(name), name);
    }
    return this;
  }

  OperationCheck header(String name, Object value) {
    assertEquals(value == null ? null : text(value), request.getHeader(name), name);
    return this;
  }

  OperationCheck accept(String produces) {
    assertEquals(produces.isEmpty() ? null : produces, request.getHeader("Accept"), "Accept");
    return this;
  }

  /** Authorization is sent exactly when the operation is not public. */
  OperationCheck authenticated(boolean secured) {
    assertEquals(secured, request.getHeader("Authorization") != null, "Authorization sent");
    return this;
  }

  /** The body is the value as JSON, with the JSON media type. */
  OperationCheck jsonBody(Object value) {
    assertTrue(request.getHeader("Content-Type").startsWith("application/json"), request.getHeader("Content-Type"));
    assertEquals(new JSON().serialize(value), request.getBody().clone().readUtf8());
    return this;
  }

  /** A form field: in an urlencoded form, or a part of a multipart one (a file by its name). */
  OperationCheck formField(String name, Object value) {
    if (value == null) {
      return this;
    }
    String contentType = request.getHeader("Content-Type");
    String body = request.getBody().clone().readString(StandardCharsets.UTF_8);
    if (contentType.startsWith("multipart/form-data")) {
      String part = value instanceof File ? "name=\"" + name + "\"; filename=\"" + ((File) value).getName() + "\""
          : "name=\"" + name + "\"";
      assertTrue(body.contains(part), part + " in " + body);
      if (!(value instanceof File)) {
        assertTrue(body.contains(text(value)), text(value) + " in " + body);
      }
    } else {
      assertTrue(contentType.startsWith("application/x-www-form-urlencoded"), contentType);
      HttpUrl fields = HttpUrl.get("http://h/?" + body);
      assertEquals(text(value), fields.queryParameter(name), name);
    }
    return this;
  }

  /** A parameter as text, as Toggl reads it: lists joined by commas, timestamps in RFC 3339. */
  private static String text(Object value) {
    if (value instanceof Collection) {
      List<String> items = new ArrayList<>();
      for (Object item : (Collection<?>) value) {
        items.add(text(item));
      }
      return String.join(",", items);
    }
    if (value instanceof OffsetDateTime) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((OffsetDateTime) value);
    }
    if (value instanceof LocalDate) {
      return value.toString();
    }
    if (value instanceof Map) {
      throw new IllegalArgumentException("A map is no parameter");
    }
    return String.valueOf(value);
  }
}
