package dev.pairingworker.simulator;

import java.util.Locale;

/** Reads the media type out of a {@code Content-Type} header value. */
final class MediaTypes {
  private MediaTypes() {}

  /**
   * The type without parameters, lower case: {@code application/json; charset=UTF-8} → {@code
   * application/json}.
   */
  static String of(String contentType) {
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * {@code application/json} or a structured {@code +json} type (PingOne uses vendor types
   * elsewhere).
   */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = of(contentType);
    return type.equals("application/json")
        || (type.startsWith("application/") && type.endsWith("+json"));
  }
}
