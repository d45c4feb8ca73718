package io.github.togglapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Secrets are found in the text as it reads once escapes are undone, and masked where they stand. */
class RedactorTest {
  private static String mask(String text, String... secrets) {
    return Redactor.maskValues(text, Arrays.asList(secrets));
  }

  /** A backslash and a "u": javac would read the two together in source as an escape of its own. */
  private static final String U = "\\" + "u";

  @Test
  void findsSecretsThroughEveryEscapeAServerMayUse() {
    String secret = "Tr0ub4dor&3<x>/é😀";
    assertEquals("pw ****!", mask("pw Tr0ub4dor&3<x>/é😀!", secret), "as is");
    assertEquals("pw ****!", mask("pw Tr0ub4dor" + U + "00263" + U + "003cx" + U + "003e\\/" + U + "00e9"
        + U + "d83d" + U + "de00!", secret), "JSON, Go style, surrogate pair");
    assertEquals("pw ****!", mask("pw Tr0ub4dor%263%3Cx%3E%2F%C3%A9%F0%9F%98%80!", secret), "URL encoding, UTF-8");
    assertEquals("pw ****!", mask("pw Tr0ub4dor&amp;3&lt;x&#62;&#x2F;&#233;&#x1F600;!", secret), "HTML");
    assertEquals("pw ****!", mask("pw Tr0ub4dor\\" + U + "00263\\" + U + "003cx\\" + U + "003e/é😀!", secret),
        "JSON in a JSON string");
    assertEquals("pw ****!", mask("pw Tr0ub4dor%2526%33%3Cx%3E/é😀!", secret), "encoded twice");
  }

  @Test
  void masksTheWholeEscapeSoNoPieceOfTheSecretIsLeft() {
    assertEquals("a **** b", mask("a s%65cret-value b", "secret-value"));
    assertEquals("****", mask("\\" + U + "0073ecret-value", "secret-value"), "an escaped backslash before it");
  }

  @Test
  void shortSecretsAreMaskedAsWholeWordsOnly() {
    assertEquals("password **** is wrong, see https://x", mask("password http is wrong, see https://x", "http"));
    assertEquals("****: no; ****, ok", mask("pw: no; pw, ok", "pw"));
    assertEquals("a", mask("a", "a1"));
    assertEquals("**** and ****", mask("a and a", "a"));
    assertEquals("cat", mask("cat", "a"), "inside a word: left alone");
    assertEquals("x**** y", mask("x&3 y", "&3"), "no word edge to respect before the &");
    assertEquals("x &3y", mask("x &3y", "&3"), "but one after the 3");
    assertEquals("long-****-here", mask("long-secret-value-here", "secret-value"), "long ones anywhere");
    assertEquals("x****y", mask("xsecret-valuey", "secret-value"));
  }

  @Test
  void leavesTextWithoutSecretsAndBrokenEscapesAsTheyAre() {
    String text = "50% off & \\q \\u12 %zz &bogus; &#xZZ; %C3 %F5%80%80%80 \\";
    assertEquals(text, mask(text, "secret-value"));
    assertEquals("", mask("", "secret"));
    assertEquals("text", Redactor.maskValues("text", Collections.<String>emptyList()));
    List<String> odd = Arrays.asList(null, "", "text");
    assertEquals("****", Redactor.maskValues("text", odd));
  }

  @Test
  void masksSecretFieldsOfJsonByName() {
    assertEquals("{\"password\":\"****\",\"api_token\":\"****\",\"x\":1}",
        Redactor.maskFields("{\"password\":\"a\\\"b\",\"api_token\":\"t\",\"x\":1}"));
    assertEquals("\"{\\\"password\\\":\\\"****\\\"}\"", Redactor.maskFields("\"{\\\"password\\\":\\\"pw\\\"}\""));
  }
}
