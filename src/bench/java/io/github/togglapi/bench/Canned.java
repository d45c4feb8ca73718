package io.github.togglapi.bench;

import java.util.Base64;
import java.util.Random;

/**
 * The canned answers of the benchmark server: what the Toggl API sends for the three operations
 * measured, with realistic sizes (microsecond timestamps, a PEM certificate).
 */
public final class Canned {
  /** The API token every client authenticates with. */
  public static final String API_TOKEN = "1971800d4d82861d8f2c1651fea4d212";
  /** The workspace of {@code getWorkspaceSso}. */
  public static final long WORKSPACE_ID = 1234567L;
  /** The id of the user {@code postSignup} answers with (checked by every client's set-up). */
  public static final long USER_ID = 9876543L;
  /** The token {@code postResetToken} answers with. */
  public static final String NEW_TOKEN = "2a6e7b1c3f9d4e8a0b5c6d7e8f9a0b1c";

  /** A {@code ModelsTogglUser}, as {@code POST /signup} answers (about 600 bytes). */
  public static final String USER_JSON = "{"
      + "\"id\":" + USER_ID + ","
      + "\"api_token\":\"" + API_TOKEN + "\","
      + "\"email\":\"ada.lovelace@example.com\","
      + "\"fullname\":\"Ada Lovelace\","
      + "\"timezone\":\"Europe/London\","
      + "\"default_workspace_id\":" + WORKSPACE_ID + ","
      + "\"beginning_of_week\":1,"
      + "\"image_url\":\"https://assets.track.toggl.com/images/profile.png\","
      + "\"openid_email\":null,"
      + "\"openid_enabled\":false,"
      + "\"country_id\":234,"
      + "\"has_password\":true,"
      + "\"created_at\":\"2024-03-20T20:40:08.017845Z\","
      + "\"updated_at\":\"2024-03-21T09:12:44.125803Z\","
      + "\"at\":\"2024-03-21T09:12:44.125803+00:00\","
      + "\"options\":{\"duration_format\":\"improved\",\"pomodoro_interval\":25,\"dark_mode\":true}"
      + "}";

  /** An {@code SsoConfigResult}, as {@code GET /workspaces/{id}/sso} answers. */
  public static final String SSO_JSON = "{"
      + "\"config\":{"
      + "\"certificate\":\"" + pem() + "\","
      + "\"domain\":\"example.com\","
      + "\"enabled\":true,"
      + "\"entity_id\":\"https://idp.example.com/saml/metadata\","
      + "\"metadata_url\":\"https://idp.example.com/saml/metadata.xml\","
      + "\"name\":\"Example IdP\","
      + "\"shared_sso_profile_id\":4242,"
      + "\"sso_url\":\"https://idp.example.com/saml/sso\""
      + "},"
      + "\"sp_settings\":{"
      + "\"acs_url\":\"https://track.toggl.com/auth/saml2/callback/" + WORKSPACE_ID + "\","
      + "\"entity_id\":\"https://track.toggl.com/saml2/" + WORKSPACE_ID + "\""
      + "}"
      + "}";

  /** The new token, a bare JSON string, as {@code POST /me/reset_token} answers. */
  public static final String TOKEN_JSON = "\"" + NEW_TOKEN + "\"";

  private Canned() {
  }

  /** A PEM certificate of a typical size (about 1 KB), JSON-escaped; the same bytes every run. */
  private static String pem() {
    byte[] der = new byte[760];
    new Random(42).nextBytes(der);
    String base64 = Base64.getEncoder().encodeToString(der);
    StringBuilder pem = new StringBuilder("-----BEGIN CERTIFICATE-----\\n");
    for (int i = 0; i < base64.length(); i += 64) {
      pem.append(base64, i, Math.min(base64.length(), i + 64)).append("\\n");
    }
    return pem.append("-----END CERTIFICATE-----\\n").toString();
  }
}
