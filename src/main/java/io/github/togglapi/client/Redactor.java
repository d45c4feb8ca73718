package io.github.togglapi.client;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.jspecify.annotations.Nullable;

/**
 * Masks secrets in text that may reach logs or exception messages, in two ways: the secret fields
 * of JSON bodies by their names, and known secret values wherever they appear, compared with the
 * text as it reads once its escapes are undone (JSON's <code>&#92;u0026</code> and
 * <code>&#92;/</code>, URL encoding's {@code %26}, HTML's <code>&amp;amp;</code>, and those nested
 * in one another), so that no encoding a server may choose lets a secret through.
 */
final class Redactor {
  static final String MASK = "****";

  /**
   * The JSON fields the spec marks {@code x-sensitive}. A test checks this list against
   * api/openapi.yaml.
   */
  static final String[] SECRET_JSON_FIELDS = {"password", "api_token", "confirmation_code"};
  private static final List<String> SECRET_FIELD_NAMES = Arrays.asList(SECRET_JSON_FIELDS);
  /** The named character references of XML, which HTML pages use to escape text. */
  private static final List<String> HTML_NAMES = Arrays.asList("amp", "lt", "gt", "quot", "apos");

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
  /**
   * Secrets shorter than this are masked only where they stand as a whole word (not inside a run
   * of letters and digits): a short password such as {@code http} must be masked where a server
   * echoes it, without turning every {@code https} into {@code ****s}. Longer ones are masked
   * wherever they appear.
   */
  static final int WHOLE_WORD_BELOW = 8;
  /** How many layers of escaping are undone: a body quoted in a body quoted in a message. */
  private static final int MAX_DECODINGS = 3;

  private Redactor() {}

  /**
   * Masks the secret fields of JSON bodies, then every occurrence of the given values.
   *
   * @param text the text to clean
   * @param secrets values to mask wherever they appear
   * @return the text with secrets replaced by {@value #MASK}
   */
  static String redact(String text, Collection<String> secrets) {
    return maskValues(maskFields(text), secrets);
  }

  /**
   * Masks the values of the JSON fields the spec marks secret, also inside an escaped JSON string.
   *
   * @param text the text
   * @return the text with those values replaced by {@value #MASK}
   */
  static String maskFields(String text) {
    String out = JSON_FIELD.matcher(text).replaceAll("$1\"" + MASK + "\"");
    return ESCAPED_JSON_FIELD.matcher(out).replaceAll("$1" + MASK);
  }

  /**
   * Masks every occurrence of the given values, found in the text as written and as it reads once
   * each layer of escaping is undone. Where a secret is found in a decoded reading, the text it was
   * decoded from is masked, escapes and all. Secrets shorter than {@value #WHOLE_WORD_BELOW}
   * characters are masked only as a whole word.
   *
   * @param text the text
   * @param secrets the values; null and empty ones are skipped
   * @return the text with secrets replaced by {@value #MASK}
   */
  static String maskValues(String text, Collection<String> secrets) {
    if (text.isEmpty() || secrets.isEmpty()) {
      return text;
    }
    boolean[] masked = null;
    Reading reading = new Reading(text);
    for (int depth = 0; reading != null; depth++) {
      for (String secret : secrets) {
        if (secret != null && !secret.isEmpty()) {
          masked = mark(reading, secret, masked, text.length());
        }
      }
      reading = depth < MAX_DECODINGS ? reading.decoded() : null;
    }
    if (masked == null) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      if (!masked[i]) {
        out.append(text.charAt(i));
      } else if (i == 0 || !masked[i - 1]) {
        out.append(MASK);
      }
    }
    return out.toString();
  }

  /** Marks, in the original text, where the secret occurs in this reading of it. */
  private static boolean @Nullable [] mark(Reading reading, String secret, boolean @Nullable [] masked, int length) {
    String text = reading.text;
    boolean wholeWord = secret.length() < WHOLE_WORD_BELOW;
    for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
      int end = at + secret.length();
      if (wholeWord && (joins(text, at - 1, secret.charAt(0)) || joins(text, end, secret.charAt(secret.length() - 1)))) {
        continue;
      }
      if (masked == null) {
        masked = new boolean[length];
      }
      for (int i = reading.start(at); i < reading.end(end - 1); i++) {
        masked[i] = true;
      }
    }
    return masked;
  }

  /** True if the character at {@code i} would make a word of one with the secret's edge. */
  private static boolean joins(String text, int i, char edge) {
    return i >= 0 && i < text.length() && Character.isLetterOrDigit(edge) && Character.isLetterOrDigit(text.charAt(i));
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
   * assertion, the parameters the spec marks sensitive), because a server may quote them back.
   *
   * @param request the request
   * @param json the JSON set-up that serialises its body
   * @param secrets where to add them
   */
  static void addSentSecrets(ApiRequest request, JSON json, List<String> secrets) {
    for (String name : request.getSensitiveParams()) {
      Map<String, String> form = request.getFormParams();
      if (form != null && form.get(name) != null) {
        secrets.add(form.get(name));
      }
      for (Map.Entry<String, String> query : request.getQueryParams()) {
        if (query.getKey().equals(name)) {
          secrets.add(query.getValue());
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

  /**
   * One reading of a text: the text with some layers of escaping undone, and for each of its
   * characters the stretch of the original text it came from.
   */
  private static final class Reading {
    final String text;
    /** Null for the original text itself, where each character is its own stretch. */
    private final int @Nullable [] starts;
    private final int @Nullable [] ends;

    Reading(String original) {
      this(original, null, null);
    }

    private Reading(String text, int @Nullable [] starts, int @Nullable [] ends) {
      this.text = text;
      this.starts = starts;
      this.ends = ends;
    }

    int start(int i) {
      return starts == null ? i : starts[i];
    }

    int end(int i) {
      return ends == null ? i + 1 : ends[i];
    }

    /** The next reading, with one more layer of escapes undone, or null if there are none. */
    @Nullable Reading decoded() {
      StringBuilder out = new StringBuilder(text.length());
      int[] newStarts = new int[text.length()];
      int[] newEnds = new int[text.length()];
      boolean changed = false;
      for (int i = 0; i < text.length(); ) {
        int[] decoded = decodeAt(text, i); // {length consumed, char, optional second char}
        int consumed = decoded == null ? 1 : decoded[0];
        changed |= decoded != null;
        int chars = decoded == null ? 1 : decoded.length - 1;
        for (int k = 0; k < chars; k++) {
          newStarts[out.length()] = start(i);
          newEnds[out.length()] = end(i + consumed - 1);
          out.append(decoded == null ? text.charAt(i) : (char) decoded[k + 1]);
        }
        i += consumed;
      }
      return changed ? new Reading(out.toString(), newStarts, newEnds) : null;
    }
  }

  /**
   * Decodes the escape starting at {@code i}, if there is one.
   *
   * @return null if none; else the number of characters it takes, then the one or two characters
   *     it stands for
   */
  private static int @Nullable [] decodeAt(String s, int i) {
    char c = s.charAt(i);
    if (c == '\\' && i + 1 < s.length()) {
      char next = s.charAt(i + 1);
      if (next == 'u' && hex(s, i + 2, 4) >= 0) {
        return new int[] {6, hex(s, i + 2, 4)};
      }
      int simple = "\"\\/bfnrt".indexOf(next);
      return simple < 0 ? null : new int[] {2, "\"\\/\b\f\n\r\t".charAt(simple)};
    }
    if (c == '%') {
      return percentDecoded(s, i);
    }
    if (c == '&') {
      return htmlEntity(s, i);
    }
    return null;
  }

  /** A percent-encoded byte, or a whole UTF-8 sequence of them, as characters. */
  private static int @Nullable [] percentDecoded(String s, int i) {
    int lead = hexByte(s, i);
    if (lead < 0) {
      return null;
    }
    int more = lead >= 0xF5 ? 0 : lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC2 ? 1 : 0;
    if (lead >= 0x80 && more > 0) {
      int codePoint = lead & (0x3F >> more);
      for (int k = 1; k <= more; k++) {
        int next = hexByte(s, i + 3 * k);
        if (next < 0x80 || next > 0xBF) {
          return new int[] {3, lead}; // not UTF-8: read the byte alone, as Latin-1
        }
        codePoint = codePoint << 6 | (next & 0x3F);
      }
      if (!Character.isValidCodePoint(codePoint)) {
        return new int[] {3, lead};
      }
      char[] chars = Character.toChars(codePoint);
      return chars.length == 1 ? new int[] {3 * (more + 1), chars[0]} : new int[] {3 * (more + 1), chars[0], chars[1]};
    }
    return new int[] {3, lead};
  }

  private static int hexByte(String s, int i) {
    return i + 2 < s.length() && s.charAt(i) == '%' ? hex(s, i + 1, 2) : -1;
  }

  /** HTML's character references: the five named ones of XML, and numeric ones. */
  private static int @Nullable [] htmlEntity(String s, int i) {
    int semicolon = s.indexOf(';', i);
    if (semicolon < 0 || semicolon - i > 10) {
      return null;
    }
    String name = s.substring(i + 1, semicolon);
    int length = semicolon - i + 1;
    int named = HTML_NAMES.indexOf(name);
    if (named >= 0) {
      return new int[] {length, "&<>\"'".charAt(named)};
    }
    try {
      int codePoint = name.startsWith("#x") || name.startsWith("#X") ? Integer.parseInt(name.substring(2), 16)
          : name.startsWith("#") ? Integer.parseInt(name.substring(1)) : -1;
      if (codePoint < 0 || !Character.isValidCodePoint(codePoint)) {
        return null;
      }
      char[] chars = Character.toChars(codePoint);
      return chars.length == 1 ? new int[] {length, chars[0]} : new int[] {length, chars[0], chars[1]};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The value of {@code digits} hex digits at {@code i}, or -1. */
  private static int hex(String s, int i, int digits) {
    if (i + digits > s.length()) {
      return -1;
    }
    int value = 0;
    for (int k = i; k < i + digits; k++) {
      char c = s.charAt(k);
      int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }
}
