package io.github.togglapi.client;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A 5xx answer: the service or a proxy in front of it failed. Idempotent calls (GET, PUT, DELETE) were retried on 502, 503 and 504 before this was thrown; POST and PATCH never are, as they may have taken effect.
 */
public class ServerException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception for an answer with this status.
   *
   * @param message what happened; must not contain secrets
   * @param code the HTTP status
   * @param responseHeaders the response headers
   * @param responseBody the raw response body
   */
  public ServerException(String message, int code, Map<String, List<String>> responseHeaders, @Nullable String responseBody) {
    super(message, null, code, responseHeaders, responseBody);
  }
}
