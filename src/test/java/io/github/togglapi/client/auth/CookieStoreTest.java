package io.github.togglapi.client.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

  @Test
  void aFloodOfCookiesIsCappedAsBrowsersCapIt() {
    store.save(API, setCookie("__Host-timer-session=keep-me; Path=/; Secure; HttpOnly"));
    char[] kilobytes = new char[4000];
    java.util.Arrays.fill(kilobytes, 'x');
    String big = new String(kilobytes);
    for (int answer = 0; answer < 40; answer++) {
      Headers.Builder headers = new Headers.Builder();
      for (int i = 0; i < 50; i++) {
        headers.add("Set-Cookie", "c" + answer + "_" + i + "=" + big + "; Path=/");
      }
      store.save(API, headers.build());
    }
    List<Cookie> sent = store.load(API);
    assertEquals(CookieStore.MAX_COOKIES_PER_DOMAIN, sent.size());
    assertTrue(values(sent).contains("keep-me"), "non-Secure cookies are evicted before the Secure session");
    int header = sent.stream().mapToInt(c -> c.name().length() + c.value().length() + 3).sum();
    assertTrue(header < 210_000, "the Cookie header is " + header + " characters");

    char[] tooLong = new char[CookieStore.MAX_COOKIE_SIZE];
    java.util.Arrays.fill(tooLong, 'y');
    store.save(API, setCookie("huge=" + new String(tooLong) + "; Path=/"));
    assertTrue(store.load(API).stream().noneMatch(c -> c.name().equals("huge")), "longer than 4096: ignored");
  }

  @Test
  void aRestoredSessionObeysEveryRuleASetCookieDoes() {
    assertThrows(IllegalArgumentException.class,
        () -> Session.decode("api.track.toggl.com\t__Host-timer-session=abc; path=/"), "__Host- without Secure");
    assertThrows(IllegalArgumentException.class,
        () -> Session.decode("com\tsession=abc; domain=com; path=/"), "a public suffix");
    assertThrows(IllegalArgumentException.class,
        () -> Session.decode("co.uk\tsession=abc; domain=co.uk; path=/"), "a public suffix");
    assertThrows(IllegalArgumentException.class,
        () -> Session.decode("api.track.toggl.com\t__Secure-a=abc; path=/"), "__Secure- without Secure");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Session.decode("api.track.toggl.com\t__Host-timer-session=secret-value-1; path=/"));
    assertFalse(e.getMessage().contains("secret-value-1"), e.getMessage());

    // The same rules where a session is built by hand rather than decoded.
    Cookie unsafe = new Cookie.Builder().name("__Host-x").value("v").hostOnlyDomain("api.track.toggl.com").path("/").build();
    assertThrows(IllegalArgumentException.class, () -> store.restore(new Session(Collections.singletonList(unsafe))));
    Cookie everyCom = new Cookie.Builder().name("s").value("v").domain("com").path("/").build();
    assertThrows(IllegalArgumentException.class, () -> store.restore(new Session(Collections.singletonList(everyCom))));
    assertTrue(store.snapshot().isEmpty());

    // What the store itself saved restores, domain cookies of a real domain included.
    store.save(API, setCookie("__Host-timer-session=abc; Path=/; Secure"));
    store.save(API, setCookie("wide=1; Domain=toggl.com; Path=/"));
    CookieStore restored = new CookieStore();
    restored.restore(Session.decode(store.snapshot().encode()));
    assertEquals(2, restored.snapshot().getCookies().size());
  }

  @Test
  void aSubdomainOverPlainHttpCannotTossACookieOntoTheSecureOne() {
    store.save(HttpUrl.get("https://example.test/"), setCookie("s=secure-value; Path=/; Secure"));
    store.save(HttpUrl.get("http://www.example.test/"), setCookie("s=tossed; Domain=example.test; Path=/"));
    assertEquals(Collections.singletonList("secure-value"), values(store.load(HttpUrl.get("https://example.test/"))));
    store.save(HttpUrl.get("http://www.example.test/"), setCookie("s=tossed; Domain=example.test; Path=/deeper"));
    assertEquals(Collections.singletonList("secure-value"), values(store.load(HttpUrl.get("https://example.test/deeper"))),
        "nor shadow it on a path below");
    store.save(HttpUrl.get("http://www.example.test/"), setCookie("other=fine; Domain=example.test; Path=/"));
    assertEquals(2, store.snapshot().getCookies().size(), "another name is no toss");
  }

  private static Headers setCookie(String value) {
    return new Headers.Builder().add("Set-Cookie", value).build();
  }

  private static List<String> values(List<Cookie> cookies) {
    return cookies.stream().map(Cookie::value).collect(java.util.stream.Collectors.toList());
  }
}
