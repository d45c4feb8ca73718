package io.github.togglapi.client;

import java.util.regex.Pattern;

/** Masks secrets in text that may reach logs or exception messages. */
final class Redactor {
  static final String MASK = "****";

  /**
   * The JSON fields the spec marks {@code x-sensitive}, and the secrets of form bodies. A test
   * checks this list against api/openapi.yaml.
   */
  static final String[] SECRET_JSON_FIELDS = {"password", "api_token", "confirmation_code"};
  static final String[] SECRET_FORM_FIELDS = {"SAMLResponse", "password"};

  private static final Pattern JSON_FIELD = Pattern.compile(
      "(\"(?:" + String.join("|", SECRET_JSON_FIELDS) + ")\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
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
    out = FORM_FIELD.matcher(out).replaceAll("$1" + MASK);
    for (String secret : secrets) {
      if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
        out = out.replace(secret, MASK);
      }
    }
    return out;
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
}
