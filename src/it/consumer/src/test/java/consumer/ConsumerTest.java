package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.togglapi.client.ApiClient;
import io.github.togglapi.client.api.AuthenticationApi;
import io.github.togglapi.client.model.ModelsUser;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class ConsumerTest {
  @Test
  void signsInThroughTheSdk() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
          .setBody("{\"id\":9000000001,\"email\":\"ada@example.com\",\"unknown\":true}"));
      server.start();
      ApiClient client = new ApiClient().setBasePath(server.url("/api/v9").toString())
          .setUsername("ada@example.com").setPassword("correct-horse");
      ModelsUser me = new AuthenticationApi(client).meSessionsPost(null);
      assertEquals(9000000001L, me.getId());
      RecordedRequest request = server.takeRequest();
      assertEquals("/api/v9/me/sessions", request.getPath());
      // The version comes from the installed jar's manifest: never the "dev" of a folder of classes.
      assertTrue(request.getHeader("User-Agent").matches("toggl-api-java/\\d+\\.\\d+\\.\\d+.*"),
          request.getHeader("User-Agent"));
    }
  }

  @Test
  void signsUpWithTheModels() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
          .setBody("{\"id\":9000000001,\"email\":\"ada@example.com\"}"));
      server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
          .setBody("{\"id\":9000000001,\"email\":\"ada@example.com\"}"));
      server.start();
      ApiClient client = new ApiClient().setBasePath(server.url("/api/v9").toString());
      assertEquals("ada@example.com 9000000001 200 true", SignUp.run(client));
      RecordedRequest signup = server.takeRequest();
      assertEquals("/api/v9/signup", signup.getPath());
      assertTrue(signup.getBody().readUtf8().contains("\"tos_accepted\":true"));
      assertEquals("/api/v9/me/sessions", server.takeRequest().getPath());
    }
  }
}
