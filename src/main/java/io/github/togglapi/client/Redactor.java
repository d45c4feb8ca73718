package io.github.togglapi.client;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Masks secrets in text that may reach logs or exception messages. */
final class Redactor {
  static final String MASK = "****";

  /**
   * The JSON fields the spec marks {@code x-sensitive}, and the secrets of form bodies. A test
   * checks this list against api/openapi.yaml.
   */
  static final String[] SECRET_JSON_FIELDS = {"password", "api_token", "confirmation_code"};
  static final String[] SECRET_FORM_FIELDS = {"SAMLResponse", "password"};
  private static final List<String> SECRET_FIELD_NAMES = Arrays.asList(SECRET_JSON_FIELDS);

  /**
   * A secret field and its string value. Possessive and unrolled, so a value of any length is
   * matched without recursion; an unterminated value at the end (a log cut short) is masked too.
   */
  private static final Pattern JSON_FIELD = Pattern.compile(
      "(\"(?:" + String.join("|", SECRET_JSON_FIELDS) + ")\"\\s*+:\\s*+)"
          + "\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+(?:\"|\\z)");
  /** The same inside a JSON string (a body quoted in another body): {@code \"password\":\"...\"}. */
  private static final Pattern ESCAPED_JSON_FIELD = Pattern.compile(
      "(\\\\\"(?:" + String.join("|", SECRET_JSON_FIELDS) + ")\\\\\"\\s*+:\\s*+\\\\\")(?:[^\"\\\\]++|\\\\(?!\"))*+");
  private static final Pattern FORM_FIELD = Pattern.compile(
      "((?:^|[&?\\s])(?:" + String.join("|", SECRET_FORM_FIELDS) + ")=)[^&\\s]*");
  /** Secrets shorter than this are left alone: masking every "a" would make text unreadable. */
  private static final int MIN_SECRET_LENGTH = 4;

  private Redactor() {}

  /**
   * Masks the secret fields of JSON and form bodies, then every occurrence of the given values.
   *
   * @param text the text to clean, or null
   * @param secrets values to mask wherever they appear
   * @return the text with secrets replaced by {@value #MASK}
   */
  static String redact(String text, Iterable<String> secrets) {
    if (text == null) {
      return null;
    }
    String out = JSON_FIELD.matcher(text).replaceAll("$1\"" + MASK + "\"");
    out = ESCAPED_JSON_FIELD.matcher(out).replaceAll("$1" + MASK);
    out = FORM_FIELD.matcher(out).replaceAll("$1" + MASK);
    for (String secret : secrets) {
      if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
        // As given, as it reads inside a JSON string, and inside a JSON string quoted in another.
        String once = jsonEscaped(secret);
        out = out.replace(jsonEscaped(once), MASK).replace(once, MASK).replace(secret, MASK);
      }
    }
    return out;
  }

  /** The text as it appears between the quotes of a JSON string. */
  static String jsonEscaped(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    return out.toString();
  }

  /**
   * Makes text safe to put on one log or message line: control characters (a CR/LF from a server
   * could forge log lines) become spaces and the text is cut to a length.
   *
   * @param text the text
   * @param maxLength the longest result, not counting the ellipsis
   * @return the single-line text
   */
  static String oneLine(String text, int maxLength) {
    String flat = text.replaceAll("\\p{Cntrl}+", " ").trim();
    return flat.length() <= maxLength ? flat : flat.substring(0, maxLength) + "…";
  }

  /**
   * Adds the secret values a request sends (a password at sign-up, a confirmation code, a SAML
   * assertion), because a server may quote them back in an error.
   *
   * @param request the request
   * @param json the JSON set-up that serialises its body
   * @param secrets where to add them
   */
  static void addSentSecrets(ApiRequest request, JSON json, List<String> secrets) {
    if (request.getFormParams() != null) {
      for (String field : SECRET_FORM_FIELDS) {
        String value = request.getFormParams().get(field);
        if (value != null) {
          secrets.add(value);
        }
      }
    }
    if (request.getJsonBody() != null) {
      addSecretFields(json.getGson().toJsonTree(request.getJsonBody()), secrets);
    }
  }

  private static void addSecretFields(JsonElement element, List<String> secrets) {
    if (element.isJsonObject()) {
      for (Map.Entry<String, JsonElement> field : ((JsonObject) element).entrySet()) {
        JsonElement value = field.getValue();
        if (SECRET_FIELD_NAMES.contains(field.getKey()) && value.isJsonPrimitive()) {
          secrets.add(value.getAsString());
        } else {
          addSecretFields(value, secrets);
        }
      }
    } else if (element.isJsonArray()) {
      for (JsonElement item : element.getAsJsonArray()) {
        addSecretFields(item, secrets);
      }
    }
  }
}
