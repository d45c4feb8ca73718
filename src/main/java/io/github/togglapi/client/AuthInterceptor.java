package io.github.togglapi.client;

import java.io.IOException;
import java.net.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import okhttp3.Authenticator;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the call's credentials and session cookie (its {@link CallIdentity}) to the operations that
 * need them, after checking, as the last thing before the request leaves, that they and any secret
 * parameter go to the base path's origin, over HTTPS or straight to this machine. It runs after
 * the caller's own application interceptors, so they never see the credentials or the session
 * cookie the client adds: not in the request they pass on, and not in the response they get back,
 * whose {@code request()} is the one they passed on and which carries no network, cache or prior
 * response (each of those holds the request as sent; without interceptors of the caller's nobody
 * sees the response, and it is handed on as it is). The answer's own {@code Set-Cookie} headers
 * stay in it, as they do in {@code ApiResponse.getHeaders()}.
 */
final class AuthInterceptor implements Interceptor {
  /**
   * Wraps the caller's proxy authenticator so that it never sees the credentials or the session
   * cookie: OkHttp hands it the answer to the request as sent, headers and all. It gets that
   * request without them, and the request it returns gets them back.
   *
   * @param proxyAuthenticator the caller's proxy authenticator
   * @return the wrapped one, or {@link Authenticator#NONE} as it is
   */
  static Authenticator hidingCredentialsFrom(Authenticator proxyAuthenticator) {
    if (proxyAuthenticator == Authenticator.NONE) {
      return proxyAuthenticator;
    }
    return (route, response) -> {
      Request sent = response.request();
      Request withoutSecrets = sent.newBuilder().removeHeader("Authorization").removeHeader("Cookie").build();
      Request next = proxyAuthenticator.authenticate(route, response.newBuilder()
          .request(withoutSecrets).networkResponse(null).cacheResponse(null).priorResponse(null).build());
      if (next == null) {
        return null;
      }
      Request.Builder restored = next.newBuilder();
      for (String name : new String[] {"Authorization", "Cookie"}) {
        String value = sent.header(name);
        if (value != null) {
          restored.header(name, value);
        }
      }
      return restored.build();
    };
  }

  /** More loopback hosts and ports than a test suite uses; beyond them, each call asks again. */
  private static final int MAX_REMEMBERED_HOSTS = 64;

  private final ApiClient client;
  private final OkHttpClient http;
  private final ConcurrentHashMap<String, Boolean> directHosts = new ConcurrentHashMap<>();

  /**
   * An interceptor for this client's calls.
   *
   * @param client the client, which knows the secret parameters of a request
   * @param http the caller's OkHttp client, whose proxy settings say whether a call goes direct
   */
  AuthInterceptor(ApiClient client, OkHttpClient http) {
    this.client = client;
    this.http = http;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    ApiRequest described = request.tag(ApiRequest.class);
    CallIdentity identity = request.tag(CallIdentity.class);
    if (described == null || identity == null) {
      return chain.proceed(request);
    }
    boolean attach = described.isAuthenticated() && !identity.isEmpty();
    String refusal = identity.refusal(request.url(), this::isDirect);
    if (refusal != null && (attach || client.sendsSecrets(described))) {
      throw new RefusedCallException(refusal);
    }
    if (!attach) {
      return chain.proceed(request); // nothing added, so nothing to take back out of the response
    }
    Response response = chain.proceed(identity.authenticate(request));
    if (http.interceptors().isEmpty()) {
      return response; // no interceptor of the caller's is there to see it
    }
    return response.newBuilder()
        .request(request)
        .networkResponse(null)
        .cacheResponse(null)
        .priorResponse(null)
        .build();
  }

  /**
   * True if no proxy of the caller's client stands between this client and the URL's host. Asked
   * only for plain HTTP to this machine, and remembered per host and port: a proxy selector is
   * slow to ask on every call, and a client's proxy settings do not change.
   */
  private boolean isDirect(HttpUrl url) {
    Proxy proxy = http.proxy();
    if (proxy != null) {
      return proxy.type() == Proxy.Type.DIRECT;
    }
    String key = url.host() + ":" + url.port();
    Boolean known = directHosts.get(key);
    if (known != null) {
      return known;
    }
    boolean direct = true;
    List<Proxy> proxies = http.proxySelector().select(url.uri());
    for (Proxy selected : proxies == null ? Collections.<Proxy>emptyList() : proxies) {
      direct &= selected.type() == Proxy.Type.DIRECT;
    }
    if (directHosts.size() < MAX_REMEMBERED_HOSTS) {
      directHosts.put(key, direct);
    }
    return direct;
  }
}
