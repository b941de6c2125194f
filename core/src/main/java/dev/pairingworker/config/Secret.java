package dev.pairingworker.config;

import java.util.Objects;

/**
 * A value that must not reach logs: {@link #toString()} is always {@code ****}; only {@link
 * #reveal()} returns the value, so every place that uses it is easy to find.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /** Wraps a secret value. */
  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The secret itself; pass it on, never log it. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && secret.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "****";
  }
}
