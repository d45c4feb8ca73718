package io.github.togglapi.bench.cold;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Cold start with the least a developer writes by hand for one {@code GET /me} with an API token:
 * a default OkHttp client, Gson with snake_case field names, timestamps left as strings. The
 * floor {@link ColdOursGetMe} is measured against; its class path is the floor's.
 */
public final class ColdMinimalFloorGetMe {
  private ColdMinimalFloorGetMe() {
  }

  /** The part of the answer a quick program reads. */
  static final class User {
    Long id;
    String email;
    String fullname;
    String timezone;
    String at;
    Long defaultWorkspaceId;
  }

  /**
   * Makes the call.
   *
   * @param args the base path of the server and the API token
   * @throws Exception if the call fails
   */
  public static void main(String[] args) throws Exception {
    OkHttpClient http = new OkHttpClient();
    Gson gson = new GsonBuilder().setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create();
    Request request = new Request.Builder().url(args[0] + "/me")
        .header("Authorization", Credentials.basic(args[1], "api_token")).build();
    try (Response response = http.newCall(request).execute()) {
      User user = gson.fromJson(response.body().charStream(), User.class);
      System.out.println(user.id);
    }
  }
}
