package io.github.togglapi.client;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Tries a call again as {@link RetryPolicy} allows: after 429 (waiting what {@code Retry-After}
 * asks, unless that is longer than the client allows), and, for idempotent methods only, after
 * 502, 503, 504, a failed connection or a body that broke off. Any method is tried again when the
 * connection failed before the request could be sent (refused, DNS, TLS). Never waits past the
 * call's whole-call timeout, and stops at once when the call is cancelled. OkHttp's own silent
 * retry is switched off in {@link ApiClient}, so this is the only one.
 */
final class RetryInterceptor implements Interceptor {
  /** How often a waiting retry checks whether its call was cancelled. */
  private static final long CANCEL_CHECK_MILLIS = 20;

  private final ApiClient client;

  RetryInterceptor(ApiClient client) {
    this.client = client;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    RetryPolicy policy = client.retryPolicy();
    Request request = chain.request();
    String method = request.method();
    long start = System.nanoTime();
    Attempt attempt = request.tag(Attempt.class);
    if (attempt == null) { // a call not built by ApiClient.buildCall
      attempt = new Attempt();
      request = request.newBuilder().tag(Attempt.class, attempt).build();
    }
    for (int retry = 0; ; retry++) {
      attempt.sent = false;
      Response response;
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        // Nothing was sent if no connection ever came up: safe to repeat whatever the method.
        boolean safe = RetryPolicy.isIdempotent(method) || !attempt.sent;
        long wait = policy.backoffMillis(retry);
        if (retry >= policy.maxRetries || !safe || chain.call().isCanceled() || pastDeadline(chain, start, wait)) {
          throw e;
        }
        log(request, "failed (" + e + ")", wait, retry, policy);
        sleep(chain, wait);
        continue;
      }
      if (retry >= policy.maxRetries || !RetryPolicy.isRetryable(response.code(), method)) {
        if (retry < policy.maxRetries && RetryPolicy.isIdempotent(method)
            && !bodyArrives(response, client.getMaxResponseBytes())) {
          long wait = policy.backoffMillis(retry);
          if (pastDeadline(chain, start, wait)) {
            throw new IOException("The body broke off and no time is left to retry");
          }
          log(request, "answered HTTP " + response.code() + " but its body broke off", wait, retry, policy);
          sleep(chain, wait);
          continue;
        }
        return response;
      }
      long wait = policy.backoffMillis(retry);
      if (response.code() == 429 || response.code() == 503) {
        Duration asked = RetryPolicy.parseRetryAfter(response.header("Retry-After"), Instant.now());
        if (asked != null && asked.toMillis() > policy.maxWaitMillis) {
          return response; // longer than we may wait: the caller gets the 429 and the wait asked
        }
        if (asked != null) {
          wait = asked.toMillis();
        }
      }
      if (pastDeadline(chain, start, wait)) {
        return response; // the wait would outlast the call: the caller gets this answer now
      }
      log(request, "answered HTTP " + response.code(), wait, retry, policy);
      response.close();
      sleep(chain, wait);
    }
  }

  /** True if waiting this long and trying again would pass the call's whole-call timeout. */
  private static boolean pastDeadline(Chain chain, long start, long waitMillis) {
    long timeout = chain.call().timeout().timeoutNanos();
    return timeout > 0 && System.nanoTime() - start + TimeUnit.MILLISECONDS.toNanos(waitMillis) >= timeout;
  }

  /**
   * Reads the whole body now, while the call may still be tried again: a connection that breaks
   * in the middle of a body is a connection failure too. Bodies of this API are small; one longer
   * than the limit is read no further, since it will be refused unread.
   *
   * @return true if the body arrived (or is too long to matter); false (and the response closed)
   *     if it broke off
   */
  private static boolean bodyArrives(Response response, long maxBytes) {
    try {
      ResponseHandler.isLongerThan(response, maxBytes);
      return true;
    } catch (IOException e) {
      response.close();
      return false;
    }
  }

  private void log(Request request, String what, long wait, int retry, RetryPolicy policy) {
    if (client.isDebugging()) {
      ApiRequest described = request.tag(ApiRequest.class);
      DebugLogger.LOG.info(client.redact((described != null ? described.toString() : request.method() + " "
          + request.url().encodedPath()) + " " + what + "; retry " + (retry + 1) + " of " + policy.maxRetries
          + " in " + wait + " ms", described));
    }
  }

  /** Waits, but gives up at once if the call is cancelled. */
  private static void sleep(Chain chain, long millis) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (true) {
      if (chain.call().isCanceled()) {
        throw new IOException("Canceled"); // as OkHttp says it: a cancel is not a timeout
      }
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        return;
      }
      try {
        Thread.sleep(Math.min(left, CANCEL_CHECK_MILLIS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("Interrupted while waiting to retry");
      }
    }
  }

  /**
   * Whether the current try got as far as an open connection, where the request may be written.
   * One per call, tagged on by {@link ApiClient#buildCall}, reset before each try.
   */
  static final class Attempt {
    volatile boolean sent;
  }

  /**
   * A network interceptor: it runs only once a connection is up, just before the request is
   * written, so a failure before it means the server cannot have seen the request.
   */
  static final class MarkSent implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
      Attempt attempt = chain.request().tag(Attempt.class);
      if (attempt != null) {
        attempt.sent = true;
      }
      return chain.proceed(chain.request());
    }
  }
}
