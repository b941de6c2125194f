package dev.pairingworker.simulator;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The environments of the running tenant: those seeded at start or later, and — in a lenient tenant
 * — any other well-formed one, made up on first use with every user existing.
 */
final class TenantDirectory {
  private final TenantSettings settings;
  private final Map<String, EnvironmentState> seeded = new ConcurrentHashMap<>();
  private final Map<String, EnvironmentState> madeUp = new ConcurrentHashMap<>();

  TenantDirectory(TenantSettings settings) {
    this.settings = settings;
    seed(settings.seed());
  }

  boolean lenient() {
    return settings.lenient();
  }

  void seed(TenantSeed seed) {
    for (EnvironmentSeed environment : seed.environments()) {
      seeded
          .computeIfAbsent(environment.id(), id -> new EnvironmentState(id, false, settings))
          .seed(environment);
    }
  }

  /** Adds the users, seeding the environment (with its defaults) when it is new. */
  void addUsers(String environmentId, Collection<String> users) {
    seed(TenantSeed.empty().withUsers(environmentId, users));
  }

  /** The environment, when it exists. */
  Optional<EnvironmentState> environment(String environmentId) {
    EnvironmentState state = seeded.get(environmentId);
    if (state != null || !settings.lenient() || !Ids.isValid(environmentId)) {
      return Optional.ofNullable(state);
    }
    return Optional.of(
        madeUp.computeIfAbsent(environmentId, id -> new EnvironmentState(id, true, settings)));
  }
}
