package io.github.togglapi.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;

/**
 * No (complete) answer came: the connection was refused or reset, a timeout ran out, TLS failed, the
 * body broke off, or the call was cancelled ({@link #isCancelled()}). The cause is the I/O error.
 * {@link #getCode()} is 0,
 * unless the status line and headers arrived before the body broke off. Idempotent calls (GET,
 * PUT, DELETE) were retried before this was thrown; POST and PATCH never are, as they may have
 * reached the server.
 */
public class NetworkException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** True if the caller cancelled the call. */
  private final boolean cancelled;

  /**
   * An exception for a call that got no answer.
   *
   * @param message what happened; must not contain secrets
   * @param cause the I/O error
   */
  public NetworkException(String message, IOException cause) {
    this(message, cause, false);
  }

  /**
   * An exception for a call that got no answer, or that the caller cancelled.
   *
   * @param message what happened; must not contain secrets
   * @param cause the I/O error
   * @param cancelled true if the caller cancelled the call
   */
  public NetworkException(String message, IOException cause, boolean cancelled) {
    super(message, cause);
    this.cancelled = cancelled;
  }

  /**
   * An exception for an answer whose body broke off.
   *
   * @param message what happened; must not contain secrets
   * @param cause the I/O error
   * @param code the HTTP status that arrived
   * @param responseHeaders the headers that arrived
   */
  public NetworkException(String message, IOException cause, int code, Map<String, List<String>> responseHeaders) {
    super(message, cause, code, responseHeaders, null);
    this.cancelled = false;
  }

  /**
   * Returns true if the call ended because the caller cancelled it ({@code call.cancel()}), not
   * because of the network or a timeout.
   *
   * @return true if the caller cancelled the call
   */
  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * Returns true if a timeout (connect, read, write or whole call) ran out.
   *
   * @return true if a timeout (connect, read, write or whole call) ran out
   */
  public boolean isTimeout() {
    Throwable cause = getCause();
    // OkHttp reports a whole-call timeout as InterruptedIOException("timeout"); a cancelled call
    // is a plain IOException("Canceled").
    return cause instanceof SocketTimeoutException
        || (cause instanceof InterruptedIOException && "timeout".equals(cause.getMessage()));
  }
}
