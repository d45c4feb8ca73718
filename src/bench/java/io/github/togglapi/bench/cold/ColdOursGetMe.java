package io.github.togglapi.bench.cold;

import io.github.togglapi.client.ApiClient;
import io.github.togglapi.client.api.MeApi;
import io.github.togglapi.client.model.RelatedUserWithRelated;

/**
 * Cold start with our SDK for a user of one API among the 35: a fresh JVM that makes one
 * {@code getMe} call with an API token and ends. What the other APIs and their models cost such a
 * program is what this shows (they should cost only disk).
 */
public final class ColdOursGetMe {
  private ColdOursGetMe() {
  }

  /**
   * Makes the call.
   *
   * @param args the base path of the server and the API token
   * @throws Exception if the call fails
   */
  public static void main(String[] args) throws Exception {
    MeApi api = new MeApi(new ApiClient().setBasePath(args[0]).setApiToken(args[1]));
    RelatedUserWithRelated me = api.getMe(null);
    System.out.println(me.getId());
  }
}
