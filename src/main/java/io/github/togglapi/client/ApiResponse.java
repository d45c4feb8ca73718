package io.github.togglapi.client;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The answer to one call: its status, headers and decoded body. Immutable; every call returns its
 * own, so a shared client never mixes up two calls' answers.
 *
 * @param <T> the type of the decoded body ({@link Void} for operations without one)
 */
public final class ApiResponse<T> {
  private final int statusCode;
  /** The headers as OkHttp has them; turned into a map only if asked for. */
  private final okhttp3.@Nullable Headers okHttpHeaders;
  private volatile @Nullable Map<String, List<String>> headers;
  private final @Nullable T data;

  /**
   * A response.
   *
   * @param statusCode the HTTP status
   * @param headers the headers (case-insensitive names)
   * @param data the decoded body, or null
   */
  public ApiResponse(int statusCode, @Nullable Map<String, List<String>> headers, @Nullable T data) {
    this.statusCode = statusCode;
    this.okHttpHeaders = null;
    this.headers = headers == null
        ? Collections.<String, List<String>>emptyMap()
        : Collections.unmodifiableMap(headers);
    this.data = data;
  }

  /** The client's own path: most callers never look at the headers, so no map is built for them. */
  ApiResponse(int statusCode, okhttp3.Headers headers, @Nullable T data) {
    this.statusCode = statusCode;
    this.okHttpHeaders = headers;
    this.data = data;
  }

  /**
   * Returns the HTTP status code.
   *
   * @return the HTTP status code
   */
  public int getStatusCode() {
    return statusCode;
  }

  /**
   * The response headers; names are case-insensitive. They may include {@code Set-Cookie}.
   *
   * @return the headers, unmodifiable
   */
  public Map<String, List<String>> getHeaders() {
    Map<String, List<String>> map = headers;
    if (map == null) {
      // Two threads racing here build equal maps: no lock needed.
      map = Collections.unmodifiableMap(okHttpHeaders == null
          ? Collections.<String, List<String>>emptyMap() : okHttpHeaders.toMultimap());
      headers = map;
    }
    return map;
  }

  /**
   * The first value of a header.
   *
   * @param name the header name, in any case
   * @return the value, or null if absent
   */
  public @Nullable String getHeader(String name) {
    if (okHttpHeaders != null) {
      return okHttpHeaders.get(name);
    }
    List<String> values = getHeaders().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * Returns the decoded body, or null for operations without one.
   *
   * @return the decoded body, or null for operations without one
   */
  public @Nullable T getData() {
    return data;
  }

  /**
   * The status and the data. Headers are left out (they may carry the session cookie), and so are
   * string results, which may be a secret such as a new API token: only their length is shown.
   * Models show themselves with their secret fields masked.
   */
  @Override
  public String toString() {
    Object shown = data instanceof CharSequence ? "(" + ((CharSequence) data).length() + " characters)" : data;
    return "ApiResponse{statusCode=" + statusCode + ", data=" + shown + "}";
  }
}
