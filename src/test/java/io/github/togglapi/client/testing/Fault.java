package io.github.togglapi.client.testing;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonPrimitive;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A failure for {@link EmbeddedTogglServer#inject(Fault)} to give the next call, the next few calls
 * or the calls to one operation, so that a test can see what its code does when Toggl refuses,
 * limits, fails, stalls or drops the connection. Immutable: {@link #times(int)},
 * {@link #always()} and {@link #onlyFor(String)} return a new fault.
 *
 * <pre>{@code
 * toggl.inject(Fault.rateLimited(Duration.ofSeconds(1)));          // the next call: 429, Retry-After: 1
 * toggl.inject(Fault.serverError(503).times(2));                    // the next two calls: 503
 * toggl.inject(Fault.quotaExceeded(Duration.ofMinutes(20)).onlyFor("getMe").always());
 * }</pre>
 *
 * <p>An answer-replacing fault (every one but {@link #slow(Duration)} and {@link #brokenBody()})
 * stands in for the service: the call changes nothing on the server. The request is still checked
 * against the spec first.
 */
public final class Fault {
  private final Kind kind;
  private final int status;
  private final String message;
  private final Duration duration;
  private final int times;
  private final String operationId;

  private Fault(Kind kind, int status, String message, Duration duration, int times, String operationId) {
    this.kind = kind;
    this.status = status;
    this.message = message;
    this.duration = duration;
    this.times = times;
    this.operationId = operationId;
  }

  private static Fault answer(int status, String message) {
    return new Fault(Kind.ANSWER, status, message, null, 1, null);
  }

  /**
   * 401, as for a wrong password, a reset API token or an ended session.
   *
   * @return the fault
   */
  public static Fault unauthorized() {
    return answer(401, "Incorrect username and/or password");
  }

  /**
   * 402: the hourly request quota is used up. The answer carries Toggl's quota headers,
   * {@code X-Toggl-Quota-Remaining: 0} and {@code X-Toggl-Quota-Resets-In} (seconds).
   *
   * @param resetsIn when the quota frees requests again (whole seconds are sent)
   * @return the fault
   */
  public static Fault quotaExceeded(Duration resetsIn) {
    requireNonNegative(resetsIn, "resetsIn");
    return new Fault(Kind.QUOTA, 402, "You have hit your hourly limit for API calls. Your quota will reset in "
        + resetsIn.getSeconds() + " seconds.", resetsIn, 1, null);
  }

  /**
   * 403, as for an action the user's role does not allow.
   *
   * @return the fault
   */
  public static Fault forbidden() {
    return answer(403, "User does not have access to this resource.");
  }

  /**
   * 404, as for an object that is gone.
   *
   * @return the fault
   */
  public static Fault notFound() {
    return answer(404, "Resource can not be found");
  }

  /**
   * 429: too many requests, with {@code Retry-After} in whole seconds.
   *
   * @param retryAfter how long the caller should wait
   * @return the fault
   */
  public static Fault rateLimited(Duration retryAfter) {
    requireNonNegative(retryAfter, "retryAfter");
    return new Fault(Kind.RATE_LIMIT, 429, "Too Many Requests", retryAfter, 1, null);
  }

  /**
   * A 5xx answer with a bare JSON string body, as Toggl's API servers send.
   *
   * @param status 500 to 599
   * @return the fault
   */
  public static Fault serverError(int status) {
    requireServerError(status);
    return answer(status, "Internal Server Error");
  }

  /**
   * A 5xx answer with an HTML page, as a proxy or load balancer in front of the API sends.
   *
   * @param status 500 to 599
   * @return the fault
   */
  public static Fault proxyErrorPage(int status) {
    requireServerError(status);
    return new Fault(Kind.HTML, status, null, null, 1, null);
  }

  /**
   * Any status with a bare JSON string body, for answers the other factories do not cover.
   *
   * @param status 400 to 599
   * @param message the JSON string's text
   * @return the fault
   */
  public static Fault status(int status, String message) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be 400 to 599: " + status);
    }
    if (message == null) {
      throw new NullPointerException("message");
    }
    return answer(status, message);
  }

  /**
   * The service's real answer, but its headers only after a delay: for read timeouts.
   *
   * @param delay how long the server waits before it answers, at most a day
   * @return the fault
   * @throws IllegalArgumentException if the delay is negative or longer than a day
   */
  public static Fault slow(Duration delay) {
    requireNonNegative(delay, "delay");
    if (delay.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("delay must be at most a day: " + delay);
    }
    return new Fault(Kind.SLOW, 0, null, delay, 1, null);
  }

  /**
   * The service's real answer, broken off half-way through its body: the connection closes. An
   * answer without a body (a delete) cannot be cut short, so then no answer comes at all, as with
   * {@link #disconnect()}; the service has still done the work.
   *
   * @return the fault
   */
  public static Fault brokenBody() {
    return new Fault(Kind.BROKEN_BODY, 0, null, null, 1, null);
  }

  /**
   * No answer at all: the connection closes once the request has arrived.
   *
   * @return the fault
   */
  public static Fault disconnect() {
    return answer(0, null).withKind(Kind.DISCONNECT);
  }

  /**
   * Returns this fault for the next {@code count} matching calls instead of one.
   *
   * @param count how many calls, at least 1
   * @return a new fault
   */
  public Fault times(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1: " + count);
    }
    return new Fault(kind, status, message, duration, count, operationId);
  }

  /**
   * Returns this fault for every matching call until {@link EmbeddedTogglServer#clearFaults()}.
   *
   * @return a new fault
   */
  public Fault always() {
    return new Fault(kind, status, message, duration, Integer.MAX_VALUE, operationId);
  }

  /**
   * Returns this fault only for calls to one operation, named by its {@code operationId} in the
   * spec, which is the SDK's method name ({@code "getMe"}, {@code "createTimeEntry"}); other
   * calls pass and do not count.
   *
   * @param operationId the operation
   * @return a new fault
   */
  public Fault onlyFor(String operationId) {
    if (operationId == null) {
      throw new NullPointerException("operationId");
    }
    return new Fault(kind, status, message, duration, times, operationId);
  }

  int times() {
    return times;
  }

  String operationId() {
    return operationId;
  }

  /** Whether the fault replaces the service's answer, so the service must not run. */
  boolean replacesAnswer() {
    return kind != Kind.SLOW && kind != Kind.BROKEN_BODY;
  }

  /** The answer that stands in for the service's. */
  MockResponse answer() {
    switch (kind) {
      case DISCONNECT:
        return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
      case HTML:
        String title = status + " " + reason(status);
        return new MockResponse().setResponseCode(status)
            .setHeader("Content-Type", "text/html")
            .setBody("<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
      case QUOTA:
        return TogglService.json(status, new JsonPrimitive(message))
            .setHeader("X-Toggl-Quota-Remaining", "0")
            .setHeader("X-Toggl-Quota-Resets-In", Long.toString(duration.getSeconds()));
      case RATE_LIMIT:
        return TogglService.json(status, new JsonPrimitive(message))
            .setHeader("Retry-After", Long.toString(duration.getSeconds()));
      default:
        return TogglService.json(status, new JsonPrimitive(message));
    }
  }

  /** Changes the service's own answer: delays it or breaks its body. */
  MockResponse alter(MockResponse real) {
    if (kind == Kind.SLOW) {
      return real.setHeadersDelay(duration.toMillis(), TimeUnit.MILLISECONDS);
    }
    okio.Buffer body = real.getBody();
    // With no body to break, the answer cannot be cut short: the connection closes before it.
    return real.setSocketPolicy(body == null || body.size() == 0
        ? SocketPolicy.DISCONNECT_AFTER_REQUEST : SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY);
  }

  private static String reason(int status) {
    switch (status) {
      case 502:
        return "Bad Gateway";
      case 503:
        return "Service Temporarily Unavailable";
      case 504:
        return "Gateway Time-out";
      default:
        return "Internal Server Error";
    }
  }

  private Fault withKind(Kind newKind) {
    return new Fault(newKind, status, message, duration, times, operationId);
  }

  private static void requireNonNegative(Duration duration, String name) {
    if (duration == null) {
      throw new NullPointerException(name);
    }
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + duration);
    }
  }

  private static void requireServerError(int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("status must be 500 to 599: " + status);
    }
  }

  /**
   * Returns what the fault does, e.g. {@code Fault{429 rate limit, retryAfter=PT1S, times=1}}.
   *
   * @return what the fault does
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("Fault{");
    out.append(status == 0 ? "" : status + " ").append(kind.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    if (duration != null) {
      out.append(", ").append(kind == Kind.SLOW ? "delay" : kind == Kind.QUOTA ? "resetsIn" : "retryAfter")
          .append('=').append(duration);
    }
    out.append(", times=").append(times == Integer.MAX_VALUE ? "always" : String.valueOf(times));
    if (operationId != null) {
      out.append(", onlyFor=").append(operationId);
    }
    return out.append('}').toString();
  }

  private enum Kind {
    ANSWER, QUOTA, RATE_LIMIT, HTML, SLOW, BROKEN_BODY, DISCONNECT
  }
}
