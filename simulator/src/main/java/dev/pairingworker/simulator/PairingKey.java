package dev.pairingworker.simulator;

import java.time.Instant;
import java.util.List;

/**
 * A stored pairing key. {@code code} is the credential itself: never log it (the record's {@link
 * #toString()} masks it).
 *
 * @param claimed whether a device claimed it ({@code CLAIMED}); a claimed key no longer expires and
 *     no longer counts towards the user's limit
 */
record PairingKey(
    String id,
    String environmentId,
    String userId,
    String code,
    List<String> applicationIds,
    Instant createdAt,
    Instant updatedAt,
    Instant expiresAt,
    boolean claimed) {

  PairingKey {
    applicationIds = List.copyOf(applicationIds);
  }

  /** Unexpired or claimed: a key that is still there when expired keys vanish. */
  boolean isLiveAt(Instant now) {
    return claimed || now.isBefore(expiresAt);
  }

  /** Unclaimed and unexpired: counts towards the user's limit and can still be claimed. */
  boolean isValidAt(Instant now) {
    return !claimed && now.isBefore(expiresAt);
  }

  String status() {
    return claimed ? "CLAIMED" : "UNCLAIMED";
  }

  PairingKey claimedAt(Instant now) {
    return new PairingKey(
        id, environmentId, userId, code, applicationIds, createdAt, now, expiresAt, true);
  }

  @Override
  public String toString() {
    return "PairingKey[id="
        + id
        + ", environmentId="
        + environmentId
        + ", userId="
        + userId
        + ", code=****, status="
        + status()
        + ", applicationIds="
        + applicationIds
        + ", createdAt="
        + createdAt
        + ", expiresAt="
        + expiresAt
        + "]";
  }
}
