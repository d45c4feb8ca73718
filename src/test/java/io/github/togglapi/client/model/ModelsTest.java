package io.github.togglapi.client.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModelsTest {
  private static final String SECRET = "canary-secret-7f3a";

  /**
   * The SDK's JSON finds a model's generated adapter by its name, without reading the model's
   * annotations (a cold-start cost the benchmark's cold start shows); a class whose adapter cannot
   * be found that way still gets the one its {@code @JsonAdapter} names.
   */
  @Test
  void theSdksJsonFindsGeneratedAdaptersByNameAndFallsBackToTheAnnotation() {
    com.google.gson.Gson gson = new io.github.togglapi.client.JSON().getGson();
    assertEquals("{\"id\":7}", gson.toJson(new ModelsUser().id(7L)));
    assertEquals("annotated", gson.fromJson("\"anything\"", AnnotatedOnlyModel.class).value);
  }

  @Test
  void toStringNeverShowsASecret() {
    Object[] models = {
      new MePostUser().email("ada@example.com").password(SECRET).tosAccepted(true),
      new ModelsUser().email("ada@example.com").apiToken(SECRET),
      new ModelsTogglUser().id(1L).apiToken(SECRET),
      new SsoConfirmation().confirmationCode(SECRET),
    };
    for (Object model : models) {
      String text = model.toString();
      assertFalse(text.contains(SECRET), text);
      assertTrue(text.contains("=****"), text);
    }
    assertEquals("ModelsUser{apiToken=null, email=ada@example.com, fullname=null, id=7, timezone=null}",
        new ModelsUser().email("ada@example.com").id(7L).toString());
  }

  @Test
  void fluentAndBeanSettersAgree() {
    SsoState fluent = new SsoState().enabled(true);
    SsoState bean = new SsoState();
    bean.setEnabled(true);
    assertEquals(fluent, bean);
    assertEquals(fluent.hashCode(), bean.hashCode());
    assertEquals(Boolean.TRUE, bean.getEnabled());
    bean.setEnabled(false);
    assertNotEquals(fluent, bean);
  }

  @Test
  void equalsComparesEveryFieldIncludingNested() {
    SsoConfigResult a = new SsoConfigResult().config(new ModelsSSOConfig().domain("example.com"))
        .spSettings(new SsoSPSettings().acsUrl("https://acs"));
    SsoConfigResult b = new SsoConfigResult().config(new ModelsSSOConfig().domain("example.com"))
        .spSettings(new SsoSPSettings().acsUrl("https://acs"));
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    b.getConfig().setDomain("example.org");
    assertNotEquals(a, b);
    assertNotEquals(a, null);
    assertNotEquals(a, "text");
  }
}
