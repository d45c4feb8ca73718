package io.github.togglapi.client;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * 403 Forbidden: the user is signed in but may not do this (for example, is not an admin of the workspace).
 */
public class PermissionException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception for an answer with this status.
   *
   * @param message what happened; must not contain secrets
   * @param code the HTTP status
   * @param responseHeaders the response headers
   * @param responseBody the raw response body
   */
  public PermissionException(String message, int code, Map<String, List<String>> responseHeaders, @Nullable String responseBody) {
    super(message, null, code, responseHeaders, responseBody);
  }
}
