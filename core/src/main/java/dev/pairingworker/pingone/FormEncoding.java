package dev.pairingworker.pingone;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code application/x-www-form-urlencoded} as PingOne's own SDK writes it (Go's {@code
 * url.QueryEscape}): the RFC 3986 unreserved characters {@code A-Z a-z 0-9 - . _ ~} as they are, a
 * space as {@code +}, every other byte of the UTF-8 form percent-encoded. {@code
 * java.net.URLEncoder} would encode {@code ~} and leave {@code *}. The {@code +} is what RFC 6749
 * Appendix B asks (it takes the encoding from HTML 4.01, which writes a space as {@code +}) and
 * what PingOne's SDK sends; a form decoder reads {@code %20} as a space as well, but that PingOne's
 * does is unconfirmed, and a server that misread {@code +} would fail Ping's own clients too.
 */
final class FormEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private FormEncoding() {}

  /** One name or value, encoded. */
  static String encode(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (isUnreserved(c)) {
        out.append((char) c);
      } else if (c == ' ') {
        out.append('+');
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0x0F]);
      }
    }
    return out.toString();
  }

  /** {@code name=value&...} in the map's order. */
  static String form(Map<String, String> fields) {
    StringJoiner form = new StringJoiner("&");
    fields.forEach((name, value) -> form.add(encode(name) + "=" + encode(value)));
    return form.toString();
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
