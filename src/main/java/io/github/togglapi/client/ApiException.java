package io.github.togglapi.client;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A call that did not succeed: the server answered with an error status or a body that could not
 * be read, the request never got an answer (then {@link #getCode()} is 0 and the cause is the
 * I/O error), or the client refused to send it (code 0; the message says it "was not sent" and
 * why). The status, headers and raw body are kept as received; the message says what happened and
 * never contains a password, token or session cookie, and neither does any exception in its cause
 * chain: a cause whose message held one is replaced by a stand-in that keeps its class name,
 * masked message and stack trace.
 */
public class ApiException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The HTTP status, or 0 if no answer was received. */
  private final int code;
  /** Not serialised: OkHttp's header map need not be serialisable. */
  private final transient @Nullable Map<String, List<String>> responseHeaders;
  /** The raw response body, or null. */
  private final @Nullable String responseBody;

  /**
   * An exception with every detail.
   *
   * @param message what happened; must not contain secrets
   * @param cause the underlying error, or null
   * @param code the HTTP status, or 0 if there was no answer
   * @param responseHeaders the response headers, or null
   * @param responseBody the raw response body, or null
   */
  public ApiException(String message, @Nullable Throwable cause, int code,
      @Nullable Map<String, List<String>> responseHeaders, @Nullable String responseBody) {
    super(message, cause);
    this.code = code;
    this.responseHeaders = responseHeaders == null
        ? Collections.<String, List<String>>emptyMap()
        : Collections.unmodifiableMap(responseHeaders);
    this.responseBody = responseBody;
  }

  /**
   * An exception for an answer with an error status.
   *
   * @param message what happened; must not contain secrets
   * @param code the HTTP status
   * @param responseHeaders the response headers
   * @param responseBody the raw response body
   */
  public ApiException(String message, int code, @Nullable Map<String, List<String>> responseHeaders,
      @Nullable String responseBody) {
    this(message, null, code, responseHeaders, responseBody);
  }

  /**
   * An exception for a call that got no answer.
   *
   * @param message what happened; must not contain secrets
   * @param cause the I/O error
   */
  public ApiException(String message, Throwable cause) {
    this(message, cause, 0, null, null);
  }

  /**
   * Returns the HTTP status code, or 0 if no answer was received.
   *
   * @return the HTTP status code, or 0 if no answer was received
   */
  public int getCode() {
    return code;
  }

  /**
   * The response headers. Names are case-insensitive. They may include {@code Set-Cookie}: do not
   * log them as they are.
   *
   * @return the headers, unmodifiable; empty if no answer was received
   */
  public Map<String, List<String>> getResponseHeaders() {
    return responseHeaders == null ? Collections.<String, List<String>>emptyMap() : responseHeaders;
  }

  /**
   * Returns the raw response body as received, or null if there was none.
   *
   * @return the raw response body as received, or null if there was none
   */
  public @Nullable String getResponseBody() {
    return responseBody;
  }
}
