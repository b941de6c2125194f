package dev.pairingworker.simulator;

import java.util.regex.Pattern;

/**
 * How PingOne writes an {@code X-Ping-External-Transaction-ID} or {@code
 * X-Ping-External-Session-ID} value into its audit log, per the reference ("Headers"): at most 100
 * characters, longer values truncated, and every character that is neither a Unicode letter, a
 * combining mark, a numeric character nor one of {@code . _ - / @ = # +} replaced by {@code _}.
 *
 * <p>The simulator stands for PingOne, so it applies the rule itself rather than trusting the
 * client it is testing. A character here is a Unicode code point; an unpaired surrogate is none of
 * the kept kinds and becomes {@code _}.
 */
final class AuditedId {
  /** The most characters PingOne keeps. */
  static final int MAX_CHARACTERS = 100;

  /** One character PingOne replaces: not a letter (L), mark (M) or number (N), nor listed. */
  private static final Pattern REPLACED = Pattern.compile("[^\\p{L}\\p{M}\\p{N}._\\-/@=#+]");

  private AuditedId() {}

  /** The value as PingOne's audit record would show it, given the header value as sent. */
  static String of(String sent) {
    String kept = sent;
    if (sent.codePointCount(0, sent.length()) > MAX_CHARACTERS) {
      kept = sent.substring(0, sent.offsetByCodePoints(0, MAX_CHARACTERS));
    }
    return REPLACED.matcher(kept).replaceAll("_");
  }
}
