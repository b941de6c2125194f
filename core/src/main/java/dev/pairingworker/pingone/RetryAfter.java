package dev.pairingworker.pingone;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an HTTP {@code Retry-After} header (RFC 9110 §10.2.3): delta-seconds, or an HTTP-date in
 * any of the three formats a recipient must accept (IMF-fixdate, RFC 850, asctime). Garbage is
 * ignored rather than guessed at, so a broken header falls back to plain backoff. The day name is
 * redundant and not checked against the date.
 */
public final class RetryAfter {
  /**
   * Longer runs of digits than this are "forever": they would overflow, and no cap is that high.
   */
  private static final int MAX_SECONDS_DIGITS = 18;

  private static final Pattern DAY_NAME = Pattern.compile("^[A-Za-z]{3,9}(, | +)(.*)$");

  /** {@code 06 Nov 1994 08:49:37 GMT} once the day name is gone. */
  private static final DateTimeFormatter IMF_FIXDATE = strict("d MMM uuuu HH:mm:ss 'GMT'");

  /** {@code Nov 6 08:49:37 1994} once the day name is gone. */
  private static final DateTimeFormatter ASCTIME = strict("MMM ppd HH:mm:ss uuuu");

  private RetryAfter() {}

  /**
   * @param header the raw header value, or null
   * @param now the moment the answer arrived, against which an HTTP-date is measured
   * @return how long to wait; zero for a date in the past; empty when the header is absent or
   *     unreadable
   */
  public static Optional<Duration> parse(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.strip();
    if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.of(seconds(value));
    }
    return date(value, now).map(at -> at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
  }

  private static Duration seconds(String digits) {
    if (digits.length() > MAX_SECONDS_DIGITS) {
      return Duration.ofSeconds(Long.MAX_VALUE);
    }
    return Duration.ofSeconds(Long.parseLong(digits));
  }

  private static Optional<Instant> date(String value, Instant now) {
    Matcher dayName = DAY_NAME.matcher(value);
    if (!dayName.matches()) {
      return Optional.empty();
    }
    String rest = dayName.group(2);
    for (DateTimeFormatter format : List.of(IMF_FIXDATE, rfc850(now), ASCTIME)) {
      try {
        return Optional.of(LocalDateTime.parse(rest, format).toInstant(ZoneOffset.UTC));
      } catch (DateTimeException notThisFormat) {
        // try the next format
      }
    }
    return Optional.empty();
  }

  /**
   * {@code 06-Nov-94 08:49:37 GMT} once the day name is gone. RFC 9110: a two-digit year that would
   * be more than 50 years in the future is in the past century.
   */
  private static DateTimeFormatter rfc850(Instant now) {
    LocalDate base = LocalDate.ofInstant(now, ZoneOffset.UTC).minusYears(49).withDayOfYear(1);
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern("dd-MMM-")
        .appendValueReduced(ChronoField.YEAR, 2, 2, base)
        .appendPattern(" HH:mm:ss 'GMT'")
        .toFormatter(Locale.US)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  private static DateTimeFormatter strict(String pattern) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(pattern)
        .toFormatter(Locale.US)
        .withResolverStyle(ResolverStyle.STRICT);
  }
}
