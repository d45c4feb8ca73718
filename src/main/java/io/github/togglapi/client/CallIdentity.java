package io.github.togglapi.client;

import java.util.List;
import java.util.regex.Pattern;

import io.github.togglapi.client.auth.HttpBasicAuth;
import okhttp3.Cookie;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * Who a call acts as, fixed when {@link ApiClient#buildCall} builds it: the credentials, the
 * session cookies, and the origin (scheme, host and port of the base path) they were given for.
 * Every try of the call, retries included, sends these, and redaction masks them, so a call keeps
 * the identity and the secrets it started with whatever happens to the client's settings
 * meanwhile. Immutable; tagged on the request.
 */
final class CallIdentity {
  private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  private final HttpUrl origin;
  private final @Nullable HttpBasicAuth credentials;
  private final List<Cookie> cookies;
  private final boolean plainHttpAllowed;

  CallIdentity(HttpUrl base, @Nullable HttpBasicAuth credentials, List<Cookie> cookies, boolean plainHttpAllowed) {
    this.origin = base;
    this.credentials = credentials;
    this.cookies = cookies;
    this.plainHttpAllowed = plainHttpAllowed;
  }

  /** True if there is something to send: credentials or a session cookie. */
  boolean isEmpty() {
    return credentials == null && cookies.isEmpty();
  }

  /**
   * Adds the credentials and the session cookie to the request, once it is sure they go where they
   * were given for: the base path's origin (an interceptor may have rewritten the URL), over HTTPS
   * unless the host is this machine or plain HTTP was allowed.
   *
   * @param request the request as it stands after the caller's interceptors
   * @return the request with {@code Authorization} and {@code Cookie}
   * @throws RefusedCallException if the credentials would go elsewhere or over plain HTTP
   */
  Request authenticate(Request request) throws RefusedCallException {
    HttpUrl url = request.url();
    if (!url.scheme().equals(origin.scheme()) || !url.host().equals(origin.host()) || url.port() != origin.port()) {
      throw new RefusedCallException("credentials and the session go only to " + originOf(origin)
          + ", and an interceptor sent the request to " + originOf(url)
          + "; set the base path instead of rewriting the URL");
    }
    if (!url.isHttps() && !plainHttpAllowed && !isLoopback(url.host())) {
      throw new RefusedCallException("credentials and the session are not sent over plain HTTP to "
          + url.host() + "; use an https base path, or ApiClient.setPlainHttpAllowed(true) on a network you trust");
    }
    Request.Builder authenticated = request.newBuilder();
    if (credentials != null) {
      authenticated.header("Authorization", credentials.toHeaderValue());
    }
    StringBuilder header = new StringBuilder();
    for (Cookie cookie : cookies) {
      if (cookie.matches(url)) { // the path may have been rewritten too
        header.append(header.length() == 0 ? "" : "; ").append(cookie.name()).append('=').append(cookie.value());
      }
    }
    if (header.length() > 0) {
      authenticated.header("Cookie", header.toString());
    }
    return authenticated.build();
  }

  /** Adds the secrets this identity holds: password or token, their encoded header, cookie values. */
  void addSecrets(List<String> secrets) {
    addSecrets(credentials, secrets);
    for (Cookie cookie : cookies) {
      secrets.add(cookie.value());
    }
  }

  /**
   * Adds what is secret in credentials: the password, the user name (an API token, or an email:
   * personal data), and the encoded header. Never the literal {@code api_token}, which is no
   * secret and would mask a field name.
   */
  static void addSecrets(@Nullable HttpBasicAuth credentials, List<String> secrets) {
    if (credentials == null) {
      return;
    }
    secrets.add(credentials.getUsername());
    if (!credentials.isApiToken()) {
      secrets.add(credentials.getPassword());
    }
    secrets.add(credentials.toHeaderValue().substring("Basic ".length()));
  }

  /**
   * True for hosts that are this machine by definition, without asking DNS: {@code localhost},
   * 127.0.0.0/8 and {@code ::1}. Plain HTTP to them never leaves the machine.
   */
  static boolean isLoopback(String host) {
    return host.equalsIgnoreCase("localhost") || host.equals("::1") || LOOPBACK_IPV4.matcher(host).matches();
  }

  private static String originOf(HttpUrl url) {
    return url.scheme() + "://" + url.host() + ":" + url.port();
  }
}
