package io.github.togglapi.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Receives the outcome of an asynchronous call. Exactly one of {@link #onFailure} and
 * {@link #onSuccess} is called, once, on an OkHttp dispatcher thread; a cancelled call ends in
 * {@link #onFailure}. Override {@link #onUploadProgress} or {@link #onDownloadProgress} to follow
 * a large body; use {@link #of} for two lambdas, or {@link #future} for a
 * {@link CompletableFuture}.
 *
 * @param <T> the type of the decoded body ({@link Void} for operations without one)
 */
public interface ApiCallback<T> {
  /**
   * The call failed: an error status, an unreadable body, or no answer (code 0).
   *
   * @param e what happened, with the status, headers and raw body
   * @param statusCode the HTTP status, or 0 if no answer was received
   * @param responseHeaders the response headers; empty if no answer was received
   */
  void onFailure(ApiException e, int statusCode, Map<String, List<String>> responseHeaders);

  /**
   * The call succeeded.
   *
   * @param result the decoded body, or null for operations without one
   * @param statusCode the HTTP status
   * @param responseHeaders the response headers
   */
  void onSuccess(@Nullable T result, int statusCode, Map<String, List<String>> responseHeaders);

  /**
   * The request body is being sent. Called on the thread that writes it: every 16 KiB or more of a
   * large body, and once with {@code done} when all of it is written. A retried call reports again
   * from zero. Does nothing unless overridden; the body is not even counted then.
   *
   * @param bytesWritten bytes written so far
   * @param contentLength the body's length, or -1 if unknown
   * @param done true once the whole body is written
   */
  default void onUploadProgress(long bytesWritten, long contentLength, boolean done) {
  }

  /**
   * The response body is arriving, as the network delivers it (compressed, if the server
   * compressed it). Called on the thread that reads it: every 16 KiB or more of a large body, and
   * once with {@code done} when all of it has arrived. A retried call reports again from zero.
   * Does nothing unless overridden; the body is not even counted then.
   *
   * @param bytesRead bytes read so far
   * @param contentLength the body's length as sent, or -1 if unknown
   * @param done true once the whole body has arrived
   */
  default void onDownloadProgress(long bytesRead, long contentLength, boolean done) {
  }

  /**
   * A callback made of two lambdas.
   *
   * <pre>{@code
   * api.postResetTokenAsync(ApiCallback.of(token -> store(token), e -> log(e.getMessage())));
   * }</pre>
   *
   * @param onSuccess gets the decoded body (null for operations without one)
   * @param onFailure gets the exception, with the status, headers and raw body
   * @param <T> the type of the decoded body
   * @return the callback
   */
  static <T> ApiCallback<T> of(Consumer<? super @Nullable T> onSuccess, Consumer<? super ApiException> onFailure) {
    if (onSuccess == null || onFailure == null) {
      throw new NullPointerException(onSuccess == null ? "onSuccess" : "onFailure");
    }
    return new ApiCallback<T>() {
      @Override
      public void onFailure(ApiException e, int statusCode, Map<String, List<String>> responseHeaders) {
        onFailure.accept(e);
      }

      @Override
      public void onSuccess(@Nullable T result, int statusCode, Map<String, List<String>> responseHeaders) {
        onSuccess.accept(result);
      }
    };
  }

  /**
   * Starts an asynchronous call and returns its outcome as a {@link CompletableFuture}: completed
   * with the decoded body, or exceptionally with the {@link ApiException}. Cancelling the future
   * cancels the call.
   *
   * <pre>{@code
   * CompletableFuture<SsoConfigResult> sso = ApiCallback.future(cb -> api.getWorkspaceSsoAsync(42L, cb));
   * }</pre>
   *
   * @param start starts the call with the callback it is given, and returns the call
   * @param <T> the type of the decoded body
   * @return the future
   */
  static <T> CompletableFuture<@Nullable T> future(Function<ApiCallback<T>, okhttp3.Call> start) {
    if (start == null) {
      throw new NullPointerException("start");
    }
    CallFuture<T> future = new CallFuture<>();
    future.started(start.apply(future));
    return future;
  }
}
