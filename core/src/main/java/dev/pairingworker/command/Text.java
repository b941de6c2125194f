package dev.pairingworker.command;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Strict decoding and the shapes the wire contract accepts. */
final class Text {
  /** Lowercase UUIDs only: the official SDK's pattern, and safe in a URL path. */
  static final Pattern UUID =
      Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

  /** Kafka's legal topic names. */
  static final Pattern TOPIC = Pattern.compile("^[a-zA-Z0-9._-]{1,249}$");

  /**
   * RFC 3339's date-time, the JSON Schema format {@code date-time}: seconds required, an offset of
   * Z or ±hh:mm. Stricter than {@link OffsetDateTime#parse}, which also takes a time without
   * seconds or an offset with seconds.
   */
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "^(\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2})(?:(\\.\\d{1,9})\\d*)?([Zz]|[+-]\\d{2}:\\d{2})$");

  private Text() {}

  /**
   * The instant an RFC 3339 date-time names; digits beyond nanoseconds are dropped, as an {@link
   * Instant} cannot hold them.
   */
  static Optional<Instant> dateTime(String text) {
    Matcher parts = DATE_TIME.matcher(text);
    if (!parts.matches()) {
      return Optional.empty();
    }
    String fraction = parts.group(2) == null ? "" : parts.group(2);
    try {
      return Optional.of(
          OffsetDateTime.parse(parts.group(1) + fraction + parts.group(3)).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Decodes UTF-8, refusing malformed input instead of substituting characters. */
  static Optional<String> utf8(byte[] bytes) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  static boolean hasControlCharacters(String s) {
    return s.codePoints().anyMatch(Character::isISOControl);
  }
}
