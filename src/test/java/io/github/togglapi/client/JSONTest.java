package io.github.togglapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import com.google.gson.JsonParseException;
import io.github.togglapi.client.model.MePostUser;
import io.github.togglapi.client.model.ModelsSSOConfig;
import io.github.togglapi.client.model.ModelsTogglUser;
import org.junit.jupiter.api.Test;

class JSONTest {
  private final JSON json = new JSON();

  @Test
  void readsWhatTheRealApiSends() {
    // Microsecond timestamps, IDs above 2^31, nulls for optional fields, and fields no model lists.
    String body = "{\"id\":9876543210,\"api_token\":\"tok\",\"email\":\"ada@example.com\","
        + "\"at\":\"2016-03-20T20:40:08.017845Z\",\"created_at\":\"2016-03-20T20:40:08+02:00\","
        + "\"updated_at\":null,\"image_url\":null,\"beginning_of_week\":1,\"country_id\":null,"
        + "\"default_workspace_id\":3000000001,\"has_password\":true,\"openid_enabled\":false,"
        + "\"options\":{\"theme\":\"dark\",\"nested\":{\"a\":[1,2]}},"
        + "\"brand_new_field\":{\"x\":[1,{\"y\":null}]},\"another\":12.5,\"authorization_updated_at\":\"x\"}";
    ModelsTogglUser user = json.deserialize(body, ModelsTogglUser.class);
    assertEquals(9876543210L, user.getId());
    assertEquals(3000000001L, user.getDefaultWorkspaceId());
    assertEquals(OffsetDateTime.of(2016, 3, 20, 20, 40, 8, 17845000, ZoneOffset.UTC), user.getAt());
    assertEquals(OffsetDateTime.of(2016, 3, 20, 20, 40, 8, 0, ZoneOffset.ofHours(2)), user.getCreatedAt());
    assertNull(user.getUpdatedAt());
    assertNull(user.getImageUrl());
    assertNull(user.getCountryId());
    assertEquals(Integer.valueOf(1), user.getBeginningOfWeek());
    assertEquals("dark", user.getOptions().get("theme"));
    assertTrue(user.getOptions().get("nested") instanceof Map);
    ModelsTogglUser big = json.deserialize("{\"options\":{\"n\":9007199254740993,\"f\":1.5}}", ModelsTogglUser.class);
    assertEquals(9007199254740993L, big.getOptions().get("n"), "whole numbers stay exact");
    assertEquals(1.5, big.getOptions().get("f"));
  }

  @Test
  void writesSnakeCaseAndLeavesNullsOut() {
    String out = json.serialize(new MePostUser().email("ada@example.com").password("pw").tosAccepted(true)
        .fullName("Ada Lovelace"));
    assertEquals("{\"email\":\"ada@example.com\",\"full_name\":\"Ada Lovelace\",\"password\":\"pw\","
        + "\"tos_accepted\":true}", out);
    assertEquals("{}", json.serialize(new ModelsSSOConfig()));
  }

  @Test
  void timestampsRoundTrip() {
    OffsetDateTime at = OffsetDateTime.of(2024, 2, 29, 23, 59, 59, 123456000, ZoneOffset.UTC);
    String out = json.serialize(new ModelsTogglUser().at(at));
    assertEquals("{\"at\":\"2024-02-29T23:59:59.123456Z\"}", out);
    ModelsTogglUser back = json.deserialize(out, ModelsTogglUser.class);
    assertEquals(at, back.getAt());
  }

  @Test
  void stringResultsArePlainJavaStrings() {
    assertEquals("Token reset", json.deserialize("\"Token reset\"", String.class));
    assertEquals("quote \" and \u00e9", json.deserialize("\"quote \\\" and \\u00e9\"", String.class));
  }

  @Test
  void rejectsWhatIsNotStandardJson() {
    assertThrows(JsonParseException.class, () -> json.deserialize("not json", String.class));
    assertThrows(JsonParseException.class, () -> json.deserialize("{\"id\":1", ModelsTogglUser.class));
    assertThrows(JsonParseException.class, () -> json.deserialize("{\"id\":\"abc\"}", ModelsTogglUser.class));
    assertThrows(JsonParseException.class, () -> json.deserialize("{\"at\":\"yesterday\"}", ModelsTogglUser.class));
    assertThrows(JsonParseException.class,
        () -> json.deserialize("{\"id\":99999999999999999999}", ModelsTogglUser.class));
  }

  @Test
  void aBadTimestampSaysWhereItIs() {
    JsonParseException inModel = assertThrows(JsonParseException.class,
        () -> json.deserialize("{\"id\":1,\"created_at\":\"2024-02-30T00:00:00Z\"}", ModelsTogglUser.class));
    assertEquals("Not an RFC 3339 timestamp at $.created_at", inModel.getMessage());
    JsonParseException alone = assertThrows(JsonParseException.class,
        () -> json.deserialize("\"yesterday\"", OffsetDateTime.class));
    assertEquals("Not an RFC 3339 timestamp at $", alone.getMessage());
  }
}
