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
 * Every user's pairing keys. Any well-formed user exists implicitly. Expired keys are dropped as
 * they are met, so an expired key reads as absent (404): PingOne's behaviour for reading an expired
 * key is unconfirmed, and "gone" is what a client has to handle anyway. With a replication lag, a
 * new key is absent to reads and deletes for that long after its creation, as on a replica that has
 * not seen it yet (it counts towards the user's limit at once).
 */
final class PairingKeyStore {
  private static final int CODE_DIGITS = 12;

  private final Map<UserRef, UserKeys> keysByUser = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Duration lifetime;
  private final int maxValidKeysPerUser;
  private volatile Duration replicationLag = Duration.ZERO;

  PairingKeyStore(Clock clock, Duration lifetime, int maxValidKeysPerUser) {
    this.clock = clock;
    this.lifetime = lifetime;
    this.maxValidKeysPerUser = maxValidKeysPerUser;
  }

  /** How a create ended. */
  sealed interface CreateOutcome {}

  record Created(PairingKey key) implements CreateOutcome {}

  /** The user already holds {@code limit} valid keys. */
  record LimitReached(int limit) implements CreateOutcome {}

  CreateOutcome create(String environmentId, String userId, List<String> applicationIds) {
    // PingOne reports milliseconds; truncating here keeps expiresAt - createdAt exactly the
    // lifetime.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    PairingKey key =
        new PairingKey(
            Ids.random(),
            environmentId,
            userId,
            newCode(),
            applicationIds,
            now,
            now.plus(lifetime));
    UserKeys keys =
        keysByUser.computeIfAbsent(new UserRef(environmentId, userId), ref -> new UserKeys());
    return keys.addIfRoom(key, now, maxValidKeysPerUser)
        ? new Created(key)
        : new LimitReached(maxValidKeysPerUser);
  }

  void setReplicationLag(Duration lag) {
    replicationLag = lag;
  }

  Duration replicationLag() {
    return replicationLag;
  }

  Optional<PairingKey> find(String environmentId, String userId, String keyId) {
    UserKeys keys = keysByUser.get(new UserRef(environmentId, userId));
    Instant now = clock.instant();
    return keys == null ? Optional.empty() : keys.find(keyId, now).filter(k -> visible(k, now));
  }

  /** Removes the key; false when there was no valid key to remove (or it is not visible yet). */
  boolean delete(String environmentId, String userId, String keyId) {
    if (find(environmentId, userId, keyId).isEmpty()) {
      return false;
    }
    UserKeys keys = keysByUser.get(new UserRef(environmentId, userId));
    return keys != null && keys.remove(keyId, clock.instant());
  }

  private boolean visible(PairingKey key, Instant now) {
    return !now.isBefore(key.createdAt().plus(replicationLag));
  }

  int validKeyCount(String environmentId, String userId) {
    UserKeys keys = keysByUser.get(new UserRef(environmentId, userId));
    return keys == null ? 0 : keys.validCount(clock.instant());
  }

  private String newCode() {
    StringBuilder code = new StringBuilder(CODE_DIGITS);
    for (int i = 0; i < CODE_DIGITS; i++) {
      code.append((char) ('0' + random.nextInt(10)));
    }
    return code.toString();
  }

  private record UserRef(String environmentId, String userId) {}

  /** One user's keys; synchronised so the limit check and the insert are one step. */
  private static final class UserKeys {
    private final Map<String, PairingKey> byId = new LinkedHashMap<>();

    synchronized boolean addIfRoom(PairingKey key, Instant now, int max) {
      prune(now);
      if (byId.size() >= max) {
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

    synchronized int validCount(Instant now) {
      prune(now);
      return byId.size();
    }

    private void prune(Instant now) {
      byId.values().removeIf(key -> !key.isValidAt(now));
    }
  }
}
