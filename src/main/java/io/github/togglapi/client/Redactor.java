package io.github.togglapi.client;

import java.util.ArrayList;
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
  static final String[] SECRET_JSON_FIELDS = {"password", "current_password", "api_token", "confirmation_code",
      "login_token", "fcm_registration_token", "token", "shared_hash", "ical_url", "invitation_code", "invite_url"};
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
  /** The most characters one character of a secret takes once escaped that many times. */
  private static final int MAX_ESCAPED_LENGTH = 12;
  /**
   * HTML 4's named references for U+00A0 to U+00FF, in order: PHP's {@code htmlentities} and
   * others write accented letters this way (<code>&amp;ouml;</code> for ö).
   */
  private static final List<String> LATIN_1_NAMES = Arrays.asList(("nbsp iexcl cent pound curren yen brvbar sect uml"
      + " copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14"
      + " frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave"
      + " Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute"
      + " THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc"
      + " iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml")
      .split(" "));
  /** The longest reference name decoded ({@code #x10FFFF}, {@code frac34}), to bound the search. */
  private static final int MAX_REFERENCE_NAME = 8;

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
   * each layer of escaping is undone, ignoring case. Where a secret is found in a decoded reading,
   * the text it was decoded from is masked, escapes and all. Secrets shorter than
   * {@value #WHOLE_WORD_BELOW} characters are masked only as a whole word.
   *
   * @param text the text
   * @param secrets the values; null and empty ones are skipped
   * @return the text with secrets replaced by {@value #MASK}
   */
  static String maskValues(String text, Collection<String> secrets) {
    return maskValues(text, secrets, Integer.MAX_VALUE);
  }

  /**
   * Masks as {@link #maskValues(String, Collection)} does, and returns only what the first
   * {@code keep} characters of the text become: for a message or a log line that shows the start of
   * a long body, without reading all of it. A secret that starts within them is masked whole, as
   * far as it runs past them.
   *
   * @param text the text
   * @param secrets the values; null and empty ones are skipped
   * @param keep how many characters of the text to mask and return
   * @return the first {@code keep} characters of the text, with secrets replaced by {@value #MASK}
   */
  static String maskValues(String text, Collection<String> secrets, int keep) {
    List<String> wanted = searchable(secrets);
    int longest = 0;
    for (String secret : wanted) {
      longest = Math.max(longest, secret.length());
    }
    // Far enough past the kept part to hold the most escaped form of any secret that starts in it.
    long window = Math.min(text.length(), (long) keep + (long) MAX_ESCAPED_LENGTH * longest + 16);
    String searched = window < text.length() ? text.substring(0, (int) window) : text;
    int kept = Math.min(keep, searched.length());
    if (searched.isEmpty() || wanted.isEmpty()) {
      return searched.substring(0, kept);
    }
    boolean[] masked = null;
    Reading reading = new Reading(searched);
    for (int depth = 0; reading != null; depth++) {
      for (String secret : wanted) {
        masked = mark(reading, secret, masked, searched.length());
      }
      reading = depth < MAX_DECODINGS ? reading.decoded() : null;
    }
    if (masked == null) {
      return searched.substring(0, kept);
    }
    StringBuilder out = new StringBuilder(kept);
    for (int i = 0; i < kept; i++) {
      if (!masked[i]) {
        out.append(searched.charAt(i));
      } else if (i == 0 || !masked[i - 1]) {
        out.append(MASK);
      }
    }
    return out.toString();
  }

  /**
   * The secrets to look for, case-folded: each non-empty one, and, for one with spaces, its form
   * encoding too ({@code +} for a space; the decoded readings take care of every other escape).
   */
  private static List<String> searchable(Collection<String> secrets) {
    List<String> wanted = new ArrayList<>();
    for (String secret : secrets) {
      if (secret != null && !secret.isEmpty()) {
        String folded = fold(secret);
        wanted.add(folded);
        if (folded.indexOf(' ') >= 0) {
          wanted.add(folded.replace(' ', '+'));
        }
      }
    }
    return wanted;
  }

  /**
   * The text with each character in lower case, one for one, so that positions stay the same: a
   * server that changes a secret's case (an email in lower case) must not unmask it.
   */
  private static String fold(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = Character.toLowerCase(chars[i]);
    }
    return new String(chars);
  }

  /** Marks, in the original text, where the (case-folded) secret occurs in this reading of it. */
  private static boolean @Nullable [] mark(Reading reading, String secret, boolean @Nullable [] masked, int length) {
    String text = reading.folded();
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
      String inPath = request.getPathParams().get(name);
      if (inPath != null) {
        secrets.add(inPath);
      }
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
    private @Nullable String folded;

    Reading(String original) {
      this(original, null, null);
    }

    private Reading(String text, int @Nullable [] starts, int @Nullable [] ends) {
      this.text = text;
      this.starts = starts;
      this.ends = ends;
    }

    /** The text in lower case, character for character. */
    String folded() {
      if (folded == null) {
        folded = fold(text);
      }
      return folded;
    }

    int start(int i) {
      return starts == null ? i : starts[i];
    }

    int end(int i) {
      return ends == null ? i + 1 : ends[i];
    }

    /** The next reading, with one more layer of escapes undone, or null if there are none. */
    @Nullable Reading decoded() {
      int first = 0;
      while (first < text.length() && decodeAt(text, first) == null) {
        first++;
      }
      if (first == text.length()) {
        return null; // nothing to undo: no copy of a long text for nothing
      }
      StringBuilder out = new StringBuilder(text.length());
      int[] newStarts = new int[text.length()];
      int[] newEnds = new int[text.length()];
      for (int i = 0; i < text.length(); ) {
        int[] decoded = i < first ? null : decodeAt(text, i); // {length consumed, char, optional second char}
        int consumed = decoded == null ? 1 : decoded[0];
        int chars = decoded == null ? 1 : decoded.length - 1;
        for (int k = 0; k < chars; k++) {
          newStarts[out.length()] = start(i);
          newEnds[out.length()] = end(i + consumed - 1);
          out.append(decoded == null ? text.charAt(i) : (char) decoded[k + 1]);
        }
        i += consumed;
      }
      return new Reading(out.toString(), newStarts, newEnds);
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

  /** HTML's character references: the five named ones of XML, HTML 4's Latin-1 ones, numeric ones. */
  private static int @Nullable [] htmlEntity(String s, int i) {
    int semicolon = -1;
    // Bounded: an unbounded search for ';' after each '&' made a page of '&' quadratic.
    for (int j = i + 1; j < s.length() && j <= i + 1 + MAX_REFERENCE_NAME; j++) {
      if (s.charAt(j) == ';') {
        semicolon = j;
        break;
      }
    }
    if (semicolon < 0) {
      return null;
    }
    String name = s.substring(i + 1, semicolon);
    int length = semicolon - i + 1;
    int named = HTML_NAMES.indexOf(name);
    if (named >= 0) {
      return new int[] {length, "&<>\"'".charAt(named)};
    }
    int latin1 = LATIN_1_NAMES.indexOf(name);
    if (latin1 >= 0) {
      return new int[] {length, 0xA0 + latin1};
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
