package io.github.togglapi.bench.cold;

import stock.api.AuthenticationApi;
import stock.client.ApiClient;
import stock.model.MePostUser;
import stock.model.ModelsTogglUser;

/**
 * Cold start with the stock generated client: a fresh JVM that makes one {@code postSignup} call
 * and ends. Its class path holds only this class, the stock client and the run-time dependencies
 * its generated pom.xml declares.
 */
public final class ColdStock {
  private ColdStock() {
  }

  /**
   * Makes the call.
   *
   * @param args the base path of the server
   * @throws Exception if the call fails
   */
  public static void main(String[] args) throws Exception {
    ApiClient client = new ApiClient();
    client.setBasePath(args[0]);
    ModelsTogglUser user = new AuthenticationApi(client).postSignup(new MePostUser()
        .email("ada.lovelace@example.com")
        .password("correct horse battery staple")
        .tosAccepted(true));
    System.out.println(user.getId());
  }
}
