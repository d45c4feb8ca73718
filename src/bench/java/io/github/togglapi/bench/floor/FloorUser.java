package io.github.togglapi.bench.floor;

import java.time.OffsetDateTime;
import java.util.Map;

import com.google.gson.annotations.SerializedName;

/** A hand-written {@code ModelsTogglUser}: the spec's fields, nothing else. */
public final class FloorUser {
  @SerializedName("api_token") public String apiToken;
  @SerializedName("at") public OffsetDateTime at;
  @SerializedName("beginning_of_week") public Integer beginningOfWeek;
  @SerializedName("country_id") public Long countryId;
  @SerializedName("created_at") public OffsetDateTime createdAt;
  @SerializedName("default_workspace_id") public Long defaultWorkspaceId;
  @SerializedName("email") public String email;
  @SerializedName("fullname") public String fullname;
  @SerializedName("has_password") public Boolean hasPassword;
  @SerializedName("id") public Long id;
  @SerializedName("image_url") public String imageUrl;
  @SerializedName("openid_email") public String openidEmail;
  @SerializedName("openid_enabled") public Boolean openidEnabled;
  @SerializedName("options") public Map<String, Object> options;
  @SerializedName("timezone") public String timezone;
  @SerializedName("updated_at") public OffsetDateTime updatedAt;
}
