package dev.pairingworker.config;

import java.util.Locale;

/** What a reply consumer can rely on when the worker stops, crashes or hands partitions over. */
public enum ProcessingGuarantee {
  /** Replies are sent at once; a repeated record can be answered twice. */
  AT_LEAST_ONCE,
  /**
   * Replies, dead letters and consumed offsets are committed in one Kafka transaction: a
   * read_committed reader sees one reply per command record.
   */
  EXACTLY_ONCE;

  /** The spelling used in configuration, e.g. {@code exactly_once}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
