package io.github.togglapi.client.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import okhttp3.Cookie;
import okhttp3.HttpUrl;

/**
 * An immutable snapshot of a client's session cookies, to keep a signed-in session across
 * restarts: save {@link #encode()} somewhere safe and give {@link #decode(String)} of it to
 * {@code ApiClient.setSession} later. The encoded form holds the session secret; store it as you
 * would a password. {@link #toString()} never shows cookie values.
 */
public final class Session {
  private static final Session EMPTY = new Session(Collections.<Cookie>emptyList());
  private static final Pattern LINES = Pattern.compile("\n");

  private final List<Cookie> cookies;

  /**
   * A session made of these cookies.
   *
   * @param cookies the cookies, as OkHttp parsed them from {@code Set-Cookie}
   */
  public Session(List<Cookie> cookies) {
    this.cookies = Collections.unmodifiableList(new ArrayList<>(cookies));
  }

  /**
   * Returns the session with no cookies: not signed in.
   *
   * @return the session with no cookies: not signed in
   */
  public static Session empty() {
    return EMPTY;
  }

  /**
   * Returns the cookies, unmodifiable.
   *
   * @return the cookies, unmodifiable
   */
  public List<Cookie> getCookies() {
    return cookies;
  }

  /**
   * Returns true if there are no cookies.
   *
   * @return true if there are no cookies
   */
  public boolean isEmpty() {
    return cookies.isEmpty();
  }

  /**
   * The session as text: one line per cookie, its host, a tab, and the cookie in {@code Set-Cookie}
   * form (attributes and expiry included, so a restored cookie expires when the original would).
   *
   * @return the encoded session; a secret
   */
  public String encode() {
    StringBuilder out = new StringBuilder();
    for (Cookie cookie : cookies) {
      out.append(cookie.domain()).append('\t').append(cookie).append('\n');
    }
    return out.toString();
  }

  /**
   * Reads what {@link #encode()} wrote. A restored cookie obeys every rule a {@code Set-Cookie}
   * from an HTTPS answer of its host obeys: its domain is not a public suffix such as
   * {@code com}, the {@code __Host-} and {@code __Secure-} prefixes hold, and it is at most
   * {@value CookieStore#MAX_COOKIE_SIZE} characters. Saved text is as trustworthy as the place it
   * was kept; these rules keep an altered one from sending the session where it does not belong.
   *
   * @param encoded the encoded session
   * @return the session
   * @throws IllegalArgumentException if a line is not a host, a tab and a valid cookie, or breaks a
   *     rule (the message names the line and the rule, never the value)
   */
  public static Session decode(String encoded) {
    List<Cookie> cookies = new ArrayList<>();
    for (String line : LINES.split(encoded, -1)) {
      if (line.trim().isEmpty()) {
        continue;
      }
      int number = cookies.size() + 1;
      int tab = line.indexOf('\t');
      HttpUrl origin = tab > 0 ? HttpUrl.parse("https://" + line.substring(0, tab) + "/") : null;
      Cookie cookie = origin == null ? null : Cookie.parse(origin, line.substring(tab + 1));
      if (cookie == null) {
        // Never echo the line: it holds the cookie value.
        throw new IllegalArgumentException("Not an encoded session cookie (line " + number + ")");
      }
      String rejection = CookieStore.checkRestorable(cookie);
      if (rejection != null) {
        throw new IllegalArgumentException("Session cookie " + number + " (" + cookie.name() + ") " + rejection);
      }
      cookies.add(cookie);
    }
    return new Session(cookies);
  }

  /**
   * Returns the cookie names, domains and expiry, never their values.
   *
   * @return the cookie names, domains and expiry, never their values
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("Session{");
    for (int i = 0; i < cookies.size(); i++) {
      Cookie cookie = cookies.get(i);
      out.append(i == 0 ? "" : ", ").append(cookie.name()).append("=****@").append(cookie.domain());
      if (cookie.persistent()) {
        out.append(" until ").append(java.time.Instant.ofEpochMilli(cookie.expiresAt()));
      }
    }
    return out.append('}').toString();
  }
}
