package io.github.togglapi.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Tries a call again as {@link RetryPolicy} allows: after 429 (waiting what {@code Retry-After}
 * asks, unless that is longer than the client allows), and, for idempotent methods only, after
 * 502, 503, 504, a failed connection or a body that broke off. Any method is tried again when the
 * connection failed before the request could be sent (refused, DNS). A failure that cannot mend
 * (an untrusted certificate) is never tried again. Never waits past the call's whole-call timeout,
 * and stops at once when the call is cancelled.
 *
 * <p>A synchronous call waits on the caller's thread. An asynchronous one does not wait here: it
 * records the wait in its {@link Attempt} and returns, and {@link AsyncCall} tries again later
 * without holding an OkHttp dispatcher thread.
 *
 * <p>OkHttp's own silent retries are switched off in {@link ApiClient} or refused by
 * {@link NetworkGuard}, so this is the only one.
 */
final class RetryInterceptor implements Interceptor {
  /** How often a waiting retry checks whether its call was cancelled. */
  static final long CANCEL_CHECK_MILLIS = 20;

  private final ApiClient client;

  RetryInterceptor(ApiClient client) {
    this.client = client;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Attempt attempt = request.tag(Attempt.class);
    if (attempt == null) { // a call not built by ApiClient.buildCall
      attempt = new Attempt(client.retryPolicy());
      request = request.newBuilder().tag(Attempt.class, attempt).build();
    }
    attempt.start(chain.call().timeout().timeoutNanos());
    RetryPolicy policy = attempt.policy;
    String method = request.method();
    while (true) {
      int retry = attempt.retries.get();
      attempt.beforeTry();
      Response response;
      try {
        response = attempt.restoreHeaders(proceed(chain, request));
      } catch (RefusedCallException e) {
        throw e; // refused before sending; it would be refused again
      } catch (IOException e) {
        if (RetryPolicy.isPermanent(e)) {
          throw e; // an untrusted certificate stays untrusted
        }
        // Nothing was sent if no connection ever came up: safe to repeat whatever the method.
        boolean safe = RetryPolicy.isIdempotent(method) || !attempt.sent;
        long wait = policy.backoffMillis(retry);
        if (retry >= policy.maxRetries || !safe || chain.call().isCanceled() || attempt.pastDeadline(wait)) {
          throw e;
        }
        log(request, "failed (" + e + ")", wait, retry, policy);
        if (attempt.async) {
          attempt.retryIn(wait);
          throw e;
        }
        sleep(chain, wait);
        attempt.retries.incrementAndGet();
        continue;
      }
      long wait = retryWait(response, retry, policy, attempt);
      if (wait < 0) {
        return response;
      }
      log(request, "answered HTTP " + response.code()
          + (RetryPolicy.isRetryable(response.code(), method) ? "" : " but its body broke off"), wait, retry, policy);
      if (attempt.async) {
        attempt.retryIn(wait);
        return response; // AsyncCall closes it and tries again later
      }
      response.close();
      sleep(chain, wait);
      attempt.retries.incrementAndGet();
    }
  }

  /**
   * Proceeds, turning an unchecked exception from further down (an interceptor's bug, OkHttp's own)
   * into an I/O error that is not retried: the caller then gets an {@link ApiException}, and an
   * async call exactly one callback, rather than an exception OkHttp reports as a cancel while it
   * kills its dispatcher thread.
   */
  private static Response proceed(Chain chain, Request request) throws IOException {
    try {
      return chain.proceed(request);
    } catch (RuntimeException e) {
      throw new RefusedCallException.Unexpected(e);
    }
  }

  /**
   * How long to wait before trying again after this answer, or -1 to give the caller the answer.
   *
   * @throws IOException if the body broke off and there is no time left to retry
   */
  private long retryWait(Response response, int retry, RetryPolicy policy, Attempt attempt) throws IOException {
    String method = response.request().method();
    if (retry >= policy.maxRetries) {
      return -1;
    }
    if (!RetryPolicy.isRetryable(response.code(), method)) {
      if (!RetryPolicy.isIdempotent(method) || bodyArrives(response, client.getMaxResponseBytes())) {
        return -1;
      }
      long wait = policy.backoffMillis(retry);
      if (attempt.pastDeadline(wait)) {
        throw new IOException("The body broke off and no time is left to retry");
      }
      return wait;
    }
    long wait = policy.backoffMillis(retry);
    if (response.code() == 429 || response.code() == 503) {
      Duration asked = RetryPolicy.parseRetryAfter(response.header("Retry-After"), Instant.now());
      if (asked != null && asked.toMillis() > policy.maxWaitMillis) {
        return -1; // longer than we may wait: the caller gets the 429 and the wait asked
      }
      if (asked != null) {
        wait = asked.toMillis();
      }
    }
    return attempt.pastDeadline(wait) ? -1 : wait; // a wait that would outlast the call: answer now
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
      String operation = described != null ? described.toString() : request.method() + " " + request.url().encodedPath();
      DebugLogger.log("retry", operation + " " + Redactor.maskValues(what, client.secretsOf(request, null))
          + "; retry " + (retry + 1) + " of " + policy.maxRetries + " in " + wait + " ms");
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
        throw new InterruptedIOException("Interrupted while waiting to retry");
      }
    }
  }

  /**
   * The retry state of one call, across its tries (and, for an async call, across the copies
   * {@link AsyncCall} makes of it): the policy it started with, how many retries it has had, its
   * deadline, whether the current try reached an open connection, and the wait an async retry
   * asks for. One per call, tagged on by {@link ApiClient#buildCall}.
   */
  static final class Attempt {
    final RetryPolicy policy;
    volatile boolean async;
    final AtomicInteger retries = new AtomicInteger();
    /** True once the current try got as far as an open connection, where it may be written. */
    volatile boolean sent;
    /** The status the network answered the current try with, 0 before an answer. */
    volatile int networkStatus;
    /** The async callback, if it follows the bodies' progress; {@link NetworkGuard} counts them. */
    volatile @Nullable ApiCallback<?> progress;
    /** A {@code Retry-After} that {@link NetworkGuard} hid from OkHttp in the current try, or null. */
    volatile @Nullable String hiddenRetryAfter;
    private volatile long deadlineNanos = -1;
    private volatile long pendingWaitMillis = -1;

    Attempt(RetryPolicy policy) {
      this.policy = policy;
    }

    /** Fixes the deadline on the first try, from the call's whole-call timeout (0: none). */
    void start(long timeoutNanos) {
      if (deadlineNanos < 0) {
        deadlineNanos = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
      }
    }

    /** The time left before the deadline, in nanoseconds; {@code Long.MAX_VALUE} if none. */
    long nanosLeft() {
      return deadlineNanos <= 0 ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
    }

    /** True if waiting this long and trying again would pass the deadline. */
    boolean pastDeadline(long waitMillis) {
      return nanosLeft() <= TimeUnit.MILLISECONDS.toNanos(waitMillis);
    }

    void beforeTry() {
      sent = false;
      networkStatus = 0;
      hiddenRetryAfter = null;
    }

    /** Gives the answer back the header {@link NetworkGuard} hid from OkHttp, as it came. */
    Response restoreHeaders(Response response) {
      String retryAfter = hiddenRetryAfter;
      return retryAfter == null ? response : response.newBuilder().header("Retry-After", retryAfter).build();
    }

    void retryIn(long millis) {
      pendingWaitMillis = millis;
    }

    /** The wait an async retry asked for, cleared; -1 if the call is not to be tried again. */
    long takePendingWait() {
      long wait = pendingWaitMillis;
      pendingWaitMillis = -1;
      return wait;
    }
  }

  /**
   * A network interceptor: it runs only once a connection is up, just before the request is
   * written, so a failure before it means the server cannot have seen the request. It counts the
   * bodies of an async call whose callback follows their progress, as they cross the network. It
   * also keeps
   * OkHttp from sending a request a second time on its own within one try: OkHttp follows up a
   * 503 with {@code Retry-After: 0} (whatever the method), a 421 and others by itself, which would
   * replay a POST and make {@code setMaxRetries(0)} mean two requests. From a 503 it hides an
   * all-digit {@code Retry-After} (the retry interceptor gives it back, so only network
   * interceptors and event listeners see the answer without it); any other second send is refused,
   * except after a plain-HTTP proxy's 407, where the proxy never passed the request on.
   */
  static final class NetworkGuard implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
      Request request = chain.request();
      Attempt attempt = request.tag(Attempt.class);
      if (attempt == null) {
        return chain.proceed(request);
      }
      // After a 407 from a plain-HTTP proxy the request never got past it; over HTTPS the proxy
      // answers while the tunnel is built, so a 407 here came from the server itself.
      if (attempt.sent && !(attempt.networkStatus == 407 && !request.isHttps())) {
        throw new IOException("OkHttp tried to send " + request.method() + " " + request.url().encodedPath()
            + " again by itself after HTTP " + attempt.networkStatus + "; refused: only the client's own"
            + " retries repeat a request, and only when it is safe");
      }
      attempt.sent = true;
      ApiCallback<?> progress = attempt.progress;
      if (progress != null) {
        request = Progress.counting(request, progress);
      }
      Response response = chain.proceed(request);
      attempt.networkStatus = response.code();
      if (progress != null) {
        response = Progress.counting(response, progress);
      }
      String retryAfter = response.header("Retry-After");
      // OkHttp reads a 503's all-digit Retry-After with Integer.valueOf: 0 makes it resend the
      // request, and more digits than an int holds make it throw. It never sees one.
      if (response.code() == 503 && retryAfter != null && retryAfter.matches("\\d+")) {
        attempt.hiddenRetryAfter = retryAfter;
        return response.newBuilder().removeHeader("Retry-After").build();
      }
      return response;
    }
  }
}
