package io.github.togglapi.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Tries a call again as {@link RetryPolicy} allows: after 429 (waiting what {@code Retry-After}
 * asks, unless that is longer than the client allows), and, for idempotent methods only, after
 * 502, 503, 504, a failed connection or a body that broke off. Stops at once when the call is
 * cancelled or times out.
 * OkHttp's own silent retry is switched off in {@link ApiClient}, so this is the only one.
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
    for (int retry = 0; ; retry++) {
      Response response;
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        if (retry >= policy.maxRetries || !RetryPolicy.isIdempotent(method) || chain.call().isCanceled()) {
          throw e;
        }
        long wait = policy.backoffMillis(retry);
        log(request, "failed (" + e + ")", wait, retry, policy);
        sleep(chain, wait);
        continue;
      }
      if (retry >= policy.maxRetries || !RetryPolicy.isRetryable(response.code(), method)) {
        if (retry < policy.maxRetries && RetryPolicy.isIdempotent(method) && !bodyArrives(response)) {
          long wait = policy.backoffMillis(retry);
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
      log(request, "answered HTTP " + response.code(), wait, retry, policy);
      response.close();
      sleep(chain, wait);
    }
  }

  /**
   * Reads the whole body now, while the call may still be tried again: a connection that breaks
   * in the middle of a body is a connection failure too. Bodies of this API are small.
   *
   * @return true if the body arrived; false (and the response closed) if it broke off
   */
  private static boolean bodyArrives(Response response) {
    ResponseBody body = response.body();
    if (body == null) {
      return true;
    }
    try {
      body.source().request(Long.MAX_VALUE);
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

  /** Waits, but gives up at once if the call is cancelled (or its whole-call timeout fires). */
  private static void sleep(Chain chain, long millis) throws IOException {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    while (true) {
      if (chain.call().isCanceled()) {
        throw new InterruptedIOException("Canceled while waiting to retry");
      }
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      if (left <= 0) {
        return;
      }
      try {
        Thread.sleep(Math.min(left, CANCEL_CHECK_MILLIS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("Interrupted while waiting to retry");
      }
    }
  }
}
