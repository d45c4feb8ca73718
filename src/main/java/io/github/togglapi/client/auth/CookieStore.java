package io.github.togglapi.client.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import okhttp3.Cookie;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * The cookies of one {@code ApiClient}, kept in memory as a browser would: OkHttp parses and
 * matches them (host, path, {@code Secure}, expiry); this class adds the storage and the cookie
 * prefix rules OkHttp leaves out. Thread-safe. Each client has its own store, so two clients never
 * share a session.
 */
public final class CookieStore {
  private static final String HOST_PREFIX = "__Host-";
  private static final String SECURE_PREFIX = "__Secure-";

  private final List<Cookie> cookies = new ArrayList<>();

  /** An empty store: not signed in. */
  public CookieStore() {
  }

  /**
   * Keeps the cookies a response sets, replacing cookies of the same name, domain and path; a
   * cookie that arrives already expired deletes its namesake.
   *
   * @param url the URL of the request that was answered
   * @param responseHeaders the response's headers, read for {@code Set-Cookie}
   */
  public synchronized void save(HttpUrl url, Headers responseHeaders) {
    long now = System.currentTimeMillis();
    for (Cookie cookie : Cookie.parseAll(url, responseHeaders)) {
      if (!acceptable(url, cookie)) {
        continue;
      }
      removeSame(cookie);
      if (cookie.expiresAt() > now) {
        cookies.add(cookie);
      }
    }
  }

  /**
   * The cookies to send to a URL: unexpired, matching its host and path, and {@code Secure} ones
   * only over HTTPS.
   *
   * @param url the request's URL
   * @return the cookies, possibly none; unmodifiable
   */
  public synchronized List<Cookie> load(HttpUrl url) {
    if (cookies.isEmpty()) {
      return Collections.emptyList(); // the common case with an API token: nothing to allocate
    }
    long now = System.currentTimeMillis();
    List<Cookie> matching = new ArrayList<>();
    for (Iterator<Cookie> it = cookies.iterator(); it.hasNext(); ) {
      Cookie cookie = it.next();
      if (cookie.expiresAt() <= now) {
        it.remove();
      } else if (cookie.matches(url)) {
        matching.add(cookie);
      }
    }
    return Collections.unmodifiableList(matching);
  }

  /**
   * Returns an immutable snapshot of the unexpired cookies.
   *
   * @return an immutable snapshot of the unexpired cookies
   */
  public synchronized Session snapshot() {
    long now = System.currentTimeMillis();
    List<Cookie> live = new ArrayList<>();
    for (Cookie cookie : cookies) {
      if (cookie.expiresAt() > now) {
        live.add(cookie);
      }
    }
    return new Session(live);
  }

  /**
   * Replaces every cookie with those of a session.
   *
   * @param session the session to restore
   */
  public synchronized void restore(Session session) {
    cookies.clear();
    cookies.addAll(session.getCookies());
  }

  /** Forgets every cookie: the session is gone on this side whatever the server does. */
  public synchronized void clear() {
    cookies.clear();
  }

  /** The rules of RFC 6265bis that OkHttp's parser does not apply. */
  private boolean acceptable(HttpUrl url, Cookie cookie) {
    if (cookie.secure() && !url.isHttps()) {
      return false; // a plain-HTTP origin may not set a Secure cookie
    }
    if (!url.isHttps()) {
      for (Cookie old : cookies) {
        if (old.secure() && old.name().equals(cookie.name()) && covers(old, url.host())) {
          return false; // nor overwrite one (RFC 6265bis "strict secure cookies")
        }
      }
    }
    if (cookie.name().startsWith(HOST_PREFIX)) {
      return cookie.secure() && cookie.hostOnly() && "/".equals(cookie.path());
    }
    return !cookie.name().startsWith(SECURE_PREFIX) || cookie.secure();
  }

  private static boolean covers(Cookie cookie, String host) {
    return host.equals(cookie.domain()) || (!cookie.hostOnly() && host.endsWith("." + cookie.domain()));
  }

  private void removeSame(Cookie cookie) {
    for (Iterator<Cookie> it = cookies.iterator(); it.hasNext(); ) {
      Cookie old = it.next();
      if (old.name().equals(cookie.name())
          && old.domain().equals(cookie.domain())
          && old.path().equals(cookie.path())) {
        it.remove();
      }
    }
  }
}
