package dev.pairingworker.simulator;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One environment of the running tenant: its users, applications and policies. Users can be added
 * while requests are served; applications and policies are replaced as a whole when seeded again.
 */
final class EnvironmentState {
  private final String id;
  private final boolean anyUser;
  private final Set<String> users = ConcurrentHashMap.newKeySet();
  private final ApplicationSeed defaultWorker;
  private final PolicySeed implicitPolicy;
  private volatile Map<String, ApplicationSeed> applicationsById = Map.of();
  private volatile Map<String, PolicySeed> policiesById = Map.of();

  /**
   * @param anyUser whether every well-formed user exists (a lenient tenant's unseeded environment)
   */
  EnvironmentState(String id, boolean anyUser, TenantSettings settings) {
    this.id = id;
    this.anyUser = anyUser;
    this.defaultWorker = settings.defaultWorkerApplication();
    this.implicitPolicy =
        PolicySeed.numericDefault(
            ApplicationSeed.derivedId("default-policy:" + id), settings.pairingKeyLifetime());
  }

  String id() {
    return id;
  }

  synchronized void seed(EnvironmentSeed seed) {
    users.addAll(seed.users());
    Map<String, ApplicationSeed> apps = new LinkedHashMap<>(applicationsById);
    seed.applications().forEach(app -> apps.put(app.id(), app));
    applicationsById = Map.copyOf(apps);
    Map<String, PolicySeed> policies = new LinkedHashMap<>(policiesById);
    seed.policies().forEach(policy -> policies.put(policy.id(), policy));
    policiesById = java.util.Collections.unmodifiableMap(policies);
  }

  void addUsers(Collection<String> more) {
    users.addAll(more);
  }

  boolean hasUser(String userId) {
    return anyUser || users.contains(userId);
  }

  Optional<ApplicationSeed> application(String applicationId) {
    return Optional.ofNullable(applicationsById.get(applicationId));
  }

  /** The worker application with this client id, the default one included. */
  Optional<ApplicationSeed> client(String clientId) {
    for (ApplicationSeed app : applicationsById.values()) {
      if (clientId.equals(app.clientId())) {
        return Optional.of(app);
      }
    }
    return clientId.equals(defaultWorker.clientId())
        ? Optional.of(defaultWorker)
        : Optional.empty();
  }

  /** Whether this is the default worker application rather than a seeded one. */
  boolean isDefaultWorker(ApplicationSeed app) {
    return app == defaultWorker;
  }

  Optional<PolicySeed> policy(String policyId) {
    if (policyId.equals(implicitPolicy.id()) && policiesById.isEmpty()) {
      return Optional.of(implicitPolicy);
    }
    return Optional.ofNullable(policiesById.get(policyId));
  }

  /**
   * The policy of keys created without one: the seeded default, the first seeded, or the implicit
   * one.
   */
  PolicySeed defaultPolicy() {
    Collection<PolicySeed> policies = policiesById.values();
    return policies.stream()
        .filter(PolicySeed::isDefault)
        .findFirst()
        .or(() -> policies.stream().findFirst())
        .orElse(implicitPolicy);
  }
}
