package io.github.togglapi.client;

import java.io.IOException;
import java.net.UnknownServiceException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * When and how long to wait before trying a call again. Immutable.
 *
 * <p>429 is retried for every method, since nothing was done. 502, 503 and 504 and connection
 * failures are retried only for idempotent methods: a POST or PATCH may have taken effect. 402
 * (quota) is never retried: the quota frees requests only as its hour slides by.
 */
final class RetryPolicy {
  static final RetryPolicy DEFAULT = new RetryPolicy(3, 1_000, 30_000);

  final int maxRetries;
  final long initialDelayMillis;
  final long maxWaitMillis;

  RetryPolicy(int maxRetries, long initialDelayMillis, long maxWaitMillis) {
    if (maxRetries < 0 || initialDelayMillis < 0 || maxWaitMillis < 0) {
      throw new IllegalArgumentException("Retry settings must not be negative");
    }
    this.maxRetries = maxRetries;
    this.initialDelayMillis = initialDelayMillis;
    this.maxWaitMillis = maxWaitMillis;
  }

  RetryPolicy withMaxRetries(int value) {
    return new RetryPolicy(value, initialDelayMillis, maxWaitMillis);
  }

  RetryPolicy withInitialDelay(long millis) {
    return new RetryPolicy(maxRetries, millis, maxWaitMillis);
  }

  RetryPolicy withMaxWait(long millis) {
    return new RetryPolicy(maxRetries, initialDelayMillis, millis);
  }

  static boolean isIdempotent(String method) {
    return method.equals("GET") || method.equals("PUT") || method.equals("DELETE")
        || method.equals("HEAD") || method.equals("OPTIONS");
  }

  /**
   * Returns whether an answer with this status may be tried again for this method.
   *
   * @return whether an answer with this status may be tried again for this method
   */
  static boolean isRetryable(int status, String method) {
    return status == 429 || (isIdempotent(method) && (status == 502 || status == 503 || status == 504));
  }

  /**
   * True for failures that trying again cannot mend: a certificate the client does not trust or
   * that names another host, a protocol the client refuses (cleartext where it is not permitted).
   * Retrying them would only make the caller wait.
   *
   * @param e the I/O error
   * @return true if the failure is permanent
   */
  static boolean isPermanent(IOException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof CertificateException || cause instanceof CertPathValidatorException
          || cause instanceof CertPathBuilderException || cause instanceof SSLPeerUnverifiedException
          || cause instanceof UnknownServiceException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Exponential backoff with jitter: the n-th retry waits between half and all of
   * {@code initialDelay * 2^n}, never more than the longest wait allowed.
   */
  long backoffMillis(int retry) {
    int doublings = Math.min(retry, 30);
    long full = initialDelayMillis > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE : initialDelayMillis << doublings;
    long capped = Math.min(full, maxWaitMillis);
    return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
  }

  /**
   * Reads {@code Retry-After}: seconds, or an HTTP date.
   *
   * @param value the header value, or null
   * @param now the current time, for dates
   * @return the wait asked for (zero for a date in the past), or null if absent or unreadable
   */
  static Duration parseRetryAfter(String value, Instant now) {
    if (value == null || value.trim().isEmpty()) {
      return null;
    }
    String text = value.trim();
    if (text.matches("\\d{1,10}")) {
      return Duration.ofSeconds(Long.parseLong(text));
    }
    try {
      Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    } catch (DateTimeException e) {
      return null;
    }
  }
}
