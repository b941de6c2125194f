package dev.pairingworker.simulator;

import java.time.Instant;
import java.util.List;

/**
 * A stored pairing key. {@code code} is the credential itself: never log it (the record's {@link
 * #toString()} masks it).
 */
record PairingKey(
    String id,
    String environmentId,
    String userId,
    String code,
    List<String> applicationIds,
    Instant createdAt,
    Instant expiresAt) {

  PairingKey {
    applicationIds = List.copyOf(applicationIds);
  }

  boolean isValidAt(Instant now) {
    return now.isBefore(expiresAt);
  }

  @Override
  public String toString() {
    return "PairingKey[id="
        + id
        + ", environmentId="
        + environmentId
        + ", userId="
        + userId
        + ", code=****, applicationIds="
        + applicationIds
        + ", createdAt="
        + createdAt
        + ", expiresAt="
        + expiresAt
        + "]";
  }
}
