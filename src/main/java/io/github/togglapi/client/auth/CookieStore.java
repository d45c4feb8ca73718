package io.github.togglapi.client.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import okhttp3.Cookie;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The cookies of one {@code ApiClient}, kept in memory as a browser would: OkHttp parses and
 * matches them (host, path, {@code Secure}, expiry, public suffixes); this class adds the storage,
 * the rules OkHttp leaves out (cookie prefixes, strict secure cookies) and the limits of RFC 6265
 * section 6.1 (4096 bytes per cookie, 50 cookies per domain, 3000 in all). Thread-safe. Each client
 * has its own store, so two clients never share a session.
 */
public final class CookieStore {
  /**
   * The longest cookie kept, name, value and attributes, in characters (RFC 6265 section 6.1: at
   * least 4096 bytes, so measured).
   */
  public static final int MAX_COOKIE_SIZE = 4096;
  /** The most cookies kept per domain (RFC 6265 section 6.1: at least 50). */
  public static final int MAX_COOKIES_PER_DOMAIN = 50;
  /** The most cookies kept in all (RFC 6265 section 6.1: at least 3000). */
  public static final int MAX_COOKIES = 3000;

  private static final String HOST_PREFIX = "__Host-";
  private static final String SECURE_PREFIX = "__Secure-";

  /** Oldest first: eviction takes from the front. */
  private final List<Cookie> cookies = new ArrayList<>();

  /** An empty store: not signed in. */
  public CookieStore() {
  }

  /**
   * Keeps the cookies a response sets, replacing cookies of the same name, domain and path; a
   * cookie that arrives already expired deletes its namesake. Cookies that break a rule are
   * ignored, as a browser ignores them.
   *
   * @param url the URL of the request that was answered
   * @param responseHeaders the response's headers, read for {@code Set-Cookie}
   */
  public synchronized void save(HttpUrl url, Headers responseHeaders) {
    long now = System.currentTimeMillis();
    for (Cookie cookie : Cookie.parseAll(url, responseHeaders)) {
      if (rejection(url, cookie) != null || overwritesSecureCookie(url, cookie)) {
        continue;
      }
      removeSame(cookie);
      if (cookie.expiresAt() > now) {
        add(cookie);
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
   * Replaces every cookie with those of a session. Each cookie must obey the rules a
   * {@code Set-Cookie} from an HTTPS answer of its own host obeys (see {@link Session#decode}),
   * and the store's limits apply as when cookies are set.
   *
   * @param session the session to restore
   * @throws IllegalArgumentException if a cookie breaks a rule; the store is then left as it was
   */
  public void restore(Session session) {
    List<Cookie> restored = session.getCookies();
    for (int i = 0; i < restored.size(); i++) {
      String rejection = checkRestorable(restored.get(i));
      if (rejection != null) {
        throw new IllegalArgumentException("Session cookie " + (i + 1) + " (" + restored.get(i).name() + ") "
            + rejection);
      }
    }
    synchronized (this) {
      cookies.clear();
      for (Cookie cookie : restored) {
        removeSame(cookie);
        add(cookie);
      }
    }
  }

  /** Forgets every cookie: the session is gone on this side whatever the server does. */
  public synchronized void clear() {
    cookies.clear();
  }

  /**
   * Why a saved cookie may not be restored, or null if it may: it must be one that an HTTPS answer
   * of its own host could have set (its domain not a public suffix such as {@code com}), obey the
   * {@code __Host-} and {@code __Secure-} prefixes, and fit the size limit. Used by
   * {@link Session#decode} and {@link #restore}, so a restored session obeys every rule a
   * {@code Set-Cookie} does.
   *
   * @param cookie the cookie
   * @return the broken rule, or null
   */
  static @Nullable String checkRestorable(Cookie cookie) {
    String domain = cookie.domain();
    HttpUrl origin = HttpUrl.parse("https://" + domain + "/");
    if (origin == null) {
      return "has an invalid domain";
    }
    if (!cookie.hostOnly()) {
      // OkHttp refuses a Domain that is a public suffix only when a subdomain's answer sets it;
      // parsing it as a subdomain's answer applies that rule to the restored cookie.
      HttpUrl subdomain = HttpUrl.parse("https://x." + domain + "/");
      if (subdomain == null || Cookie.parse(subdomain, cookie.toString()) == null) {
        return "is for a public suffix or an invalid domain (" + domain + ")";
      }
    }
    return rejection(origin, cookie);
  }

  /** The rules of RFC 6265bis and of RFC 6265 section 6.1 that OkHttp's parser does not apply. */
  private static @Nullable String rejection(HttpUrl url, Cookie cookie) {
    if (cookie.toString().length() > MAX_COOKIE_SIZE) {
      return "is longer than " + MAX_COOKIE_SIZE + " characters";
    }
    if (cookie.secure() && !url.isHttps()) {
      return "is Secure but was set over plain HTTP";
    }
    if (cookie.name().startsWith(HOST_PREFIX)
        && !(cookie.secure() && cookie.hostOnly() && "/".equals(cookie.path()))) {
      return "breaks the __Host- rules (Secure, no Domain, Path=/)";
    }
    if (cookie.name().startsWith(SECURE_PREFIX) && !cookie.secure()) {
      return "breaks the __Secure- rule (Secure)";
    }
    return null;
  }

  /**
   * RFC 6265bis "strict secure cookies": an answer over plain HTTP may not set a cookie that
   * shadows a {@code Secure} one of the same name whose domain matches its own either way (so
   * {@code www.example.test} cannot toss a cookie onto {@code example.test}'s) and whose path it
   * covers.
   */
  private boolean overwritesSecureCookie(HttpUrl url, Cookie cookie) {
    if (url.isHttps()) {
      return false;
    }
    for (Cookie old : cookies) {
      if (old.secure() && old.name().equals(cookie.name())
          && (domainMatches(old.domain(), cookie.domain()) || domainMatches(cookie.domain(), old.domain()))
          && pathMatches(cookie.path(), old.path())) {
        return true;
      }
    }
    return false;
  }

  /** RFC 6265 section 5.1.3: the domain is the host, or the host ends with "." and the domain. */
  private static boolean domainMatches(String host, String domain) {
    return host.equals(domain) || (host.endsWith(domain) && host.charAt(host.length() - domain.length() - 1) == '.');
  }

  /** RFC 6265 section 5.1.4: the request path is the cookie path or below it. */
  private static boolean pathMatches(String requestPath, String cookiePath) {
    return requestPath.equals(cookiePath)
        || (requestPath.startsWith(cookiePath) && (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/'));
  }

  /**
   * Adds a cookie, first evicting to stay within the limits: a domain's non-{@code Secure}
   * cookies before its {@code Secure} ones, oldest first, as browsers do, so that an answer over
   * plain HTTP cannot push out a secure session.
   */
  private void add(Cookie cookie) {
    int sameDomain = 0;
    for (Cookie old : cookies) {
      if (old.domain().equals(cookie.domain())) {
        sameDomain++;
      }
    }
    if (sameDomain >= MAX_COOKIES_PER_DOMAIN) {
      evictOne(cookie.domain());
    }
    if (cookies.size() >= MAX_COOKIES) {
      evictOne(null);
    }
    cookies.add(cookie);
  }

  /** Removes the oldest non-Secure cookie of the domain (or of any), else the oldest Secure one. */
  private void evictOne(@Nullable String domain) {
    for (boolean secure : new boolean[] {false, true}) {
      for (Iterator<Cookie> it = cookies.iterator(); it.hasNext(); ) {
        Cookie old = it.next();
        if (old.secure() == secure && (domain == null || old.domain().equals(domain))) {
          it.remove();
          return;
        }
      }
    }
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
