package io.github.togglapi.client;

import java.io.IOException;
import java.util.List;

import io.github.togglapi.client.auth.CookieStore;
import io.github.togglapi.client.auth.HttpBasicAuth;
import okhttp3.Cookie;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the credentials and the session cookie to the operations that need them, and keeps the
 * cookies every answer sets. It runs after the caller's own interceptors, so neither they nor the
 * {@code Call} an async method returns ever hold a password, token or session cookie.
 */
final class AuthInterceptor implements Interceptor {
  private final ApiClient client;
  private final CookieStore cookies;

  AuthInterceptor(ApiClient client, CookieStore cookies) {
    this.client = client;
    this.cookies = cookies;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    ApiRequest described = request.tag(ApiRequest.class);
    if (described != null && described.isAuthenticated()) {
      Request.Builder authenticated = request.newBuilder();
      HttpBasicAuth credentials = client.getCredentials();
      if (credentials != null) {
        authenticated.header("Authorization", credentials.toHeaderValue());
      }
      List<Cookie> session = cookies.load(request.url());
      if (!session.isEmpty()) {
        authenticated.header("Cookie", cookieHeader(session));
      }
      request = authenticated.build();
    }
    Response response = chain.proceed(request);
    cookies.save(request.url(), response.headers());
    return response;
  }

  private static String cookieHeader(List<Cookie> cookies) {
    StringBuilder header = new StringBuilder();
    for (Cookie cookie : cookies) {
      if (header.length() > 0) {
        header.append("; ");
      }
      header.append(cookie.name()).append('=').append(cookie.value());
    }
    return header.toString();
  }
}
