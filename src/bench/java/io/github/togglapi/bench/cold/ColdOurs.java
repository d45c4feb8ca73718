package io.github.togglapi.bench.cold;

import io.github.togglapi.client.ApiClient;
import io.github.togglapi.client.api.AuthenticationApi;
import io.github.togglapi.client.model.MePostUser;
import io.github.togglapi.client.model.ModelsTogglUser;

/**
 * Cold start with our SDK: a fresh JVM that makes one {@code postSignup} call and ends. Its
 * class path holds only this class, our jar and our run-time dependencies.
 */
public final class ColdOurs {
  private ColdOurs() {
  }

  /**
   * Makes the call.
   *
   * @param args the base path of the server
   * @throws Exception if the call fails
   */
  public static void main(String[] args) throws Exception {
    AuthenticationApi api = new AuthenticationApi(new ApiClient().setBasePath(args[0]));
    ModelsTogglUser user = api.postSignup(new MePostUser()
        .email("ada.lovelace@example.com")
        .password("correct horse battery staple")
        .tosAccepted(true));
    System.out.println(user.getId());
  }
}
