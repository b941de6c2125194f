package dev.pairingworker.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A device authentication policy of a seeded environment: what a pairing key created under it looks
 * like and how long it lives.
 *
 * @param id the policy id, a lowercase UUID
 * @param keyFormat the code format
 * @param keyLifetime how long a key stays valid: 1 minute to 48 hours (PingOne's range)
 * @param isDefault whether keys created without a {@code policy} use it; when no policy of an
 *     environment is, the first is
 */
public record PolicySeed(
    String id, PairingKeyFormat keyFormat, Duration keyLifetime, boolean isDefault) {
  static final Duration MIN_LIFETIME = Duration.ofMinutes(1);
  static final Duration MAX_LIFETIME = Duration.ofHours(48);

  public PolicySeed {
    SeedChecks.requireId(id, "policy id");
    Objects.requireNonNull(keyFormat, "policy " + id + ": keyFormat must not be null");
    Objects.requireNonNull(keyLifetime, "policy " + id + ": keyLifetime must not be null");
    if (keyLifetime.compareTo(MIN_LIFETIME) < 0 || keyLifetime.compareTo(MAX_LIFETIME) > 0) {
      throw new IllegalArgumentException(
          "policy " + id + ": keyLifetime must be between 1 minute and 48 hours: " + keyLifetime);
    }
  }

  /** A default policy: 12-digit codes living {@code keyLifetime}. */
  public static PolicySeed numericDefault(String id, Duration keyLifetime) {
    return new PolicySeed(id, PairingKeyFormat.NUMERIC, keyLifetime, true);
  }
}
