package io.github.togglapi.client.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class HttpBasicAuthTest {
  @Test
  void encodesUtf8AsRfc7617Says() {
    HttpBasicAuth auth = new HttpBasicAuth("zoë@example.com", "pässwörd");
    String encoded = auth.toHeaderValue().substring("Basic ".length());
    assertEquals("zoë@example.com:pässwörd", new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
    assertFalse(auth.isApiToken());
  }

  @Test
  void apiTokenUsesTheLiteralPassword() {
    HttpBasicAuth auth = HttpBasicAuth.apiToken("tok123456");
    assertTrue(auth.isApiToken());
    assertEquals("tok123456", auth.getUsername());
    assertEquals("api_token", auth.getPassword());
  }

  @Test
  void toStringNeverShowsTheSecretNorTheUserName() {
    assertEquals("HttpBasicAuth{username=****, password=****}",
        new HttpBasicAuth("ada@example.com", "hunter22").toString());
    assertEquals("HttpBasicAuth{apiToken=****}", HttpBasicAuth.apiToken("tok123456").toString());
    // A token paired with a password by mistake is still a token: it must not show as a user name.
    assertFalse(new HttpBasicAuth("tok123456", "hunter22").toString().contains("tok123456"));
  }

  @Test
  void valueSemanticsAndNullChecks() {
    assertEquals(new HttpBasicAuth("a", "b"), new HttpBasicAuth("a", "b"));
    assertEquals(new HttpBasicAuth("a", "b").hashCode(), new HttpBasicAuth("a", "b").hashCode());
    assertNotEquals(new HttpBasicAuth("a", "b"), new HttpBasicAuth("a", "c"));
    assertThrows(NullPointerException.class, () -> new HttpBasicAuth(null, "b"));
    assertThrows(NullPointerException.class, () -> new HttpBasicAuth("a", null));
  }
}
