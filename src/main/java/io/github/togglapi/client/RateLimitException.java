package io.github.togglapi.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * 429 Too Many Requests, after the client's retries were spent (or the server asked for a longer
 * wait than the client allows). Toggl's rate limit is a leaky bucket: about one request per second
 * per API token and IP is safe. Slow down, then retry after {@link #getRetryAfter()}.
 */
public class RateLimitException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** The wait the server asked for, or null. */
  private final @Nullable Duration retryAfter;

  /**
   * An exception for a 429 answer.
   *
   * @param message what happened; must not contain secrets
   * @param responseHeaders the response headers
   * @param responseBody the raw response body
   * @param retryAfter the wait the server asked for ({@code Retry-After}), or null
   */
  public RateLimitException(String message, Map<String, List<String>> responseHeaders, @Nullable String responseBody,
      @Nullable Duration retryAfter) {
    super(message, null, 429, responseHeaders, responseBody);
    this.retryAfter = retryAfter;
  }

  /**
   * Returns the wait the server asked for ({@code Retry-After}), or null if it did not say.
   *
   * @return the wait the server asked for ({@code Retry-After}), or null if it did not say
   */
  public @Nullable Duration getRetryAfter() {
    return retryAfter;
  }
}
