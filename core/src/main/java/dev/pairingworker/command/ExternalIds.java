package dev.pairingworker.command;

/**
 * PingOne's rule for {@code X-Ping-External-Transaction-ID} and {@code X-Ping-External-Session-ID}:
 * characters other than Unicode letters, combining marks, numeric characters and {@code . _ - / @ =
 * # +} become {@code _}, and the value is cut to 100 characters (code points).
 */
public final class ExternalIds {
  /** The longest value PingOne keeps. */
  public static final int MAX_LENGTH = 100;

  private ExternalIds() {}

  /** Returns the value exactly as PingOne would record it. */
  public static String sanitise(String raw) {
    StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_LENGTH));
    int kept = 0;
    for (int i = 0; i < raw.length() && kept < MAX_LENGTH; kept++) {
      int cp = raw.codePointAt(i);
      i += Character.charCount(cp);
      if (isKept(cp)) {
        out.appendCodePoint(cp);
      } else {
        out.append('_');
      }
    }
    return out.toString();
  }

  /**
   * The value the worker sends: {@link #sanitise} with every non-ASCII character also turned into
   * {@code _}.
   *
   * <p>Why: {@code java.net.http} writes HTTP/1.1 header values as US-ASCII and silently turns
   * every other character into {@code ?} (JDK 17 and 25 alike; {@code JdkHeaderEncodingTest} keeps
   * watch). Folding them here makes the value PingOne records the same whatever protocol is
   * negotiated, and it is reported in the reply as {@code pingOneTransactionId} so the audit record
   * can always be found. PingOne leaves the result unchanged: it is already sanitised.
   */
  public static String forHeader(String raw) {
    String sanitised = sanitise(raw);
    StringBuilder out = new StringBuilder(sanitised.length());
    sanitised.codePoints().forEach(cp -> out.append(cp < 0x80 ? (char) cp : '_'));
    return out.toString();
  }

  private static boolean isKept(int cp) {
    if (Character.isLetter(cp)) {
      return true;
    }
    switch (Character.getType(cp)) {
      case Character.NON_SPACING_MARK:
      case Character.ENCLOSING_MARK:
      case Character.COMBINING_SPACING_MARK:
      case Character.DECIMAL_DIGIT_NUMBER:
      case Character.LETTER_NUMBER:
      case Character.OTHER_NUMBER:
        return true;
      default:
        return ".-_/@=#+".indexOf(cp) >= 0;
    }
  }
}
