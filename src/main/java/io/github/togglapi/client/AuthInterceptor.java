package io.github.togglapi.client;

import java.io.IOException;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the call's credentials and session cookie (its {@link CallIdentity}) to the operations that
 * need them. It runs after the caller's own interceptors, so they never see a password, token or
 * session cookie: not in the request they pass on, and not in the response they get back, whose
 * {@code request()} is the one they passed on and which carries no network, cache or prior
 * response (each of those holds the request as sent).
 */
final class AuthInterceptor implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    ApiRequest described = request.tag(ApiRequest.class);
    CallIdentity identity = request.tag(CallIdentity.class);
    if (described == null || identity == null || !described.isAuthenticated() || identity.isEmpty()) {
      return chain.proceed(request); // nothing added, so nothing to take back out of the response
    }
    Response response = chain.proceed(identity.authenticate(request));
    return response.newBuilder()
        .request(request)
        .networkResponse(null)
        .cacheResponse(null)
        .priorResponse(null)
        .build();
  }
}
