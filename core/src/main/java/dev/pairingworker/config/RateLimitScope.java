package dev.pairingworker.config;

/** Whose budget {@code pingone.rate.limit} is. */
public enum RateLimitScope {
  /**
   * The whole consumer group's: every worker paces at the part of it that matches the share of the
   * commands topic's partitions it owns, recomputed at every rebalance.
   */
  GROUP,
  /** Each worker's own: every worker paces at the whole limit. */
  WORKER
}
