package io.github.togglapi.bench.cold;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Cold start with the least a developer writes by hand for one {@code postSignup}: a default
 * OkHttp client and Gson with snake_case field names, no annotations and timestamps left as
 * strings. The hand-written floor does more at a cold start (annotations, DateTimeFormatter),
 * which can hide what the SDK adds; this one cannot. Its class path is the floor's.
 */
public final class ColdMinimalFloor {
  private ColdMinimalFloor() {
  }

  /** The sign-up body. */
  static final class Signup {
    String email;
    String password;
    boolean tosAccepted;
  }

  /** The part of the answer a quick program reads. */
  static final class User {
    Long id;
    String email;
    String fullname;
    String apiToken;
    String createdAt;
    String at;
    Long defaultWorkspaceId;
  }

  /**
   * Makes the call.
   *
   * @param args the base path of the server
   * @throws Exception if the call fails
   */
  public static void main(String[] args) throws Exception {
    OkHttpClient http = new OkHttpClient();
    Gson gson = new GsonBuilder().setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create();
    Signup body = new Signup();
    body.email = "ada.lovelace@example.com";
    body.password = "correct horse battery staple";
    body.tosAccepted = true;
    Request request = new Request.Builder().url(args[0] + "/signup")
        .post(RequestBody.create(gson.toJson(body), MediaType.get("application/json"))).build();
    try (Response response = http.newCall(request).execute()) {
      User user = gson.fromJson(response.body().charStream(), User.class);
      System.out.println(user.id);
    }
  }
}
