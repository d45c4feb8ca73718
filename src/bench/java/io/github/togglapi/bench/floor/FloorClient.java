package io.github.togglapi.bench.floor;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The floor: what a careful developer writes by hand with OkHttp and Gson for the same three
 * calls, and nothing more. One shared OkHttpClient, requests built by hand with the headers the
 * SDKs send (Accept, Content-Type, Authorization, User-Agent), bodies written with
 * {@code gson.toJson}, answers read with {@code gson.fromJson(body.charStream(), Pojo.class)} into
 * hand-written POJOs, the response always closed.
 */
public final class FloorClient {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final byte[] NO_BYTES = new byte[0];
  private static final String USER_AGENT = "toggl-floor/1.0";

  private final OkHttpClient http;
  private final Gson gson;
  private final String base;
  private final HttpUrl signupUrl;
  private final HttpUrl resetTokenUrl;
  private final String authorization;

  /**
   * A client for the API at the given base path.
   *
   * @param basePath for example {@code http://127.0.0.1:8080/api/v9}
   * @param apiToken the API token (HTTP basic, with {@code api_token} as password)
   */
  public FloorClient(String basePath, String apiToken) {
    this.http = new OkHttpClient();
    this.gson = new GsonBuilder().registerTypeAdapter(OffsetDateTime.class, new OffsetDateTimeAdapter().nullSafe())
        .create();
    this.base = basePath;
    this.signupUrl = HttpUrl.get(basePath + "/signup");
    this.resetTokenUrl = HttpUrl.get(basePath + "/me/reset_token");
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((apiToken + ":api_token").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns the Gson this client reads and writes with.
   *
   * @return the Gson
   */
  public Gson gson() {
    return gson;
  }

  /**
   * {@code POST /signup}; needs no credentials.
   *
   * @param body the new user
   * @return the user created
   * @throws IOException on a network error or an error status
   */
  public FloorUser signup(FloorSignup body) throws IOException {
    Request request = new Request.Builder()
        .url(signupUrl)
        .header("Accept", "application/json")
        .header("User-Agent", USER_AGENT)
        .post(RequestBody.create(gson.toJson(body), JSON))
        .build();
    return call(request, FloorUser.class);
  }

  /**
   * {@code GET /workspaces/{id}/sso}.
   *
   * @param workspaceId the workspace
   * @return its SSO configuration
   * @throws IOException on a network error or an error status
   */
  public FloorSsoConfigResult workspaceSso(long workspaceId) throws IOException {
    Request request = new Request.Builder()
        .url(base + "/workspaces/" + workspaceId + "/sso")
        .header("Accept", "application/json")
        .header("User-Agent", USER_AGENT)
        .header("Authorization", authorization)
        .build();
    return call(request, FloorSsoConfigResult.class);
  }

  /**
   * {@code POST /me/reset_token}.
   *
   * @return the new token
   * @throws IOException on a network error or an error status
   */
  public String resetToken() throws IOException {
    Request request = new Request.Builder()
        .url(resetTokenUrl)
        .header("Accept", "application/json")
        .header("User-Agent", USER_AGENT)
        .header("Authorization", authorization)
        .post(RequestBody.create(NO_BYTES, null))
        .build();
    return call(request, String.class);
  }

  private <T> T call(Request request, Type type) throws IOException {
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code() + " for " + request.method() + " " + request.url());
      }
      ResponseBody body = response.body();
      Reader reader = body.charStream();
      return gson.fromJson(reader, type);
    }
  }

  /** Shuts down the connection pool and the dispatcher's threads. */
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** RFC 3339 timestamps, as Toggl sends them. */
  static final class OffsetDateTimeAdapter extends TypeAdapter<OffsetDateTime> {
    @Override
    public void write(JsonWriter out, OffsetDateTime value) throws IOException {
      out.value(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
    }

    @Override
    public OffsetDateTime read(JsonReader in) throws IOException {
      return OffsetDateTime.parse(in.nextString(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
  }
}
