package dev.pairingworker.simulator;

import java.time.Duration;
import java.util.Collection;
import java.util.Objects;

/**
 * What the simulated tenant holds and how strictly it judges requests; part of {@link
 * SimulatorSettings}.
 *
 * <p>Strict (the default): only seeded environments and users exist, a token works only in the
 * environment it was issued for and only for an application with the MFA role, the token endpoint
 * enforces each application's authentication method, and a create may name only seeded native
 * applications and policies. Every seeded environment also holds the <em>default worker
 * application</em> ({@link #clientId}/{@link #clientSecret}, {@code CLIENT_SECRET_BASIC}, MFA role)
 * unless it seeds an application with that client id, and a default policy (12-digit codes living
 * {@link #pairingKeyLifetime}) unless it seeds policies.
 *
 * <p>Lenient: the simulator of before (issue 14): every well-formed environment and user exists,
 * tokens work everywhere, the default worker application may authenticate by Basic (its credentials
 * compared decoded or as sent) or by form fields, and the create body's ids are only checked for
 * their format. Seeded environments and applications are still honoured.
 *
 * @param clientId the client id of the default worker application
 * @param clientSecret its secret
 * @param tokenLifetime how long an issued access token stays valid (PingOne: one hour)
 * @param pairingKeyLifetime the key lifetime of the default policy (PingOne: 10 minutes; 1 minute
 *     to 48 hours)
 * @param maxValidKeysPerUser how many valid (unexpired, unclaimed) keys one user may hold (20)
 * @param lenient whether unseeded environments and users exist and tokens work everywhere
 * @param seed the environments, users, applications and policies that exist at start
 * @param expiredKeyRead what reading or deleting an expired key answers
 */
public record TenantSettings(
    String clientId,
    String clientSecret,
    Duration tokenLifetime,
    Duration pairingKeyLifetime,
    int maxValidKeysPerUser,
    boolean lenient,
    TenantSeed seed,
    ExpiredKeyRead expiredKeyRead) {

  public TenantSettings {
    SeedChecks.requireText(clientId, "clientId");
    SeedChecks.requireText(clientSecret, "clientSecret");
    requirePositive(tokenLifetime, "tokenLifetime");
    requirePositive(pairingKeyLifetime, "pairingKeyLifetime");
    if (pairingKeyLifetime.compareTo(PolicySeed.MIN_LIFETIME) < 0
        || pairingKeyLifetime.compareTo(PolicySeed.MAX_LIFETIME) > 0) {
      throw new IllegalArgumentException(
          "pairingKeyLifetime must be between 1 minute and 48 hours: " + pairingKeyLifetime);
    }
    if (maxValidKeysPerUser < 1) {
      throw new IllegalArgumentException(
          "maxValidKeysPerUser must be at least 1: " + maxValidKeysPerUser);
    }
    Objects.requireNonNull(seed, "seed must not be null");
    Objects.requireNonNull(expiredKeyRead, "expiredKeyRead must not be null");
  }

  /** Strict, nothing seeded, client simulator-client/simulator-secret, PingOne's lifetimes. */
  public static TenantSettings defaults() {
    return new TenantSettings(
        "simulator-client",
        "simulator-secret",
        Duration.ofHours(1),
        Duration.ofMinutes(10),
        20,
        false,
        TenantSeed.empty(),
        ExpiredKeyRead.NOT_FOUND);
  }

  public TenantSettings withCredentials(String id, String secret) {
    return new TenantSettings(
        id,
        secret,
        tokenLifetime,
        pairingKeyLifetime,
        maxValidKeysPerUser,
        lenient,
        seed,
        expiredKeyRead);
  }

  public TenantSettings withLifetimes(Duration token, Duration pairingKey) {
    return new TenantSettings(
        clientId,
        clientSecret,
        token,
        pairingKey,
        maxValidKeysPerUser,
        lenient,
        seed,
        expiredKeyRead);
  }

  public TenantSettings withMaxValidKeysPerUser(int max) {
    return new TenantSettings(
        clientId,
        clientSecret,
        tokenLifetime,
        pairingKeyLifetime,
        max,
        lenient,
        seed,
        expiredKeyRead);
  }

  public TenantSettings withLenient(boolean isLenient) {
    return new TenantSettings(
        clientId,
        clientSecret,
        tokenLifetime,
        pairingKeyLifetime,
        maxValidKeysPerUser,
        isLenient,
        seed,
        expiredKeyRead);
  }

  /** Replaces the seed. */
  public TenantSettings withSeed(TenantSeed newSeed) {
    return new TenantSettings(
        clientId,
        clientSecret,
        tokenLifetime,
        pairingKeyLifetime,
        maxValidKeysPerUser,
        lenient,
        newSeed,
        expiredKeyRead);
  }

  public TenantSettings withUsers(String environmentId, Collection<String> users) {
    return withSeed(seed.withUsers(environmentId, users));
  }

  public TenantSettings withExpiredKeyRead(ExpiredKeyRead read) {
    return new TenantSettings(
        clientId,
        clientSecret,
        tokenLifetime,
        pairingKeyLifetime,
        maxValidKeysPerUser,
        lenient,
        seed,
        read);
  }

  /** The default worker application every seeded environment holds unless it seeds its own. */
  public ApplicationSeed defaultWorkerApplication() {
    return ApplicationSeed.worker(clientId, clientSecret);
  }

  /** Masks the client secret: settings end up in logs and test reports. */
  @Override
  public String toString() {
    return "TenantSettings[clientId="
        + clientId
        + ", clientSecret=****, tokenLifetime="
        + tokenLifetime
        + ", pairingKeyLifetime="
        + pairingKeyLifetime
        + ", maxValidKeysPerUser="
        + maxValidKeysPerUser
        + ", lenient="
        + lenient
        + ", environments="
        + seed.environments().size()
        + ", expiredKeyRead="
        + expiredKeyRead
        + "]";
  }

  private static void requirePositive(Duration value, String field) {
    Objects.requireNonNull(value, field + " must not be null");
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(field + " must be positive: " + value);
    }
  }
}
