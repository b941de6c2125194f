package dev.pairingworker.command;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/** Strict decoding and the shapes the wire contract accepts. */
final class Text {
  /** Lowercase UUIDs only: the official SDK's pattern, and safe in a URL path. */
  static final Pattern UUID =
      Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

  /** Kafka's legal topic names. */
  static final Pattern TOPIC = Pattern.compile("^[a-zA-Z0-9._-]{1,249}$");

  private Text() {}

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
