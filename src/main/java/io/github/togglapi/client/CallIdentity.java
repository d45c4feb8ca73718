package io.github.togglapi.client;

import java.util.List;
import java.util.function.Predicate;

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
  private final HttpUrl origin;
  private final @Nullable HttpBasicAuth credentials;
  private final List<Cookie> cookies;
  private final boolean plainHttpAllowed;
  private final long generation;

  CallIdentity(HttpUrl base, @Nullable HttpBasicAuth credentials, List<Cookie> cookies, boolean plainHttpAllowed,
      long generation) {
    this.origin = base;
    this.credentials = credentials;
    this.cookies = cookies;
    this.plainHttpAllowed = plainHttpAllowed;
    this.generation = generation;
  }

  /** Which identity of the client this was: see {@code ApiClient.identityChanged}. */
  long generation() {
    return generation;
  }

  /** True if there is something to send: credentials or a session cookie. */
  boolean isEmpty() {
    return credentials == null && cookies.isEmpty();
  }

  /**
   * Why the request may not carry secrets (the credentials, the session cookie, or secret
   * parameters such as a sign-up password), or null if it may: it must go to the base path's
   * origin (an interceptor may have rewritten the URL), and over HTTPS unless it goes straight to
   * this machine or plain HTTP was allowed.
   *
   * @param url the request's URL after the caller's interceptors
   * @param direct says whether the connection goes straight to a host, through no proxy; asked
   *     only for plain HTTP to this machine
   * @return the reason to refuse, or null
   */
  @Nullable String refusal(HttpUrl url, Predicate<HttpUrl> direct) {
    if (!url.scheme().equals(origin.scheme()) || !url.host().equals(origin.host()) || url.port() != origin.port()) {
      return "its secrets (credentials, session cookie, passwords) go only to " + originOf(origin)
          + ", and an interceptor sent it to " + originOf(url) + "; set the base path instead of rewriting the URL";
    }
    if (!url.isHttps() && !plainHttpAllowed) {
      boolean loopback = isLoopback(url.host());
      boolean throughProxy = loopback && !direct.test(url);
      if (!loopback || throughProxy) {
        return "its secrets (credentials, session cookie, passwords) are not sent over plain HTTP to " + url.host()
            + (throughProxy ? " through a proxy" : "") + "; use an https base path, or"
            + " ApiClient.setPlainHttpAllowed(true) on a network you trust";
      }
    }
    return null;
  }

  /**
   * Adds the credentials and the session cookie to the request; {@link #refusal} has allowed it.
   *
   * @param request the request as it stands after the caller's interceptors
   * @return the request with {@code Authorization} and {@code Cookie}
   */
  Request authenticate(Request request) {
    HttpUrl url = request.url();
    Request.Builder authenticated = request.newBuilder();
    if (credentials != null) {
      authenticated.header("Authorization", credentials.toHeaderValue());
    }
    StringBuilder header = new StringBuilder();
    for (Cookie cookie : cookies) {
      if (cookie.matches(url)) { // the path may have been rewritten
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
    return host.equalsIgnoreCase("localhost") || host.equals("::1") || isLoopbackIpv4(host);
  }

  /** 127.x.y.z, as HttpUrl writes an IPv4 address: four decimal parts. No regex: a cold start pays for one. */
  private static boolean isLoopbackIpv4(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3) {
        return false;
      }
      for (int i = 0; i < part.length(); i++) {
        if (part.charAt(i) < '0' || part.charAt(i) > '9') {
          return false;
        }
      }
    }
    return true;
  }

  private static String originOf(HttpUrl url) {
    return url.scheme() + "://" + url.host() + ":" + url.port();
  }
}
