package io.github.togglapi.client;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Runs one asynchronous call to its end, retries included, and tells the caller's callback
 * exactly once. A retry does not wait on an OkHttp dispatcher thread (five per host by default, so
 * a burst of 429s would stall every other call): {@link RetryInterceptor} hands the wait back, and
 * a shared timer thread starts a copy of the call when it is over. The caller holds the first
 * call; cancelling it reaches a waiting retry or a copy under way within
 * {@value RetryInterceptor#CANCEL_CHECK_MILLIS} ms.
 *
 * @param <T> the type of the decoded body
 */
final class AsyncCall<T> implements Callback {
  private final ResponseHandler responses;
  private final Call first;
  private final RetryInterceptor.Attempt attempt;
  private final @Nullable Type returnType;
  private final ApiCallback<T> callback;
  private final Executor callbackExecutor;
  private final AtomicBoolean told = new AtomicBoolean();

  /** The try under way, while a retry is; guarded by this. */
  private @Nullable Call current;
  /** When the waiting retry is due (System.nanoTime), or -1 if none is waiting; guarded by this. */
  private long dueNanos = -1;
  private @Nullable ScheduledFuture<?> watch;

  AsyncCall(ResponseHandler responses, Call first, RetryInterceptor.Attempt attempt,
      @Nullable Type returnType, ApiCallback<T> callback, Executor callbackExecutor) {
    this.responses = responses;
    this.first = first;
    this.attempt = attempt;
    this.returnType = returnType;
    this.callback = callback;
    this.callbackExecutor = callbackExecutor;
  }

  void start() {
    attempt.async = true;
    if (Progress.wanted(callback)) {
      attempt.progress = callback;
    }
    first.enqueue(this);
  }

  @Override
  public void onFailure(Call call, IOException e) {
    long wait = attempt.takePendingWait();
    if (wait >= 0 && retryLater(wait)) {
      return;
    }
    fail(responses.noAnswer(first.isCanceled() ? first : call, e));
  }

  @Override
  public void onResponse(Call call, Response response) {
    long wait = attempt.takePendingWait();
    if (wait >= 0) {
      response.close();
      if (!retryLater(wait)) {
        fail(responses.noAnswer(first, new IOException("Canceled")));
      }
      return;
    }
    ApiResponse<T> result;
    try {
      result = responses.handle(call, response, returnType);
    } catch (ApiException e) {
      fail(e);
      return;
    } catch (RuntimeException | Error e) {
      // A bug of ours must still end in exactly one callback, not in silence.
      fail(new ApiException(ResponseHandler.describe(call) + " failed unexpectedly: " + e, e, response.code(),
          response.headers().toMultimap(), null));
      return;
    } finally {
      response.close();
    }
    stopWatching();
    // Outside the try: an exception thrown by onSuccess must not also call onFailure.
    if (told.compareAndSet(false, true)) {
      callback.onSuccess(result.getData(), result.getStatusCode(), result.getHeaders());
    }
  }

  /** Schedules the next try; false if the caller has cancelled meanwhile. */
  private synchronized boolean retryLater(long waitMillis) {
    if (first.isCanceled()) {
      return false;
    }
    current = null;
    dueNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
    if (watch == null) {
      watch = Timer.INSTANCE.scheduleWithFixedDelay(this::check, Math.min(waitMillis, RetryInterceptor.CANCEL_CHECK_MILLIS),
          RetryInterceptor.CANCEL_CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }
    return true;
  }

  /** On the timer: forwards a cancel, or starts the retry that is due. */
  private void check() {
    try {
      checkNow();
    } catch (RuntimeException | Error e) {
      // A periodic task that throws is silently stopped; the caller must still hear once.
      fail(new ApiException(ResponseHandler.describe(first) + " failed unexpectedly while retrying: " + e, e));
    }
  }

  private void checkNow() {
    boolean cancelledWhileWaiting = false;
    synchronized (this) {
      if (first.isCanceled()) {
        if (current != null) {
          current.cancel(); // its callback reports the cancel
        } else if (dueNanos >= 0) {
          dueNanos = -1;
          cancelledWhileWaiting = true;
        }
      } else if (dueNanos >= 0 && System.nanoTime() - dueNanos >= 0) {
        dueNanos = -1;
        attempt.retries.incrementAndGet();
        Call next = first.clone();
        long left = attempt.nanosLeft();
        if (left != Long.MAX_VALUE) {
          next.timeout().timeout(Math.max(1, left), TimeUnit.NANOSECONDS);
        }
        current = next;
        next.enqueue(this);
      }
    }
    if (cancelledWhileWaiting) {
      // On a dispatcher thread, as every other callback.
      callbackExecutor.execute(() -> fail(responses.noAnswer(first, new IOException("Canceled"))));
    }
  }

  private void fail(ApiException e) {
    stopWatching();
    if (told.compareAndSet(false, true)) {
      callback.onFailure(e, e.getCode(), e.getResponseHeaders());
    }
  }

  private synchronized void stopWatching() {
    if (watch != null) {
      watch.cancel(false);
      watch = null;
    }
    current = null;
  }

  /** One daemon thread for every client's retry timers, made on the first retry. */
  private static final class Timer {
    static final ScheduledThreadPoolExecutor INSTANCE = create();

    private static ScheduledThreadPoolExecutor create() {
      ThreadFactory daemon = runnable -> {
        Thread thread = new Thread(runnable, "toggl-api-java retry timer");
        thread.setDaemon(true);
        return thread;
      };
      ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemon);
      timer.setRemoveOnCancelPolicy(true);
      return timer;
    }
  }
}
