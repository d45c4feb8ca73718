package io.github.togglapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link Rfc3339#parse} must give what {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME} gives, value
 * or exception, for every text: its own fast reading of the common form is checked against the
 * formatter on generated timestamps and on broken ones (fixed seeds, so CI is deterministic).
 */
class Rfc3339Test {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  @Test
  void readsTogglTimestamps() {
    assertEquals(OffsetDateTime.of(2016, 3, 20, 20, 40, 8, 17_845_000, ZoneOffset.UTC),
        Rfc3339.parse("2016-03-20T20:40:08.017845Z"));
    assertEquals(OffsetDateTime.of(2024, 3, 21, 9, 12, 44, 0, ZoneOffset.ofHoursMinutes(-5, -30)),
        Rfc3339.parse("2024-03-21T09:12:44-05:30"));
    assertEquals(OffsetDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_999, ZoneOffset.UTC),
        Rfc3339.parse("2024-02-29T23:59:59.999999999+00:00"));
    assertEquals(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 500_000_000, ZoneOffset.UTC),
        Rfc3339.parse("2024-01-01T00:00:00.5-00:00"));
  }

  @Test
  void impossibleDatesAndTimesFailAsTheFormatterWordsThem() {
    for (String text : Arrays.asList("2023-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-13-01T00:00:00Z",
        "2024-01-01T24:00:00Z", "2024-01-01T23:60:00Z", "2024-12-31T23:59:60Z", "2024-01-01T00:00:00+18:01",
        "2024-01-01T00:00:00+19:00", "2024-01-01T00:00:00.1234567890Z",
        "2024-01-01T00:00:00", "2024-01-01T00:00:00.5", "2024-01-01 00:00:00Z", "2024-01-01T00:00:00Z ",
        "2024-01-01T00:00:0xZ", "")) {
      DateTimeParseException expected = assertThrows(DateTimeParseException.class, () -> OffsetDateTime.parse(text, ISO));
      DateTimeParseException actual = assertThrows(DateTimeParseException.class, () -> Rfc3339.parse(text), text);
      assertEquals(expected.getMessage(), actual.getMessage());
      assertEquals(expected.getErrorIndex(), actual.getErrorIndex());
    }
  }

  @Test
  void nullIsRefusedAsTheFormatterRefusesIt() {
    NullPointerException expected = assertThrows(NullPointerException.class, () -> OffsetDateTime.parse(null, ISO));
    NullPointerException actual = assertThrows(NullPointerException.class, () -> Rfc3339.parse(null));
    assertEquals(expected.getMessage(), actual.getMessage());
  }

  @Test
  void formsOnlyTheFormatterReadsAreStillRead() {
    for (String text : Arrays.asList("2024-01-01t00:00:00z", "2024-01-01T00:00Z", "2024-01-01T00:00:00+01:00:30",
        "+12024-01-01T00:00:00Z", "2024-01-01T00:00:00.Z")) {
      assertEquals(OffsetDateTime.parse(text, ISO), Rfc3339.parse(text), text);
    }
  }

  @Test
  void writesWhatItReads() {
    OffsetDateTime value = OffsetDateTime.of(2016, 3, 20, 20, 40, 8, 17_845_000, ZoneOffset.ofHours(2));
    assertEquals("2016-03-20T20:40:08.017845+02:00", Rfc3339.format(value));
    assertEquals(value, Rfc3339.parse(Rfc3339.format(value)));
  }

  @Property(tries = 3000, seed = "20261129")
  void agreesWithTheFormatterOnGeneratedTimestamps(@ForAll("timestamps") String text) {
    assertSameOutcome(text);
  }

  @Property(tries = 5000, seed = "20261129")
  void agreesWithTheFormatterOnBrokenTimestamps(@ForAll("timestamps") String text, @ForAll("edits") List<int[]> edits) {
    StringBuilder broken = new StringBuilder(text);
    String alphabet = "0123456789-+:.TZtz 9\u0660\uff10\u0000"; // Arabic-Indic and full-width digits, NUL
    for (int[] edit : edits) {
      int at = Math.floorMod(edit[1], broken.length() + 1);
      char c = alphabet.charAt(Math.floorMod(edit[2], alphabet.length()));
      if (edit[0] == 0 && at < broken.length()) {
        broken.setCharAt(at, c);
      } else if (edit[0] == 1 && at < broken.length()) {
        broken.deleteCharAt(at);
      } else {
        broken.insert(at, c);
      }
    }
    assertSameOutcome(broken.toString());
  }

  @Provide
  Arbitrary<String> timestamps() {
    Arbitrary<Instant> instants = Arbitraries.longs().between(-62_135_596_800L, 253_402_300_799L)
        .map(Instant::ofEpochSecond);
    Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999),
        Arbitraries.integers().between(0, 999_999).map(micros -> micros * 1000));
    Arbitrary<ZoneOffset> offsets = Arbitraries.oneOf(Arbitraries.just(ZoneOffset.UTC),
        Arbitraries.integers().between(-18 * 4, 18 * 4).map(quarters -> ZoneOffset.ofTotalSeconds(quarters * 900)),
        Arbitraries.integers().between(-64_800, 64_800).map(ZoneOffset::ofTotalSeconds));
    Arbitrary<Integer> forms = Arbitraries.integers().between(0, 3);
    return Combinators.combine(instants, nanos, offsets, forms).as((instant, nano, offset, form) -> {
      OffsetDateTime value = instant.plusNanos(nano).atOffset(offset);
      String text = ISO.format(value);
      switch (form) {
        case 0:
          return text; // as few fraction digits as needed
        case 1:
          return value.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX")); // Toggl's 6
        case 2:
          return text.replace('T', 't').replace('Z', 'z');
        default:
          return text.replace("Z", "+00:00");
      }
    });
  }

  @Provide
  Arbitrary<List<int[]>> edits() {
    Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers(),
        Arbitraries.integers()).as((kind, at, c) -> new int[] {kind, at, c});
    return edit.list().ofMinSize(1).ofMaxSize(3);
  }

  private static void assertSameOutcome(String text) {
    OffsetDateTime expected;
    try {
      expected = OffsetDateTime.parse(text, ISO);
    } catch (DateTimeException e) {
      DateTimeException actual = assertThrows(DateTimeException.class, () -> Rfc3339.parse(text), text);
      assertEquals(e.getMessage(), actual.getMessage(), text);
      return;
    }
    try {
      assertEquals(expected, Rfc3339.parse(text), text);
    } catch (DateTimeException e) {
      fail(text + " is read by the formatter but not by Rfc3339: " + e);
    }
  }
}
