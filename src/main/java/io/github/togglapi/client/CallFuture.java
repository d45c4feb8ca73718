package io.github.togglapi.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import okhttp3.Call;
import org.jspecify.annotations.Nullable;

/** The future {@link ApiCallback#future} returns: it completes from the callback and cancels the call. */
final class CallFuture<T> extends CompletableFuture<@Nullable T> implements ApiCallback<T> {
  private volatile @Nullable Call call;

  void started(Call call) {
    this.call = call;
    if (isCancelled()) {
      call.cancel(); // cancelled before the call was known
    }
  }

  @Override
  public void onFailure(ApiException e, int statusCode, Map<String, List<String>> responseHeaders) {
    completeExceptionally(e);
  }

  @Override
  public void onSuccess(@Nullable T result, int statusCode, Map<String, List<String>> responseHeaders) {
    complete(result);
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    Call started = call;
    if (cancelled && started != null) {
      started.cancel();
    }
    return cancelled;
  }
}
