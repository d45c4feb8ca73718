package io.github.togglapi.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * 402 Payment Required: the hourly request quota is used up (a sliding 60-minute window; by plan
 * 30, 240 or 600 requests per hour per user and organization, 30 for {@code /me} endpoints).
 * Retrying soon does not help, so the client never retries it. {@link #getResetsIn()} says when
 * requests free up, if the answer said.
 */
public class QuotaExceededException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** How long until the quota frees requests, or null. */
  private final @Nullable Duration resetsIn;
  /** Requests left in the window, or null. */
  private final @Nullable Integer remaining;

  /**
   * An exception for a 402 answer.
   *
   * @param message what happened; must not contain secrets
   * @param responseHeaders the response headers
   * @param responseBody the raw response body
   * @param resetsIn how long until requests free up, or null if the answer did not say
   * @param remaining requests left in the window, or null if the answer did not say
   */
  public QuotaExceededException(String message, Map<String, List<String>> responseHeaders, @Nullable String responseBody,
      @Nullable Duration resetsIn, @Nullable Integer remaining) {
    super(message, null, 402, responseHeaders, responseBody);
    this.resetsIn = resetsIn;
    this.remaining = remaining;
  }

  /**
   * When the quota frees requests, from {@code X-Toggl-Quota-Resets-In} (seconds) or
   * {@code Retry-After}.
   *
   * @return the time to wait, or null if the answer did not say
   */
  public @Nullable Duration getResetsIn() {
    return resetsIn;
  }

  /**
   * Returns requests left in the window ({@code X-Toggl-Quota-Remaining}), or null if not said.
   *
   * @return requests left in the window ({@code X-Toggl-Quota-Remaining}), or null if not said
   */
  public @Nullable Integer getRemaining() {
    return remaining;
  }
}
