package dev.pairingworker.pingone;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code application/x-www-form-urlencoded} as PingOne's own SDK writes it: every byte of the UTF-8
 * form percent-encoded except the RFC 3986 unreserved characters {@code A-Z a-z 0-9 - . _ ~}. Go's
 * {@code url.QueryEscape} leaves the same set alone; {@code java.net.URLEncoder} would encode
 * {@code ~} and leave {@code *}. A space becomes {@code %20} rather than {@code +}: a form decoder
 * reads both as a space, and a decoder that only knows percent-encoding reads {@code %20} right
 * too.
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
