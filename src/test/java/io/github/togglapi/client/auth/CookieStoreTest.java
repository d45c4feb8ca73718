package io.github.togglapi.client.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;

import okhttp3.Cookie;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Cookies behave as in a browser: host, path, Secure, expiry and the __Host- prefix. */
class CookieStoreTest {
  private static final HttpUrl API = HttpUrl.get("https://api.track.toggl.com/api/v9/me/sessions");

  private final CookieStore store = new CookieStore();

  @Test
  void keepsAHostOnlyCookieForItsHostOnly() {
    store.save(API, setCookie("__Host-timer-session=abc; Path=/; Secure; HttpOnly"));
    assertEquals(Collections.singletonList("abc"), values(store.load(HttpUrl.get("https://api.track.toggl.com/api/v9/me"))));
    assertTrue(store.load(HttpUrl.get("https://evil.example.com/api/v9/me")).isEmpty());
    assertTrue(store.load(HttpUrl.get("https://sub.api.track.toggl.com/api/v9/me")).isEmpty());
  }

  @Test
  void secureCookiesNeverGoOverPlainHttpAndCannotBeSetFromIt() {
    store.save(API, setCookie("s=1; Path=/; Secure"));
    assertTrue(store.load(HttpUrl.get("http://api.track.toggl.com/api/v9/me")).isEmpty());
    CookieStore plain = new CookieStore();
    plain.save(HttpUrl.get("http://api.track.toggl.com/"), setCookie("s=1; Path=/; Secure"));
    assertTrue(plain.snapshot().isEmpty());
  }

  @Test
  void plainHttpCannotOverwriteASecureCookie() {
    store.save(API, setCookie("s=secure-value; Path=/; Secure"));
    store.save(HttpUrl.get("http://api.track.toggl.com/"), setCookie("s=forged; Path=/"));
    assertEquals(Collections.singletonList("secure-value"), values(store.load(API)));
  }

  @Test
  void enforcesHostAndSecurePrefixes() {
    store.save(API, setCookie("__Host-a=1; Path=/"));                        // not Secure
    store.save(API, setCookie("__Host-b=1; Path=/api; Secure"));             // path not /
    store.save(API, setCookie("__Host-c=1; Path=/; Secure; Domain=track.toggl.com")); // has Domain
    store.save(API, setCookie("__Secure-d=1; Path=/"));                      // not Secure
    assertTrue(store.snapshot().isEmpty(), store.snapshot().toString());
    store.save(API, setCookie("__Secure-e=1; Path=/; Secure"));
    assertEquals(1, store.snapshot().getCookies().size());
  }

  @Test
  void honoursPathsExpiryAndReplacement() {
    store.save(API, setCookie("p=1; Path=/api/v9/workspaces"));
    assertTrue(store.load(HttpUrl.get("https://api.track.toggl.com/api/v9/me")).isEmpty());
    assertEquals(1, store.load(HttpUrl.get("https://api.track.toggl.com/api/v9/workspaces/1/sso")).size());

    store.save(API, setCookie("s=old; Path=/"));
    store.save(API, setCookie("s=new; Path=/"));
    assertEquals(Collections.singletonList("new"), values(store.load(HttpUrl.get("https://api.track.toggl.com/"))));
    store.save(API, setCookie("s=gone; Path=/; Max-Age=0"));
    assertTrue(store.load(HttpUrl.get("https://api.track.toggl.com/")).isEmpty());
  }

  @Test
  void clearForgetsEverything() {
    store.save(API, setCookie("__Host-timer-session=abc; Path=/; Secure"));
    store.clear();
    assertTrue(store.snapshot().isEmpty());
    assertTrue(store.load(API).isEmpty());
  }

  @Test
  void sessionsEncodeAndDecodeWithoutShowingValues() {
    store.save(API, setCookie("__Host-timer-session=abc123456; Path=/; Secure; HttpOnly; Max-Age=3600"));
    Session session = store.snapshot();
    Session decoded = Session.decode(session.encode());
    Cookie cookie = decoded.getCookies().get(0);
    assertEquals("abc123456", cookie.value());
    assertTrue(cookie.hostOnly() && cookie.secure() && cookie.httpOnly() && cookie.persistent());
    assertEquals("api.track.toggl.com", cookie.domain());
    assertTrue(!session.toString().contains("abc123456"), session.toString());
    assertTrue(Session.decode("").isEmpty());
  }

  private static Headers setCookie(String value) {
    return new Headers.Builder().add("Set-Cookie", value).build();
  }

  private static List<String> values(List<Cookie> cookies) {
    return cookies.stream().map(Cookie::value).collect(java.util.stream.Collectors.toList());
  }
}
