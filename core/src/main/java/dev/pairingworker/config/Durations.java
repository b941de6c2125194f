package dev.pairingworker.config;

import java.time.Duration;

/**
 * The configuration's duration syntax ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h},
 * ISO-8601) for other inputs.
 */
public final class Durations {
  private Durations() {}

  /**
   * Parses {@code text}.
   *
   * @param what names the input in the error message, e.g. an option name
   * @throws IllegalArgumentException naming {@code what} when the text is not a duration
   */
  public static Duration parse(String what, String text) {
    try {
      return ValueType.DURATION.parse(text.trim());
    } catch (InvalidValueException e) {
      throw new IllegalArgumentException(
          what + ": invalid value '" + text + "': " + e.getMessage(), e);
    }
  }
}
