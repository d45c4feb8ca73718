package io.github.togglapi.client;

import java.io.IOException;

/**
 * The client refused to send a call, for the reason in the message (credentials or secrets that
 * would go to another origin or over plain HTTP). Nothing was sent, and the call is not retried:
 * it would be refused again.
 */
class RefusedCallException extends IOException {
  private static final long serialVersionUID = 1L;

  RefusedCallException(String reason) {
    super(reason);
  }

  private RefusedCallException(String reason, Throwable cause) {
    super(reason, cause);
  }

  /**
   * An unchecked exception from an interceptor or from OkHttp itself, carried as an I/O error so
   * that the call ends in an {@link ApiException}. Not retried: the same bug would throw again.
   */
  static final class Unexpected extends RefusedCallException {
    private static final long serialVersionUID = 1L;

    Unexpected(RuntimeException cause) {
      super("failed unexpectedly: " + cause, cause);
    }
  }
}
