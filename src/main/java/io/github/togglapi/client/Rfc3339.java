package io.github.togglapi.client;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * RFC 3339 timestamps, as the Toggl API sends them ({@code 2016-03-20T20:40:08.017845Z}): what
 * {@link JSON} and the generated models read and write {@link OffsetDateTime} values with.
 *
 * <p>{@link #parse} gives exactly what {@code OffsetDateTime.parse(text,
 * DateTimeFormatter.ISO_OFFSET_DATE_TIME)} gives, value or exception. It reads the form every
 * Toggl timestamp has itself, because {@code DateTimeFormatter} spends about a microsecond on each
 * one (about half of the time it takes to decode a user, measured in docs/performance.md);
 * anything else, invalid text included, goes to {@code DateTimeFormatter}.
 */
public final class Rfc3339 {
  private Rfc3339() {
  }

  /**
   * Reads an RFC 3339 timestamp with an offset.
   *
   * @param text for example {@code 2016-03-20T20:40:08.017845Z} or {@code 2016-03-20T21:40:08+01:00}
   * @return the timestamp, with the offset the text gives
   * @throws DateTimeParseException if the text is not an ISO 8601 date-time with an offset, or
   *     names a date or time that does not exist
   */
  public static OffsetDateTime parse(String text) {
    Objects.requireNonNull(text, "text"); // as DateTimeFormatter words it
    OffsetDateTime value = parseCommonForm(text);
    return value != null ? value : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /**
   * Writes a timestamp as RFC 3339, with as many fraction digits as it needs (none for whole
   * seconds).
   *
   * @param value the timestamp
   * @return for example {@code 2016-03-20T20:40:08.017845Z}
   */
  public static String format(OffsetDateTime value) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss[.f…](Z|±HH:MM)}, with 1 to 9 fraction digits; null for any other
   * text, and for dates and times that do not exist, so that {@code DateTimeFormatter} reports them.
   */
  private static OffsetDateTime parseCommonForm(String text) {
    int length = text.length();
    if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int index = 19;
    int nanos = 0;
    if (text.charAt(index) == '.') {
      int start = ++index;
      while (index < length && isDigit(text.charAt(index))) {
        nanos = nanos * 10 + (text.charAt(index) - '0');
        index++;
      }
      int count = index - start;
      if (count == 0 || count > 9 || index == length) {
        return null;
      }
      for (int i = count; i < 9; i++) {
        nanos *= 10;
      }
    }
    ZoneOffset offset;
    char sign = text.charAt(index);
    if (sign == 'Z' && index + 1 == length) {
      offset = ZoneOffset.UTC;
    } else if ((sign == '+' || sign == '-') && index + 6 == length && text.charAt(index + 3) == ':') {
      int offsetHours = digits(text, index + 1, 2);
      int offsetMinutes = digits(text, index + 4, 2);
      if ((offsetHours | offsetMinutes) < 0 || offsetHours > 18 || offsetMinutes > 59) {
        return null;
      }
      int seconds = offsetHours * 3600 + offsetMinutes * 60;
      try {
        offset = ZoneOffset.ofTotalSeconds(sign == '-' ? -seconds : seconds);
      } catch (DateTimeException e) {
        return null; // beyond ±18:00: DateTimeFormatter words the error
      }
    } else {
      return null;
    }
    try {
      return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
    } catch (DateTimeException e) {
      return null; // 30 February, 24:00, a leap second: DateTimeFormatter words the error
    }
  }

  /** The value of {@code count} ASCII digits from {@code start}, or -1 if one is not a digit. */
  private static int digits(String text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
