package dev.pairingworker.simulator;

import java.util.UUID;
import java.util.regex.Pattern;

/** PingOne's id format: a lowercase UUID. */
final class Ids {
  private static final Pattern UUID_PATTERN =
      Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

  /** The pattern as PingOne reports it in {@code innerError.allowedPattern}. */
  static final String ALLOWED_PATTERN = UUID_PATTERN.pattern();

  private Ids() {}

  static boolean isValid(String id) {
    return id != null && UUID_PATTERN.matcher(id).matches();
  }

  static String random() {
    return UUID.randomUUID().toString();
  }
}
