package io.github.togglapi.client;

import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * Turns an OkHttp answer into an {@link ApiResponse} or an {@link ApiException}: keeps cookies,
 * decides success, decodes the body, and writes error messages that say what happened without
 * secrets.
 */
final class ResponseHandler {
  /** Longest server text quoted in an exception message. */
  private static final int MAX_DETAIL = 200;

  private final ApiClient client;

  ResponseHandler(ApiClient client) {
    this.client = client;
  }

  <T> ApiResponse<T> handle(Call call, Response response, @Nullable Type returnType) throws ApiException {
    ApiRequest request = describe(call);
    int code = response.code();
    boolean success = response.isSuccessful() || (request.isRedirectExpected() && code / 100 == 3);
    T data = null;
    if (!success || returnType != null) { // a successful void answer's body is not read
      String body;
      byte[] bytes = null;
      boolean tooLarge;
      long maxBytes = client.getMaxResponseBytes();
      try {
        tooLarge = isLongerThan(response, maxBytes);
        if (success && returnType == byte[].class && !tooLarge && !isHtmlType(response)) {
          bytes = readBytes(response); // a file (PDF, CSV, XLSX, iCalendar): as it came
        }
        body = tooLarge || bytes != null ? "" : readBody(response);
      } catch (IOException e) {
        List<String> secrets = client.secretsOf(response.request(), response.headers());
        throw new NetworkException(request + " answered HTTP " + code + " but its body broke off ("
            + safe(e.toString(), secrets) + ")", ioCause(e, secrets), code, response.headers().toMultimap());
      }
      if (!success) {
        throw Failures.of(request + " failed with HTTP " + code + ": "
            + (tooLarge ? tooLong(maxBytes) : describeBody(response, body)) + hint(call, request, code),
            code, response.headers().toMultimap(), body);
      }
      if (tooLarge) {
        throw new ApiException(request + " answered HTTP " + code + " with " + tooLong(maxBytes), code,
            response.headers().toMultimap(), body);
      }
      if (bytes != null) {
        @SuppressWarnings("unchecked")
        T file = (T) bytes;
        data = file;
      } else if (returnType == byte[].class) {
        // A proxy's or a captive portal's page, which would otherwise be saved as the PDF.
        throw new ApiException(request + " answered HTTP " + code + " with an HTML page where a file was expected ("
            + body.length() + " characters)", code, response.headers().toMultimap(), body);
      } else {
        data = decode(request, response, body, returnType);
      }
    }
    // Only now, with the call a success: a sign-in that ends in an exception leaves no session.
    client.keepCookies(call, response);
    if (request.endsSession()) {
      client.endSession(call);
    }
    return new ApiResponse<>(code, response.headers(), data);
  }

  ApiException noAnswer(Call call, IOException e) {
    ApiRequest request = describe(call);
    List<String> secrets = client.secretsOf(call.request(), null);
    String detail = safe(e.toString(), secrets);
    IOException cause = ioCause(e, secrets);
    if (e instanceof RefusedCallException.Unexpected) {
      return new ApiException(request + " " + safe(String.valueOf(e.getMessage()), secrets), cause);
    }
    if (e instanceof RefusedCallException) {
      // Not a network failure: nothing was sent, and trying again would not help.
      return new ApiException(request + " was not sent: " + safe(String.valueOf(e.getMessage()), secrets), cause);
    }
    NetworkException described = new NetworkException(request + " got no answer: " + detail, cause);
    if (described.isTimeout()) { // before the cancel check: OkHttp cancels a call whose timeout ran out
      return new NetworkException(request + " timed out: " + detail, cause);
    }
    return call.isCanceled() ? new NetworkException(request + " was cancelled", cause, true) : described;
  }

  /** The I/O error, or its stand-in if a message in its chain holds a secret. */
  private static IOException ioCause(IOException e, List<String> secrets) {
    return (IOException) RedactedCause.of(e, secrets);
  }

  /**
   * What the client knows and the server's answer does not say: a 401 to a call that carried
   * neither credentials nor a session cookie (an unset environment variable, a session already
   * ended) is the caller's to fix.
   */
  private static String hint(Call call, ApiRequest request, int code) {
    CallIdentity identity = call.request().tag(CallIdentity.class);
    if (code != 401 || !request.isAuthenticated() || identity == null || !identity.isEmpty()) {
      return "";
    }
    return " (the call carried no credentials and no session cookie: set an API token with"
        + " ApiClient.setApiToken, or an email and password with setUsername and setPassword, or sign"
        + " in with meSessionsPost first)";
  }

  @SuppressWarnings("TypeParameterUnusedInFormals") // the caller's T is the operation's return type
  private <T> T decode(ApiRequest request, Response response, String body, Type returnType) throws ApiException {
    int code = response.code();
    if (request.isNullAnswerAllowed() && (body.trim().isEmpty() || body.trim().equals("null"))) {
      return null; // the operation's answer when there is nothing to show (no running time entry)
    }
    if (body.trim().isEmpty()) {
      throw new ApiException(request + " answered HTTP " + code + " with an empty body", code, response.headers().toMultimap(), body);
    }
    if (isHtml(response, body)) {
      // A proxy's or a captive portal's page: Gson's own complaint about it would be cut off mid-URL.
      throw new ApiException(request + " answered HTTP " + code + " with an HTML body where JSON was expected ("
          + body.length() + " characters)", code, response.headers().toMultimap(), body);
    }
    if (returnType == String.class && isPlainText(response)) {
      @SuppressWarnings("unchecked")
      T text = (T) body;
      return text;
    }
    T value;
    try {
      value = client.getJSON().deserialize(body, returnType);
    } catch (RuntimeException e) {
      List<String> secrets = client.secretsOf(response.request(), response.headers());
      throw new ApiException(request + " answered HTTP " + code + " with a body that is not a valid "
          + typeName(returnType) + " (" + safe(String.valueOf(e.getMessage()), secrets) + ")",
          RedactedCause.of(e, secrets), code, response.headers().toMultimap(), body);
    }
    if (value == null) {
      throw new ApiException(request + " answered HTTP " + code + " with null instead of a " + typeName(returnType),
          code, response.headers().toMultimap(), body);
    }
    return value;
  }

  /** What the server said, for the message: a bare JSON string or short text as is, else a summary. */
  private String describeBody(Response response, String body) {
    String trimmed = body.trim();
    if (trimmed.isEmpty()) {
      return "(empty body)";
    }
    if (isHtml(response, body)) {
      return "(HTML body, " + body.length() + " characters)";
    }
    List<String> secrets = client.secretsOf(response.request(), response.headers());
    if (trimmed.startsWith("\"")) {
      try {
        String message = client.getJSON().deserialize(trimmed, String.class);
        if (message != null) {
          return safe(message, secrets);
        }
      } catch (RuntimeException e) {
        // Not a valid JSON string after all: quote it as text below.
      }
    }
    return safe(trimmed, secrets);
  }

  /** An HTML page rather than the JSON or text an API answers with. */
  private static boolean isHtml(Response response, String body) {
    return body.trim().startsWith("<") || isHtmlType(response);
  }

  private static boolean isHtmlType(Response response) {
    MediaType type = response.body() == null ? null : response.body().contentType();
    return type != null && "html".equals(type.subtype());
  }

  /**
   * Server text made fit for a message: secret fields and every known secret masked, on one short
   * line. Only the start that can show is masked: a body of megabytes is not worked through to
   * quote {@value #MAX_DETAIL} characters of it.
   */
  private static String safe(String text, List<String> secrets) {
    return Redactor.oneLine(Redactor.maskFields(Redactor.maskValues(text, secrets, 4 * MAX_DETAIL)), MAX_DETAIL);
  }

  private static String tooLong(long maxBytes) {
    return "a body longer than " + maxBytes + " bytes (not read; see setMaxResponseBytes)";
  }

  /**
   * True if the body is longer than the limit: by its Content-Length, or by buffering at most one
   * byte more than the limit (after decompression), so that a longer body never fills the memory.
   * A shorter body is buffered whole.
   *
   * @throws IOException if the body breaks off
   */
  static boolean isLongerThan(Response response, long maxBytes) throws IOException {
    ResponseBody body = response.body();
    if (body == null) {
      return false;
    }
    return body.contentLength() > maxBytes
        || (maxBytes < Long.MAX_VALUE && body.source().request(maxBytes + 1));
  }

  private static byte[] readBytes(Response response) throws IOException {
    ResponseBody body = response.body();
    return body == null ? new byte[0] : body.bytes();
  }

  private static String readBody(Response response) throws IOException {
    ResponseBody body = response.body();
    return body == null ? "" : body.string();
  }

  private static boolean isPlainText(Response response) {
    // Parsing a media type costs more than a JSON string answer's decoding; most answers are not text.
    String header = response.header("Content-Type");
    if (header == null || !header.trim().regionMatches(true, 0, "text/", 0, 5)) {
      return false;
    }
    MediaType type = MediaType.parse(header);
    return type != null && "text".equals(type.type()) && "plain".equals(type.subtype());
  }

  static ApiRequest describe(Call call) {
    ApiRequest request = call.request().tag(ApiRequest.class);
    if (request == null) {
      throw new IllegalArgumentException("Not a call made by ApiClient.buildCall: " + call.request().method()
          + " " + call.request().url().encodedPath());
    }
    return request;
  }

  private static String typeName(Type type) {
    return type instanceof Class ? ((Class<?>) type).getSimpleName() : type.getTypeName();
  }

  /**
   * The exception for an error status, its type saying what the caller can do about it. A class of
   * its own, so that the exception classes load with the first error, not with the first call.
   */
  private static final class Failures {
    private Failures() {}

    /** The exception type says what the caller can do about it. */
    static ApiException of(String message, int code, Map<String, List<String>> headers, String body) {
      switch (code) {
        case 401:
          return new AuthenticationException(message, code, headers, body);
        case 402:
          Duration resetsIn = seconds(first(headers, "X-Toggl-Quota-Resets-In"));
          if (resetsIn == null) {
            resetsIn = RetryPolicy.parseRetryAfter(first(headers, "Retry-After"), Instant.now());
          }
          Long remaining = longValue(first(headers, "X-Toggl-Quota-Remaining"));
          return new QuotaExceededException(message + (resetsIn == null ? "" : " (quota frees requests in "
              + resetsIn.getSeconds() + " s)"), headers, body, resetsIn, remaining == null ? null : remaining.intValue());
        case 403:
          return new PermissionException(message, code, headers, body);
        case 404:
          return new NotFoundException(message, code, headers, body);
        case 429:
          Duration retryAfter = RetryPolicy.parseRetryAfter(first(headers, "Retry-After"), Instant.now());
          return new RateLimitException(message + (retryAfter == null ? "" : " (retry after "
              + retryAfter.getSeconds() + " s)"), headers, body, retryAfter);
        default:
          return code >= 500 && code <= 599
              ? new ServerException(message, code, headers, body)
              : new ApiException(message, code, headers, body);
      }
    }

    private static String first(Map<String, List<String>> headers, String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Long longValue(String text) {
      return text != null && text.trim().matches("\\d{1,9}") ? Long.valueOf(text.trim()) : null;
    }

    private static Duration seconds(String text) {
      Long value = longValue(text);
      return value == null ? null : Duration.ofSeconds(value);
    }
  }
}
