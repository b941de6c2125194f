package dev.pairingworker.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every user's pairing keys. A key's code and lifetime follow the policy it was created under. What
 * an expired key reads as is {@link ExpiredKeyRead}: gone (404, expired keys are dropped as they
 * are met) or the stale resource until deleted. A claimed key stays until deleted.
 */
final class PairingKeyStore {
  private final Map<UserRef, UserKeys> keysByUser = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final int maxValidKeysPerUser;
  private final boolean keepExpired;
  private volatile Duration replicationLag = Duration.ZERO;

  PairingKeyStore(Clock clock, int maxValidKeysPerUser, ExpiredKeyRead expiredKeyRead) {
    this.clock = clock;
    this.maxValidKeysPerUser = maxValidKeysPerUser;
    this.keepExpired = expiredKeyRead == ExpiredKeyRead.STALE_RESOURCE;
  }

  /** How a create ended. */
  sealed interface CreateOutcome {}

  record Created(PairingKey key) implements CreateOutcome {}

  /** The user already holds {@code limit} valid keys. */
  record LimitReached(int limit) implements CreateOutcome {}

  /** How a claim ended. */
  enum ClaimOutcome {
    CLAIMED,
    NOT_FOUND,
    ALREADY_CLAIMED,
    EXPIRED
  }

  CreateOutcome create(
      String environmentId, String userId, List<String> applicationIds, PolicySeed policy) {
    // PingOne reports milliseconds; truncating here keeps expiresAt - createdAt exactly the
    // lifetime.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    PairingKey key =
        new PairingKey(
            Ids.random(),
            environmentId,
            userId,
            newCode(policy.keyFormat()),
            applicationIds,
            now,
            now,
            now.plus(policy.keyLifetime()),
            false);
    return keys(environmentId, userId).addIfRoom(key, now, maxValidKeysPerUser)
        ? new Created(key)
        : new LimitReached(maxValidKeysPerUser);
  }

  void setReplicationLag(Duration lag) {
    replicationLag = lag;
  }

  Duration replicationLag() {
    return replicationLag;
  }

  /** The key, unless it is unknown, gone, or not visible yet (replication lag). */
  Optional<PairingKey> find(String environmentId, String userId, String keyId) {
    UserKeys keys = keysByUser.get(new UserRef(environmentId, userId));
    Instant now = clock.instant();
    return keys == null ? Optional.empty() : keys.find(keyId, now).filter(k -> visible(k, now));
  }

  /** Removes the key; false when there was no key to remove. */
  boolean delete(String environmentId, String userId, String keyId) {
    if (find(environmentId, userId, keyId).isEmpty()) {
      return false; // unknown, gone, or not visible yet
    }
    UserKeys keys = keysByUser.get(new UserRef(environmentId, userId));
    return keys != null && keys.remove(keyId, clock.instant());
  }

  /** Claims the key as a device would; the claimed key through {@link #find}. */
  ClaimOutcome claim(String environmentId, String userId, String keyId) {
    UserKeys keys = keysByUser.get(new UserRef(environmentId, userId));
    return keys == null
        ? ClaimOutcome.NOT_FOUND
        : keys.claim(keyId, clock.instant().truncatedTo(ChronoUnit.MILLIS));
  }

  /**
   * With a replication lag, a new key is absent to reads and deletes for that long after its
   * creation, as on a replica that has not seen it yet (it counts towards the user's limit at
   * once).
   */
  private boolean visible(PairingKey key, Instant now) {
    return !now.isBefore(key.createdAt().plus(replicationLag));
  }

  int validKeyCount(String environmentId, String userId) {
    UserKeys keys = keysByUser.get(new UserRef(environmentId, userId));
    return keys == null ? 0 : keys.validCount(clock.instant());
  }

  private UserKeys keys(String environmentId, String userId) {
    return keysByUser.computeIfAbsent(
        new UserRef(environmentId, userId), ref -> new UserKeys(keepExpired));
  }

  private String newCode(PairingKeyFormat format) {
    String alphabet = format.alphabet();
    StringBuilder code = new StringBuilder(format.length());
    for (int i = 0; i < format.length(); i++) {
      code.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return code.toString();
  }

  private record UserRef(String environmentId, String userId) {}

  /** One user's keys; synchronised so the limit check and the insert are one step. */
  private static final class UserKeys {
    private final Map<String, PairingKey> byId = new LinkedHashMap<>();
    private final boolean keepExpired;

    UserKeys(boolean keepExpired) {
      this.keepExpired = keepExpired;
    }

    synchronized boolean addIfRoom(PairingKey key, Instant now, int max) {
      prune(now);
      if (byId.values().stream().filter(k -> k.isValidAt(now)).count() >= max) {
        return false;
      }
      byId.put(key.id(), key);
      return true;
    }

    synchronized Optional<PairingKey> find(String keyId, Instant now) {
      prune(now);
      return Optional.ofNullable(byId.get(keyId));
    }

    synchronized boolean remove(String keyId, Instant now) {
      prune(now);
      return byId.remove(keyId) != null;
    }

    synchronized ClaimOutcome claim(String keyId, Instant now) {
      prune(now);
      PairingKey key = byId.get(keyId);
      if (key == null) {
        return ClaimOutcome.NOT_FOUND;
      }
      if (key.claimed()) {
        return ClaimOutcome.ALREADY_CLAIMED;
      }
      if (!key.isValidAt(now)) {
        return ClaimOutcome.EXPIRED;
      }
      byId.put(keyId, key.claimedAt(now));
      return ClaimOutcome.CLAIMED;
    }

    synchronized int validCount(Instant now) {
      prune(now);
      return (int) byId.values().stream().filter(k -> k.isValidAt(now)).count();
    }

    private void prune(Instant now) {
      if (!keepExpired) {
        byId.values().removeIf(key -> !key.isLiveAt(now));
      }
    }
  }
}
