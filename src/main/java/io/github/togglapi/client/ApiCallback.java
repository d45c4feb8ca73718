package io.github.togglapi.client;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Receives the outcome of an asynchronous call. Exactly one of the two methods is called, once, on
 * an OkHttp dispatcher thread; a cancelled call ends in {@link #onFailure}.
 *
 * @param <T> the type of the decoded body ({@link Void} for operations without one)
 */
public interface ApiCallback<T> {
  /**
   * The call failed: an error status, an unreadable body, or no answer (code 0).
   *
   * @param e what happened, with the status, headers and raw body
   * @param statusCode the HTTP status, or 0 if no answer was received
   * @param responseHeaders the response headers; empty if no answer was received
   */
  void onFailure(ApiException e, int statusCode, Map<String, List<String>> responseHeaders);

  /**
   * The call succeeded.
   *
   * @param result the decoded body, or null for operations without one
   * @param statusCode the HTTP status
   * @param responseHeaders the response headers
   */
  void onSuccess(@Nullable T result, int statusCode, Map<String, List<String>> responseHeaders);
}
