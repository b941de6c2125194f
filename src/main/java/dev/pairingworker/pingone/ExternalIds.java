package dev.pairingworker.pingone;

/**
 * PingOne's rule for {@code X-Ping-External-Transaction-ID} and {@code X-Ping-External-Session-ID}: characters
 * other than Unicode letters, combining marks, numeric characters and {@code . _ - / @ = # +} become {@code _},
 * and the value is cut to 100 characters (code points).
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
