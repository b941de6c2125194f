package dev.pairingworker.simulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One environment of a seeded tenant: its users, applications and device authentication policies.
 * An environment without a policy gets a default one (12-digit codes, the settings' key lifetime),
 * and one that lists no application with the settings' client id gets that worker application, with
 * the MFA role ({@link TenantSettings}).
 *
 * @param id the environment id, a lowercase UUID
 * @param users the ids of the users that exist
 * @param applications the applications
 * @param policies the device authentication policies
 */
public record EnvironmentSeed(
    String id, Set<String> users, List<ApplicationSeed> applications, List<PolicySeed> policies) {

  public EnvironmentSeed {
    SeedChecks.requireId(id, "environment id");
    users = Set.copyOf(new LinkedHashSet<>(Objects.requireNonNull(users, "users")));
    users.forEach(user -> SeedChecks.requireId(user, "environment " + id + ": user id"));
    applications = List.copyOf(applications);
    policies = List.copyOf(policies);
    requireUnique(applications.stream().map(ApplicationSeed::id).toList(), id, "application id");
    requireUnique(
        applications.stream().map(ApplicationSeed::clientId).filter(Objects::nonNull).toList(),
        id,
        "clientId");
    requireUnique(policies.stream().map(PolicySeed::id).toList(), id, "policy id");
  }

  /** An environment with nothing in it yet but the defaults. */
  public static EnvironmentSeed of(String id) {
    return new EnvironmentSeed(id, Set.of(), List.of(), List.of());
  }

  public EnvironmentSeed withUsers(Collection<String> more) {
    Set<String> all = new LinkedHashSet<>(users);
    all.addAll(more);
    return new EnvironmentSeed(id, all, applications, policies);
  }

  public EnvironmentSeed withApplication(ApplicationSeed application) {
    List<ApplicationSeed> all = new ArrayList<>(applications);
    all.removeIf(a -> a.id().equals(application.id()));
    all.add(application);
    return new EnvironmentSeed(id, users, all, policies);
  }

  public EnvironmentSeed withPolicy(PolicySeed policy) {
    List<PolicySeed> all = new ArrayList<>(policies);
    all.removeIf(p -> p.id().equals(policy.id()));
    all.add(policy);
    return new EnvironmentSeed(id, users, applications, all);
  }

  /** Everything of both; an application or policy of {@code other} replaces one with its id. */
  EnvironmentSeed merge(EnvironmentSeed other) {
    EnvironmentSeed merged = withUsers(other.users);
    for (ApplicationSeed application : other.applications) {
      merged = merged.withApplication(application);
    }
    for (PolicySeed policy : other.policies) {
      merged = merged.withPolicy(policy);
    }
    return merged;
  }

  private static void requireUnique(List<String> values, String environment, String field) {
    Set<String> seen = new LinkedHashSet<>();
    for (String value : values) {
      if (!seen.add(value)) {
        throw new IllegalArgumentException(
            "environment " + environment + ": " + field + " appears twice: " + value);
      }
    }
  }
}
