package io.github.togglapi.client;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * 401 Unauthorized: the credentials are missing or wrong, the API token was reset, or the session ended or expired. Sign in again; retrying as is will not help.
 */
public class AuthenticationException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception for an answer with this status.
   *
   * @param message what happened; must not contain secrets
   * @param code the HTTP status
   * @param responseHeaders the response headers
   * @param responseBody the raw response body
   */
  public AuthenticationException(String message, int code, Map<String, List<String>> responseHeaders, @Nullable String responseBody) {
    super(message, null, code, responseHeaders, responseBody);
  }
}
