package io.github.togglapi.client.auth;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import okhttp3.Credentials;

/**
 * HTTP basic credentials for the Toggl API: an email and password, or an API token (see
 * {@link #apiToken(String)}). Immutable; {@link #toString()} shows neither the user name nor the
 * password or token.
 */
public final class HttpBasicAuth {
  /** The password Toggl expects together with an API token used as the user name. */
  public static final String API_TOKEN_PASSWORD = "api_token";

  private final String username;
  private final String password;
  private final String headerValue;

  /**
   * Credentials for an email (or API token) and a password.
   *
   * @param username the email, or an API token
   * @param password the password, or {@value #API_TOKEN_PASSWORD} with a token
   * @throws NullPointerException if either is null
   */
  public HttpBasicAuth(String username, String password) {
    this.username = Objects.requireNonNull(username, "username");
    this.password = Objects.requireNonNull(password, "password");
    // Encoded once: the same credentials go with every call.
    this.headerValue = Credentials.basic(username, password, StandardCharsets.UTF_8);
  }

  /**
   * Credentials for an API token: the token as user name and {@value #API_TOKEN_PASSWORD} as
   * password, as Toggl expects.
   *
   * @param apiToken the token shown in the user's profile
   * @return the credentials
   */
  public static HttpBasicAuth apiToken(String apiToken) {
    return new HttpBasicAuth(apiToken, API_TOKEN_PASSWORD);
  }

  /**
   * Returns the user name: an email, or an API token.
   *
   * @return the user name: an email, or an API token
   */
  public String getUsername() {
    return username;
  }

  /**
   * Returns the password, or {@value #API_TOKEN_PASSWORD} with a token; a secret.
   *
   * @return the password, or {@value #API_TOKEN_PASSWORD} with a token; a secret
   */
  public String getPassword() {
    return password;
  }

  /**
   * Returns true if these are API token credentials rather than an email and password.
   *
   * @return true if these are API token credentials rather than an email and password
   */
  public boolean isApiToken() {
    return API_TOKEN_PASSWORD.equals(password);
  }

  /**
   * The {@code Authorization} header value. Encoded as UTF-8 (RFC 7617), so that non-ASCII emails
   * and passwords reach the server as typed rather than as ISO-8859-1.
   *
   * @return {@code Basic <base64(username:password)>}
   */
  public String toHeaderValue() {
    return headerValue;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof HttpBasicAuth)) {
      return false;
    }
    HttpBasicAuth other = (HttpBasicAuth) o;
    return username.equals(other.username) && password.equals(other.password);
  }

  @Override
  public int hashCode() {
    return 31 * username.hashCode() + password.hashCode();
  }

  /**
   * Names the kind of credentials and nothing else: not the password or token, and not the user
   * name, which is an email (personal data) or, when a token is paired with a password by
   * mistake, the token itself.
   *
   * @return {@code HttpBasicAuth{apiToken=****}} or {@code HttpBasicAuth{username=****, password=****}}
   */
  @Override
  public String toString() {
    return isApiToken() ? "HttpBasicAuth{apiToken=****}" : "HttpBasicAuth{username=****, password=****}";
  }
}
