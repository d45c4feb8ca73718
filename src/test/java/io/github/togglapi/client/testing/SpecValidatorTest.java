package io.github.togglapi.client.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The validator the embedded server relies on really catches answers and requests outside the spec. */
class SpecValidatorTest {
  private final SpecValidator validator = SpecValidator.shared();

  @Test
  void catchesResponsesOutsideTheSpec() throws Exception {
    RecordedRequest get = record(new Request.Builder().url("http://localhost/api/v9/workspaces/1/sso")
        .header("Accept", "application/json").build());
    assertEquals(Collections.emptyList(), validator.checkResponse(get, json(200, "{\"config\":{\"enabled\":true}}")));
    assertEquals(Collections.emptyList(), validator.checkResponse(get, json(200, "{\"extra\":1}")),
        "unlisted fields are allowed in answers, as Toggl sends them");
    assertHas(validator.checkResponse(get, json(200, "{\"config\":{\"enabled\":\"yes\"}}")), "validation.response.body");
    assertHas(validator.checkResponse(get, json(418, "\"teapot\"")), "validation.response.status.unknown");
    assertHas(validator.checkResponse(get, new MockResponse().setHeader("Content-Type", "text/html").setBody("<p>")),
        "validation.response.contentType");
  }

  @Test
  void catchesRequestsOutsideTheSpec() throws Exception {
    RecordedRequest noEmail = record(new Request.Builder().url("http://localhost/api/v9/auth/saml2/login")
        .header("Accept", "application/json").build());
    assertHas(validator.checkRequest(noEmail), "validation.request.parameter.query.missing");
    RecordedRequest unknownPath = record(new Request.Builder().url("http://localhost/api/v9/me/nothing").build());
    assertHas(validator.checkRequest(unknownPath), "validation.request.path.missing");
  }

  private static void assertHas(List<String> messages, String key) {
    assertTrue(messages.stream().anyMatch(m -> m.startsWith(key)), key + " in " + messages);
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  /** Sends the request to a scratch server to get the RecordedRequest the embedded server would see. */
  private static RecordedRequest record(Request request) throws IOException, InterruptedException {
    try (MockWebServer scratch = new MockWebServer()) {
      scratch.enqueue(new MockResponse());
      scratch.start();
      Request local = request.newBuilder()
          .url(request.url().newBuilder().host(scratch.getHostName()).port(scratch.getPort()).build()).build();
      new OkHttpClient().newCall(local).execute().close();
      return scratch.takeRequest(1, TimeUnit.SECONDS);
    }
  }
}
