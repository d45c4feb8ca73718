package io.github.togglapi.client;

import java.io.IOException;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Stands in, in an exception's cause chain, for an exception whose message held a secret (a
 * parser's {@code For input string: "<secret>"}, a server's text quoted by OkHttp): it keeps the
 * original's class name, masked message and stack trace, and its causes and suppressed exceptions
 * are treated the same way. An {@code IOException}, so that it can stand for the I/O error of a
 * {@link NetworkException}.
 */
final class RedactedCause extends IOException {
  private static final long serialVersionUID = 1L;

  private RedactedCause(String message) {
    super(message);
  }

  /**
   * Returns the chain as it is if no message in it holds a secret, else a copy of it in which
   * every exception is a {@code RedactedCause} with its message masked.
   *
   * @param cause the cause, or null
   * @param secrets the values to mask
   * @return the cause, or its redacted copy
   */
  static @Nullable Throwable of(@Nullable Throwable cause, Collection<String> secrets) {
    if (cause == null || !holdsSecret(cause, secrets, new IdentityHashMap<Throwable, Boolean>())) {
      return cause;
    }
    return copy(cause, secrets, new IdentityHashMap<Throwable, Throwable>());
  }

  private static boolean holdsSecret(Throwable t, Collection<String> secrets, Map<Throwable, Boolean> seen) {
    if (seen.put(t, Boolean.TRUE) != null) {
      return false;
    }
    String message = String.valueOf(t.getMessage());
    if (!Redactor.maskValues(message, secrets).equals(message)) {
      return true;
    }
    for (Throwable suppressed : t.getSuppressed()) {
      if (holdsSecret(suppressed, secrets, seen)) {
        return true;
      }
    }
    return t.getCause() != null && holdsSecret(t.getCause(), secrets, seen);
  }

  private static Throwable copy(Throwable t, Collection<String> secrets, Map<Throwable, Throwable> copies) {
    Throwable done = copies.get(t);
    if (done != null) {
      return done; // a chain that loops back on itself
    }
    String message = t.getMessage() == null ? "" : ": " + Redactor.maskValues(t.getMessage(), secrets);
    RedactedCause copy = new RedactedCause(t.getClass().getName() + message);
    copies.put(t, copy);
    copy.setStackTrace(t.getStackTrace());
    if (t.getCause() != null && t.getCause() != t) {
      copy.initCause(copy(t.getCause(), secrets, copies));
    }
    for (Throwable suppressed : t.getSuppressed()) {
      Throwable copied = copy(suppressed, secrets, copies);
      if (copied != copy) {
        copy.addSuppressed(copied);
      }
    }
    return copy;
  }
}
