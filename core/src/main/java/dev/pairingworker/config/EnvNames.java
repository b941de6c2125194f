package dev.pairingworker.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The environment-variable spelling of a key, after Confluent's Docker images: {@code
 * PAIRING_WORKER_} followed by the key upper-cased, with {@code .} written {@code _}, {@code _}
 * written {@code __} and {@code -} written {@code ___}. So {@code worker.max.in-flight} is {@code
 * PAIRING_WORKER_WORKER_MAX_IN___FLIGHT}.
 */
public final class EnvNames {
  /** Every variable of this application starts with this. */
  public static final String PREFIX = "PAIRING_WORKER_";

  private EnvNames() {}

  /** The variable that overrides {@code key}. */
  public static String toEnv(String key) {
    String escaped = key.replace("_", "__").replace("-", "___").replace(".", "_");
    return PREFIX + escaped.toUpperCase(Locale.ROOT);
  }

  /**
   * The key a variable overrides, or empty when the name lacks the prefix. Runs of underscores are
   * read left to right as {@code ___} → {@code -}, {@code __} → {@code _}, {@code _} → {@code .}.
   */
  public static Optional<String> toKey(String variable) {
    if (!variable.startsWith(PREFIX) || variable.length() == PREFIX.length()) {
      return Optional.empty();
    }
    String rest = variable.substring(PREFIX.length()).toLowerCase(Locale.ROOT);
    return Optional.of(
        rest.replace("___", "-").replace("__", "\u0000").replace("_", ".").replace('\u0000', '_'));
  }
}
