package io.github.togglapi.client;

import java.io.IOException;
import java.lang.reflect.Type;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.ToNumberPolicy;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import org.jspecify.annotations.Nullable;

/**
 * The Gson set up for the Toggl API: RFC 3339 timestamps (with up to nanosecond fractions) as
 * {@link OffsetDateTime}, dates as {@link LocalDate}, unknown fields ignored, {@code null} accepted for every optional field,
 * nulls left out of requests. Thread-safe.
 */
public final class JSON {
  private final Gson gson;

  /** A JSON set up for the Toggl API. */
  public JSON() {
    this.gson = new GsonBuilder()
        .registerTypeAdapterFactory(GeneratedAdapters.INSTANCE)
        .registerTypeAdapter(OffsetDateTime.class, new OffsetDateTimeAdapter().nullSafe())
        .registerTypeAdapter(LocalDate.class, new LocalDateAdapter().nullSafe())
        // Bodies are JSON for an API, never embedded in HTML: keep '<', '>', '=' and '&' readable.
        .disableHtmlEscaping()
        // Free-form values (user options): whole numbers stay exact longs, not doubles.
        .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
        // Standard JSON only: a proxy's HTML or plain text must not pass as a lenient string.
        .setStrictness(Strictness.STRICT)
        .create();
  }

  /**
   * Returns the underlying Gson.
   *
   * @return the underlying Gson
   */
  public Gson getGson() {
    return gson;
  }

  /**
   * Writes a value as JSON.
   *
   * @param value a model, string, number or null
   * @return its JSON text
   */
  public String serialize(@Nullable Object value) {
    return gson.toJson(value);
  }

  /**
   * Reads JSON text as a value of the given type.
   *
   * @param body the JSON text
   * @param type the type to read, for example {@code ModelsUser.class} or {@code String.class}
   * @param <T> the type to read
   * @return the value, or null for empty text or the JSON literal null
   * @throws JsonParseException if the text is not valid JSON for the type
   */
  @SuppressWarnings("TypeParameterUnusedInFormals") // the signature generated clients have, kept for familiarity
  public <T> @Nullable T deserialize(String body, Type type) {
    return gson.fromJson(body, type);
  }

  /**
   * Returns a copy of a model with some of its JSON fields set, the original untouched: how the
   * generated page methods ask for the next page of a search with the same filter.
   *
   * @param model the model to copy
   * @param fields the JSON field names and their values, in pairs; a null value leaves the field
   *     as the model has it
   * @param <T> the model's type
   * @return the copy
   */
  public <T> T withFields(T model, @Nullable Object... fields) {
    JsonObject tree = gson.toJsonTree(model).getAsJsonObject();
    for (int i = 0; i + 1 < fields.length; i += 2) {
      if (fields[i + 1] != null) {
        tree.add(String.valueOf(fields[i]), gson.toJsonTree(fields[i + 1]));
      }
    }
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) model.getClass();
    return gson.fromJson(tree, type);
  }

  /**
   * Reads an RFC 3339 timestamp ({@link Rfc3339}), as the adapters of the generated models and
   * this JSON's own do.
   *
   * @param in the reader, at a string
   * @return the timestamp
   * @throws IOException if the reader fails
   * @throws JsonParseException if the string is not an RFC 3339 timestamp; the message says where
   * @throws IllegalStateException if the next value is an object, an array, a boolean or null
   */
  public static OffsetDateTime readDateTime(JsonReader in) throws IOException {
    String text = in.nextString();
    try {
      return Rfc3339.parse(text);
    } catch (DateTimeException e) {
      throw new JsonParseException("Not an RFC 3339 timestamp at " + in.getPreviousPath(), e);
    }
  }

  /**
   * Finds a generated model's own adapter factory by its name, {@code <Model>$GsonAdapterFactory},
   * before Gson would find it through the model's {@code @JsonAdapter}: reading a class's
   * annotations sets up the JVM's annotation parsing and proxy classes, about 25 ms at a cold start
   * that the first call would otherwise pay. Any other Gson still finds the factory through the
   * annotation, and so does this one if the name does not resolve (a shrinker renamed it).
   */
  private static final class GeneratedAdapters implements TypeAdapterFactory {
    static final GeneratedAdapters INSTANCE = new GeneratedAdapters();
    /** The generated models' package; a name, so that the runtime does not depend on the models. */
    private static final String MODELS = "io.github.togglapi.client.model.";

    @Override
    public <T> @Nullable TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
      Class<? super T> raw = type.getRawType();
      if (!raw.getName().startsWith(MODELS) || raw.getName().indexOf('$') >= 0) {
        return null;
      }
      try {
        Class<?> factory = Class.forName(raw.getName() + "$GsonAdapterFactory", true, raw.getClassLoader());
        return ((TypeAdapterFactory) factory.getDeclaredConstructor().newInstance()).create(gson, type);
      } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
        return null; // Gson's own @JsonAdapter lookup takes over
      }
    }
  }

  /**
   * Reads a date as Toggl writes one ({@code 2017-09-07}), as the adapters of the generated models
   * and this JSON's own do.
   *
   * @param in the reader, at a string
   * @return the date
   * @throws IOException if the reader fails
   * @throws JsonParseException if the string is not a date; the message says where
   * @throws IllegalStateException if the next value is an object, an array, a boolean or null
   */
  public static LocalDate readDate(JsonReader in) throws IOException {
    String text = in.nextString();
    try {
      return LocalDate.parse(text);
    } catch (DateTimeException e) {
      throw new JsonParseException("Not a date (yyyy-mm-dd) at " + in.getPreviousPath(), e);
    }
  }

  /** Dates as Toggl writes them: {@code 2017-09-07}. */
  private static final class LocalDateAdapter extends TypeAdapter<LocalDate> {
    @Override
    public void write(JsonWriter out, LocalDate value) throws IOException {
      out.value(value.toString());
    }

    @Override
    public LocalDate read(JsonReader in) throws IOException {
      return readDate(in);
    }
  }

  /** RFC 3339, as Toggl sends it ({@code 2016-03-20T20:40:08.017845Z}). */
  private static final class OffsetDateTimeAdapter extends TypeAdapter<OffsetDateTime> {
    @Override
    public void write(JsonWriter out, OffsetDateTime value) throws IOException {
      out.value(Rfc3339.format(value));
    }

    @Override
    public OffsetDateTime read(JsonReader in) throws IOException {
      return readDateTime(in);
    }
  }
}
