package io.github.togglapi.client;

/** Holds the {@link ApiClient} that API classes created without one use. */
public final class Configuration {
  private static volatile ApiClient defaultApiClient;

  private Configuration() {}

  /**
   * The default client, created on first use with the production base path and no credentials.
   *
   * @return the default client
   */
  public static ApiClient getDefaultApiClient() {
    ApiClient client = defaultApiClient;
    if (client == null) {
      synchronized (Configuration.class) {
        client = defaultApiClient;
        if (client == null) {
          client = new ApiClient();
          defaultApiClient = client;
        }
      }
    }
    return client;
  }

  /**
   * Replaces the default client; API classes created afterwards without a client use it.
   *
   * @param apiClient the new default client
   * @throws NullPointerException if apiClient is null
   */
  public static void setDefaultApiClient(ApiClient apiClient) {
    if (apiClient == null) {
      throw new NullPointerException("apiClient");
    }
    defaultApiClient = apiClient;
  }
}
