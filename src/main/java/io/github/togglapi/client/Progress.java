package io.github.togglapi.client;

import java.io.IOException;

import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.ForwardingSink;
import okio.ForwardingSource;
import okio.Okio;
import org.jspecify.annotations.Nullable;

/**
 * Counts a body's bytes as they go out or come in, for {@link ApiCallback#onUploadProgress} and
 * {@link ApiCallback#onDownloadProgress}: at most every {@value #STEP} bytes, and once when done.
 * Used only for callbacks that override one of the two, so other calls pay nothing for it.
 */
final class Progress {
  /** Bytes between two reports: often enough for a progress bar, rarely enough to cost nothing. */
  static final long STEP = 16 * 1024;

  private Progress() {}

  /**
   * Returns true if the callback overrides a progress method.
   *
   * @param callback the caller's callback
   * @return true if it wants progress
   */
  static boolean wanted(ApiCallback<?> callback) {
    try {
      Class<?> type = callback.getClass();
      return type.getMethod("onUploadProgress", long.class, long.class, boolean.class).getDeclaringClass() != ApiCallback.class
          || type.getMethod("onDownloadProgress", long.class, long.class, boolean.class).getDeclaringClass() != ApiCallback.class;
    } catch (NoSuchMethodException | SecurityException e) {
      return false;
    }
  }

  /**
   * Returns the request with its body counted, if it has one.
   *
   * @param request the request
   * @param callback told of the progress
   * @return the request to send
   */
  static Request counting(Request request, ApiCallback<?> callback) {
    RequestBody body = request.body();
    return body == null ? request : request.newBuilder().method(request.method(), new Upload(body, callback)).build();
  }

  /**
   * Returns the response with its body counted, if it has one.
   *
   * @param response the response
   * @param callback told of the progress
   * @return the response to hand on
   */
  static Response counting(Response response, ApiCallback<?> callback) {
    ResponseBody body = response.body();
    return body == null ? response : response.newBuilder().body(new Download(body, callback)).build();
  }

  /** A request body that reports how much of it has been written. */
  static final class Upload extends RequestBody {
    private final RequestBody body;
    private final ApiCallback<?> callback;

    Upload(RequestBody body, ApiCallback<?> callback) {
      this.body = body;
      this.callback = callback;
    }

    @Override
    public @Nullable MediaType contentType() {
      return body.contentType();
    }

    @Override
    public long contentLength() throws IOException {
      return body.contentLength();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      long length = contentLength();
      long[] written = {0, 0}; // so far, at the last report
      BufferedSink counting = Okio.buffer(new ForwardingSink(sink) {
        @Override
        public void write(Buffer source, long byteCount) throws IOException {
          // In steps: the buffer above hands over everything it holds at once, and the network
          // takes it as fast as the socket drains, which is the progress worth reporting.
          for (long left = byteCount; left > 0; ) {
            long step = Math.min(left, STEP);
            super.write(source, step);
            left -= step;
            written[0] += step;
            if (written[0] - written[1] >= STEP) {
              written[1] = written[0];
              callback.onUploadProgress(written[0], length, false);
            }
          }
        }
      });
      body.writeTo(counting);
      counting.emit();
      callback.onUploadProgress(written[0], length, true);
    }
  }

  /** A response body that reports how much of it has been read. */
  static final class Download extends ResponseBody {
    private final ResponseBody body;
    private final BufferedSource source;

    Download(ResponseBody body, ApiCallback<?> callback) {
      this.body = body;
      long length = body.contentLength();
      this.source = Okio.buffer(new ForwardingSource(body.source()) {
        private long read;
        private long reported;
        private boolean done;

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
          long n = super.read(sink, byteCount);
          if (n >= 0) {
            read += n;
          }
          if (n < 0 && !done) {
            done = true;
            callback.onDownloadProgress(read, length, true);
          } else if (read - reported >= STEP) {
            reported = read;
            callback.onDownloadProgress(read, length, false);
          }
          return n;
        }
      });
    }

    @Override
    public @Nullable MediaType contentType() {
      return body.contentType();
    }

    @Override
    public long contentLength() {
      return body.contentLength();
    }

    @Override
    public BufferedSource source() {
      return source;
    }
  }
}
