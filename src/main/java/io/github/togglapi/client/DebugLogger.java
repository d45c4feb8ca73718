package io.github.togglapi.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Logs each request and each answer as one line, to the logger {@value #LOGGER_NAME}, with every
 * secret masked. What the client itself writes (the request line, its headers, its bodies) is
 * masked by structure: credential and cookie headers, the parameters and JSON fields the spec
 * marks sensitive. What the server writes (headers, bodies) is also searched for every secret the
 * call knows of ({@link ApiClient#secretsOf}), the cookies that very answer sets included. A body
 * that is a secret (a new API token) shows only its length. OkHttp's HttpLoggingInterceptor masks
 * headers only, which is why this exists.
 */
final class DebugLogger implements Interceptor {
  /** The logger's name, which users configure (and route to SLF4J with jul-to-slf4j). */
  static final String LOGGER_NAME = "io.github.togglapi.client.http";
  static final Logger LOG = Logger.getLogger(LOGGER_NAME);

  /** Bodies longer than this are cut in the log. */
  private static final long MAX_BODY = 64 * 1024;
  private static final Set<String> SECRET_HEADERS = new HashSet<>(
      Arrays.asList("authorization", "proxy-authorization", "cookie", "set-cookie"));

  private final ApiClient client;

  DebugLogger(ApiClient client) {
    this.client = client;
  }

  /**
   * Publishes one record at INFO, named after what it is ({@code request}, {@code response},
   * {@code failed}, {@code retry}) rather than after a class of ours, on one line: a CR or LF from a
   * server cannot forge another record.
   *
   * @param what the kind of record, shown as its source method
   * @param message the message, already masked
   */
  static void log(String what, String message) {
    LOG.logp(Level.INFO, LOGGER_NAME, what, Redactor.oneLine(message, Integer.MAX_VALUE));
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    ApiRequest described = request.tag(ApiRequest.class);
    StringBuilder out = new StringBuilder("--> ").append(request.method()).append(' ').append(shown(request.url(), described));
    RequestBody body = request.body();
    MediaType type = body == null ? null : body.contentType();
    if (type != null) {
      out.append(" | Content-Type: ").append(type);
    }
    appendHeaders(out, request.headers(), null, null);
    if (body != null && body.contentLength() != 0) {
      out.append(" | ").append(requestBody(body, described));
    }
    log("request", out.toString());

    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      log("failed", "<-- FAILED " + request.method() + ' ' + shown(request.url(), described) + ": "
          + Redactor.maskValues(e.toString(), client.secretsOf(request, null)));
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

  private void logResponse(Response response, @Nullable ApiRequest described, long millis) throws IOException {
    Request request = response.request();
    // Includes the values of the cookies this answer sets: they are secrets before they are kept.
    List<String> secrets = client.secretsOf(request, response.headers());
    StringBuilder in = new StringBuilder("<-- ").append(response.code()).append(' ')
        .append(request.method()).append(' ').append(shown(request.url(), described))
        .append(" (").append(millis).append(" ms)");
    appendHeaders(in, response.headers(), described, secrets);
    MediaType type = response.body() == null ? null : response.body().contentType();
    if (type != null && !isText(type)) {
      long length = response.body().contentLength();
      in.append(" | (").append(type).append(" body").append(length < 0 ? "" : ", " + length + " bytes").append(')');
      log("response", in.toString());
      return;
    }
    // Twice what is shown: a secret that starts before the cut is masked whole before cutting.
    String text = response.peekBody(2 * MAX_BODY).string();
    if (!text.isEmpty()) {
      boolean secret = described != null && described.isSensitiveResponse() && response.isSuccessful();
      in.append(" | ").append(secret ? "(secret body, " + text.length() + " characters)"
          : Redactor.maskFields(Redactor.maskValues(text, secrets, (int) MAX_BODY)));
    }
    log("response", in.toString());
  }

  /**
   * Text worth reading in a log: JSON, plain text, HTML error pages, forms, XML. Not the files
   * the exports answer with (PDF, CSV, XLSX, iCalendar), which hold a user's data, not a
   * diagnosis.
   */
  private static boolean isText(MediaType type) {
    String subtype = type.subtype();
    return (type.type().equals("text") && (subtype.equals("plain") || subtype.equals("html")))
        || subtype.equals("json") || subtype.endsWith("+json") || subtype.equals("x-www-form-urlencoded")
        || subtype.endsWith("xml");
  }

  /** The URL with the values of the path and query parameters the spec marks sensitive masked. */
  private static String shown(HttpUrl url, @Nullable ApiRequest described) {
    if (described == null || described.getSensitiveParams().isEmpty()) {
      return url.toString();
    }
    HttpUrl.Builder masked = url.newBuilder();
    List<String> inPath = new ArrayList<>();
    for (String name : described.getSensitiveParams()) {
      if (url.queryParameter(name) != null) {
        masked.setEncodedQueryParameter(name, Redactor.MASK);
      }
      String value = described.getPathParams().get(name);
      if (value != null) {
        inPath.add(value);
      }
    }
    // A path value is found as the URL encodes it, whatever else shares its segment.
    return inPath.isEmpty() ? masked.build().toString() : Redactor.maskValues(masked.build().toString(), inPath);
  }

  /** A body the client wrote: form fields marked sensitive and secret JSON fields masked. */
  private static String requestBody(RequestBody body, @Nullable ApiRequest described) throws IOException {
    if (body instanceof MultipartBody) {
      StringBuilder out = new StringBuilder("(multipart body, ").append(body.contentLength()).append(" bytes:");
      for (MultipartBody.Part part : ((MultipartBody) body).parts()) {
        MediaType type = part.body().contentType();
        out.append(' ').append(part.headers() == null ? "part" : part.headers().get("Content-Disposition"))
            .append(type == null ? "" : " " + type).append(" (").append(part.body().contentLength()).append(" bytes)");
      }
      return out.append(')').toString();
    }
    if (body instanceof FormBody) {
      FormBody form = (FormBody) body;
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < form.size(); i++) {
        boolean sensitive = described != null && described.getSensitiveParams().contains(form.name(i));
        out.append(i == 0 ? "" : "&").append(form.encodedName(i)).append('=')
            .append(sensitive ? Redactor.MASK : form.encodedValue(i));
      }
      return out.toString();
    }
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    return Redactor.maskFields(buffer.readUtf8(Math.min(buffer.size(), MAX_BODY)));
  }

  /**
   * Appends the headers: credential and cookie headers masked by name, those the spec marks
   * sensitive masked, and, for the server's headers (when secrets are given), every known secret
   * masked in the others.
   */
  private static void appendHeaders(StringBuilder out, Headers headers, @Nullable ApiRequest described,
      @Nullable List<String> secrets) {
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value = headers.value(i);
      boolean secret = SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) || isSensitive(name, described);
      out.append(" | ").append(secrets == null ? name : Redactor.maskValues(name, secrets)).append(": ")
          .append(secret ? Redactor.MASK : secrets == null ? value : Redactor.maskValues(value, secrets));
    }
  }

  private static boolean isSensitive(String header, @Nullable ApiRequest described) {
    if (described != null) {
      for (String sensitive : described.getSensitiveResponseHeaders()) {
        if (sensitive.equalsIgnoreCase(header)) {
          return true;
        }
      }
    }
    return false;
  }
}
