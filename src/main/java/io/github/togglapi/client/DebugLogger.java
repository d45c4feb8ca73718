package io.github.togglapi.client;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * Logs each request and response, headers and body, as one record each, with every secret masked:
 * credential and cookie headers, the secret fields of bodies, whole bodies that are secrets (a new
 * API token), and any value the client knows to be a secret. OkHttp's HttpLoggingInterceptor masks
 * headers only, which is why this exists.
 */
final class DebugLogger implements Interceptor {
  static final Logger LOG = Logger.getLogger("io.github.togglapi.client.http");

  /** Bodies longer than this are cut in the log. */
  private static final long MAX_BODY = 64 * 1024;
  private static final Set<String> SECRET_HEADERS = new HashSet<>(
      Arrays.asList("authorization", "proxy-authorization", "cookie", "set-cookie"));

  private final ApiClient client;

  DebugLogger(ApiClient client) {
    this.client = client;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    StringBuilder out = new StringBuilder("--> ").append(request.method()).append(' ').append(request.url());
    RequestBody body = request.body();
    if (body != null && body.contentType() != null) {
      out.append("\nContent-Type: ").append(body.contentType());
    }
    appendHeaders(out, request.headers());
    if (body != null && body.contentLength() != 0) {
      Buffer buffer = new Buffer();
      body.writeTo(buffer);
      out.append("\n\n").append(buffer.readUtf8(Math.min(buffer.size(), MAX_BODY)));
    }
    ApiRequest described = request.tag(ApiRequest.class);
    LOG.info(client.redact(out.toString(), described));

    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      LOG.info(client.redact("<-- FAILED " + request.method() + ' ' + request.url() + ": " + e, described));
      throw e;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    try {
      logResponse(response, described, millis);
    } catch (IOException | RuntimeException e) {
      response.close(); // the caller never gets this response, so nobody else would close it
      throw e;
    }
    return response;
  }

  private void logResponse(Response response, ApiRequest described, long millis) throws IOException {
    Request request = response.request();
    StringBuilder in = new StringBuilder("<-- ").append(response.code()).append(' ')
        .append(request.method()).append(' ').append(request.url()).append(" (").append(millis).append(" ms)");
    appendHeaders(in, response.headers());
    String text = response.peekBody(MAX_BODY).string();
    if (!text.isEmpty()) {
      boolean secret = described != null && described.isSensitiveResponse() && response.isSuccessful();
      in.append("\n\n").append(secret ? "(secret body, " + text.length() + " characters)" : text);
    }
    LOG.info(client.redact(in.toString(), described));
  }

  private static void appendHeaders(StringBuilder out, Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      boolean secret = SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
      out.append('\n').append(name).append(": ").append(secret ? Redactor.MASK : headers.value(i));
    }
  }
}
