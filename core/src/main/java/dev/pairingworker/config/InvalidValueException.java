package dev.pairingworker.config;

/**
 * Why a value was rejected, phrased without the value itself ("must be an integer"): {@link
 * ConfigKey} adds the key and, for keys that are not secret, the value.
 */
final class InvalidValueException extends Exception {
  private static final long serialVersionUID = 1L;

  InvalidValueException(String reason) {
    super(reason, null, false, false);
  }

  String reason() {
    return getMessage();
  }
}
