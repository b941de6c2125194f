package dev.pairingworker.ledger;

import java.util.UUID;

/**
 * The worker process that writes a STARTED entry, as the entry names it: the partition's next owner
 * uses it to tell a create some other live worker may still be finishing from one nobody will.
 *
 * @param instance {@code worker.instance.id}, or null for a dynamic member
 * @param run this process: a random ID per start
 */
public record LedgerWriter(String instance, String run) {
  /** This process, as the member {@code instanceId} ("" or null: a dynamic member). */
  public static LedgerWriter thisProcess(String instanceId) {
    return new LedgerWriter(
        instanceId == null || instanceId.isEmpty() ? null : instanceId,
        UUID.randomUUID().toString());
  }

  /**
   * Whether an entry written by ({@code instance}, {@code run}) comes from an earlier process of
   * this static member: that process is gone, since the group never lets two live members share an
   * instance ID (the later one fences the earlier).
   */
  boolean isEarlierProcessOfThisInstance(String instance, String run) {
    return this.instance != null
        && this.instance.equals(instance)
        && run != null
        && !this.run.equals(run);
  }
}
