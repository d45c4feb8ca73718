package io.github.togglapi.bench;

import java.time.OffsetDateTime;

import io.github.togglapi.bench.floor.FloorSsoConfigResult;
import io.github.togglapi.bench.floor.FloorUser;

/** Checks that a client decoded the canned answers fully, so that no client measures less work. */
final class Checks {
  private static final OffsetDateTime UPDATED_AT = OffsetDateTime.parse("2024-03-21T09:12:44.125803Z");

  private Checks() {
  }

  static void user(String client, Object user) {
    Long id;
    OffsetDateTime updatedAt;
    Object options;
    String email;
    if (user instanceof FloorUser) {
      FloorUser u = (FloorUser) user;
      id = u.id;
      updatedAt = u.updatedAt;
      options = u.options;
      email = u.email;
    } else if (user instanceof io.github.togglapi.client.model.ModelsTogglUser) {
      io.github.togglapi.client.model.ModelsTogglUser u = (io.github.togglapi.client.model.ModelsTogglUser) user;
      id = u.getId();
      updatedAt = u.getUpdatedAt();
      options = u.getOptions();
      email = u.getEmail();
    } else if (user instanceof stock.model.ModelsTogglUser) {
      stock.model.ModelsTogglUser u = (stock.model.ModelsTogglUser) user;
      id = u.getId();
      updatedAt = u.getUpdatedAt();
      options = u.getOptions();
      email = u.getEmail();
    } else {
      throw new IllegalStateException(client + ": postSignup returned " + user);
    }
    require(client, "postSignup id", Canned.USER_ID, id);
    require(client, "postSignup updated_at", UPDATED_AT, updatedAt);
    require(client, "postSignup email", "ada.lovelace@example.com", email);
    if (!(options instanceof java.util.Map) || ((java.util.Map<?, ?>) options).size() != 3) {
      throw new IllegalStateException(client + ": postSignup options " + options);
    }
  }

  static void sso(String client, Object result) {
    String acsUrl;
    String certificate;
    if (result instanceof FloorSsoConfigResult) {
      FloorSsoConfigResult r = (FloorSsoConfigResult) result;
      acsUrl = r.spSettings.acsUrl;
      certificate = r.config.certificate;
    } else if (result instanceof io.github.togglapi.client.model.SsoConfigResult) {
      io.github.togglapi.client.model.SsoConfigResult r = (io.github.togglapi.client.model.SsoConfigResult) result;
      acsUrl = r.getSpSettings().getAcsUrl();
      certificate = r.getConfig().getCertificate();
    } else if (result instanceof stock.model.SsoConfigResult) {
      stock.model.SsoConfigResult r = (stock.model.SsoConfigResult) result;
      acsUrl = r.getSpSettings().getAcsUrl();
      certificate = r.getConfig().getCertificate();
    } else {
      throw new IllegalStateException(client + ": getWorkspaceSso returned " + result);
    }
    require(client, "getWorkspaceSso acs_url", "https://track.toggl.com/auth/saml2/callback/" + Canned.WORKSPACE_ID,
        acsUrl);
    if (certificate == null || !certificate.startsWith("-----BEGIN CERTIFICATE-----\n")) {
      throw new IllegalStateException(client + ": getWorkspaceSso certificate " + certificate);
    }
  }

  static void token(String client, Object token) {
    require(client, "postResetToken", Canned.NEW_TOKEN, token);
  }

  private static void require(String client, String what, Object expected, Object actual) {
    if (!expected.equals(actual)) {
      throw new IllegalStateException(client + ": " + what + " is " + actual + ", expected " + expected);
    }
  }
}
