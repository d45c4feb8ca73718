package io.github.togglapi.bench;

import io.github.togglapi.bench.floor.FloorClient;
import io.github.togglapi.bench.floor.FloorSignup;
import io.github.togglapi.bench.floor.FloorSsoConfigResult;
import io.github.togglapi.bench.floor.FloorUser;

/**
 * The three measured operations, done by one of the three clients. Every call builds its request
 * body anew, as an application would, and returns the decoded answer.
 */
public interface BenchClient extends AutoCloseable {
  /** The clients, in the order the reports list them. */
  String[] NAMES = {"floor", "ours", "stock"};

  /**
   * {@code postSignup}.
   *
   * @return the decoded user
   * @throws Exception if the call fails
   */
  Object postSignup() throws Exception;

  /**
   * {@code getWorkspaceSso}.
   *
   * @return the decoded SSO configuration
   * @throws Exception if the call fails
   */
  Object getWorkspaceSso() throws Exception;

  /**
   * {@code postResetToken}.
   *
   * @return the new token
   * @throws Exception if the call fails
   */
  Object postResetToken() throws Exception;

  @Override
  void close();

  /**
   * Makes one client, with its own connection pool, and checks that it gets the canned answers.
   *
   * @param name {@code floor}, {@code ours} or {@code stock}
   * @param basePath the server's base path
   * @return the client
   * @throws Exception if a first call fails or decodes to something else than the canned answer
   */
  static BenchClient create(String name, String basePath) throws Exception {
    BenchClient client;
    switch (name) {
      case "floor":
        client = new Floor(basePath);
        break;
      case "ours":
        client = new Ours(basePath);
        break;
      case "stock":
        client = new Stock(basePath);
        break;
      default:
        throw new IllegalArgumentException("No client " + name);
    }
    Checks.user(name, client.postSignup());
    Checks.sso(name, client.getWorkspaceSso());
    Checks.token(name, client.postResetToken());
    return client;
  }

  /** Hand-written OkHttp + Gson. */
  final class Floor implements BenchClient {
    private final FloorClient client;

    Floor(String basePath) {
      client = new FloorClient(basePath, Canned.API_TOKEN);
    }

    @Override
    public FloorUser postSignup() throws Exception {
      FloorSignup body = new FloorSignup();
      body.email = "ada.lovelace@example.com";
      body.password = "correct horse battery staple";
      body.tosAccepted = true;
      body.fullName = "Ada Lovelace";
      body.timezone = "Europe/London";
      body.createdWith = "toggl-bench";
      return client.signup(body);
    }

    @Override
    public FloorSsoConfigResult getWorkspaceSso() throws Exception {
      return client.workspaceSso(Canned.WORKSPACE_ID);
    }

    @Override
    public String postResetToken() throws Exception {
      return client.resetToken();
    }

    @Override
    public void close() {
      client.close();
    }
  }

  /** This SDK. */
  final class Ours implements BenchClient {
    private final io.github.togglapi.client.api.AuthenticationApi api;

    Ours(String basePath) {
      api = new io.github.togglapi.client.api.AuthenticationApi(
          new io.github.togglapi.client.ApiClient().setBasePath(basePath).setApiToken(Canned.API_TOKEN));
    }

    @Override
    public io.github.togglapi.client.model.ModelsTogglUser postSignup() throws Exception {
      return api.postSignup(new io.github.togglapi.client.model.MePostUser()
          .email("ada.lovelace@example.com")
          .password("correct horse battery staple")
          .tosAccepted(true)
          .fullName("Ada Lovelace")
          .timezone("Europe/London")
          .createdWith("toggl-bench"));
    }

    @Override
    public io.github.togglapi.client.model.SsoConfigResult getWorkspaceSso() throws Exception {
      return api.getWorkspaceSso(Canned.WORKSPACE_ID);
    }

    @Override
    public String postResetToken() throws Exception {
      return api.postResetToken();
    }

    @Override
    public void close() {
      // The SDK's default OkHttpClient is shared by every ApiClient of the JVM; nothing to free.
    }
  }

  /** The stock openapi-generator client (java, okhttp-gson) of the same spec. */
  final class Stock implements BenchClient {
    private final stock.api.AuthenticationApi api;

    Stock(String basePath) {
      stock.client.ApiClient client = new stock.client.ApiClient();
      client.setBasePath(basePath);
      client.setUsername(Canned.API_TOKEN);
      client.setPassword("api_token");
      api = new stock.api.AuthenticationApi(client);
    }

    @Override
    public stock.model.ModelsTogglUser postSignup() throws Exception {
      return api.postSignup(new stock.model.MePostUser()
          .email("ada.lovelace@example.com")
          .password("correct horse battery staple")
          .tosAccepted(true)
          .fullName("Ada Lovelace")
          .timezone("Europe/London")
          .createdWith("toggl-bench"));
    }

    @Override
    public stock.model.SsoConfigResult getWorkspaceSso() throws Exception {
      return api.getWorkspaceSso(Canned.WORKSPACE_ID);
    }

    @Override
    public String postResetToken() throws Exception {
      return api.postResetToken();
    }

    @Override
    public void close() {
      api.getApiClient().getHttpClient().connectionPool().evictAll();
    }
  }
}
