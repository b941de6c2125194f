package dev.pairingworker.bench;

import java.util.List;
import java.util.Map;

/**
 * A worker run with some settings changed, measured in the same invocation as the default worker so
 * that the figures compare side by side.
 *
 * @param name the run's column in the report
 * @param settings worker settings on top of the benchmark's own
 */
public record Variant(String name, Map<String, String> settings) {
  public Variant {
    settings = Map.copyOf(settings);
  }

  /**
   * What crash safety costs: the default worker runs with the transaction ledger (at-least-once);
   * these run without the ledger, and with the ledger and exactly-once processing.
   */
  public static List<Variant> guarantees() {
    return List.of(
        new Variant("no ledger", Map.of("worker.ledger.enabled", "false")),
        new Variant(
            "ledger + exactly-once", Map.of("worker.processing.guarantee", "exactly_once")));
  }
}
