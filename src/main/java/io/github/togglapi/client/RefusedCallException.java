package io.github.togglapi.client;

import java.io.IOException;

/**
 * The client refused to send a call, for the reason in the message (credentials that would go to
 * another origin or over plain HTTP). Nothing was sent, and the call is not retried: it would be
 * refused again.
 */
final class RefusedCallException extends IOException {
  private static final long serialVersionUID = 1L;

  RefusedCallException(String reason) {
    super(reason);
  }
}
