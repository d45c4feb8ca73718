package io.github.togglapi.bench.floor;

import com.google.gson.annotations.SerializedName;

/** A hand-written {@code SsoConfigResult} with its two nested objects. */
public final class FloorSsoConfigResult {
  @SerializedName("config") public Config config;
  @SerializedName("sp_settings") public SpSettings spSettings;

  /** A hand-written {@code ModelsSSOConfig}. */
  public static final class Config {
    @SerializedName("certificate") public String certificate;
    @SerializedName("domain") public String domain;
    @SerializedName("enabled") public Boolean enabled;
    @SerializedName("entity_id") public String entityId;
    @SerializedName("metadata_url") public String metadataUrl;
    @SerializedName("name") public String name;
    @SerializedName("shared_sso_profile_id") public Long sharedSsoProfileId;
    @SerializedName("sso_url") public String ssoUrl;
  }

  /** A hand-written {@code SsoSPSettings}. */
  public static final class SpSettings {
    @SerializedName("acs_url") public String acsUrl;
    @SerializedName("entity_id") public String entityId;
  }
}
