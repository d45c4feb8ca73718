package io.github.togglapi.bench.cold;

import io.github.togglapi.bench.floor.FloorClient;
import io.github.togglapi.bench.floor.FloorSignup;
import io.github.togglapi.bench.floor.FloorUser;

/**
 * Cold start with hand-written OkHttp + Gson: a fresh JVM that makes one {@code postSignup} call
 * and ends. Its class path holds only this class, the hand-written client and OkHttp, Okio, the
 * Kotlin standard library and Gson.
 */
public final class ColdFloor {
  private ColdFloor() {
  }

  /**
   * Makes the call.
   *
   * @param args the base path of the server
   * @throws Exception if the call fails
   */
  public static void main(String[] args) throws Exception {
    FloorClient client = new FloorClient(args[0], "unused");
    FloorSignup body = new FloorSignup();
    body.email = "ada.lovelace@example.com";
    body.password = "correct horse battery staple";
    body.tosAccepted = true;
    FloorUser user = client.signup(body);
    System.out.println(user.id);
  }
}
