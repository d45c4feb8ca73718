package io.github.togglapi.bench.floor;

import com.google.gson.annotations.SerializedName;

/** A hand-written {@code MePostUser}: the fields the benchmarks send. */
public final class FloorSignup {
  @SerializedName("email") public String email;
  @SerializedName("password") public String password;
  @SerializedName("tos_accepted") public Boolean tosAccepted;
  @SerializedName("full_name") public String fullName;
  @SerializedName("timezone") public String timezone;
  @SerializedName("created_with") public String createdWith;
}
