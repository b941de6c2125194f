package dev.pairingworker.config;

import java.util.List;

/**
 * The configuration is unusable. Every message names the offending key and, unless the key is
 * secret, the offending value; {@link #errors()} lists each problem found when several were
 * collected at once.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> errors;

  /** A single problem. */
  public ConfigException(String message) {
    this(List.of(message));
  }

  /** Several problems; the message is the single one, or a numbered list of all of them. */
  public ConfigException(List<String> errors) {
    super(describe(errors));
    this.errors = List.copyOf(errors);
  }

  /** Each problem on its own, in the order the keys are defined. */
  public List<String> errors() {
    return errors;
  }

  private static String describe(List<String> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one error");
    }
    if (errors.size() == 1) {
      return errors.get(0);
    }
    StringBuilder message = new StringBuilder(errors.size() + " configuration errors:");
    for (String error : errors) {
      message.append("\n  - ").append(error);
    }
    return message.toString();
  }
}
