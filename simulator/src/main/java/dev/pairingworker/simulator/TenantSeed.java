package dev.pairingworker.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What exists in the simulated tenant when it starts: environments with their users, applications
 * and policies. A strict simulator knows nothing else; more can be added while it runs ({@link
 * PingOneSimulator#seed}, {@code POST /admin/seed}). Read from and written to JSON by {@link
 * SeedJson} (the format is in docs/simulator.md).
 *
 * @param environments the environments, each id once
 */
public record TenantSeed(List<EnvironmentSeed> environments) {

  public TenantSeed {
    Map<String, EnvironmentSeed> byId = new LinkedHashMap<>();
    for (EnvironmentSeed environment : environments) {
      byId.merge(environment.id(), environment, EnvironmentSeed::merge);
    }
    environments = List.copyOf(byId.values());
  }

  /** No environment at all. */
  public static TenantSeed empty() {
    return new TenantSeed(List.of());
  }

  /** Reads a seed file (JSON); the message of a failure names the file and the bad field. */
  public static TenantSeed read(Path file) throws IOException {
    return SeedJson.parse(Files.readString(file), file.toString());
  }

  /** Parses a seed from JSON text. */
  public static TenantSeed fromJson(String json) {
    return SeedJson.parse(json, "seed");
  }

  /** This seed as JSON, in the format {@link #fromJson} reads (secrets included: it is a seed). */
  public String toJson() {
    return SeedJson.write(this);
  }

  /** This seed and the environment, merged with one of the same id. */
  public TenantSeed with(EnvironmentSeed environment) {
    List<EnvironmentSeed> all = new java.util.ArrayList<>(environments);
    all.add(environment);
    return new TenantSeed(all);
  }

  /** This seed with the users added to the environment (created when absent). */
  public TenantSeed withUsers(String environmentId, Collection<String> users) {
    return with(EnvironmentSeed.of(environmentId).withUsers(users));
  }

  /** Everything of both seeds. */
  public TenantSeed merge(TenantSeed other) {
    TenantSeed merged = this;
    for (EnvironmentSeed environment : other.environments) {
      merged = merged.with(environment);
    }
    return merged;
  }
}
