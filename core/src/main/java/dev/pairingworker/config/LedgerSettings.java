package dev.pairingworker.config;

import java.time.Duration;
import java.util.List;

/** Keys of the transaction ledger, which keeps a completed create from running twice. */
public final class LedgerSettings {
  /** Whether creates go through the transaction ledger. */
  public static final ConfigKey<Boolean> ENABLED =
      ConfigKey.builder("worker.ledger.enabled", ValueType.BOOLEAN)
          .defaultValue("true")
          .doc(
              "Record every create in the ledger topic (STARTED before the PingOne call, COMPLETED"
                  + " with its reply), so a redelivered or re-sent create whose transaction ID"
                  + " already completed is answered from the ledger (`replay: true`) instead of"
                  + " creating a second key. Needs the ledger topic (worker.topic.ledger). Turning"
                  + " it off saves two small writes per create and the ledger read on assignment,"
                  + " at the price of a second pairing key for every create redelivered after a"
                  + " crash or a rebalance, or sent twice.")
          .build();

  /** The compacted topic holding the ledger. */
  public static final ConfigKey<String> TOPIC =
      ConfigKey.builder("worker.topic.ledger", ValueType.STRING)
          .defaultValue("pingone.pairing-keys.ledger")
          .validator(Validator.topicName())
          .doc(
              "Ledger topic, keyed by transaction ID: it must have as many partitions as the"
                  + " commands topic (an entry goes to the partition number of its command) and"
                  + " `cleanup.policy=compact,delete` with `retention.ms` = worker.ledger.retention."
                  + " Readers see pairing key IDs but never a pairing code.")
          .build();

  /** Whether a missing ledger topic is created by the worker. */
  public static final ConfigKey<Boolean> CREATE_TOPIC =
      ConfigKey.builder("worker.ledger.topic.create", ValueType.BOOLEAN)
          .defaultValue("true")
          .doc(
              "Create the ledger topic when it does not exist, on the first assignment: as many"
                  + " partitions as the commands topic, `cleanup.policy=compact,delete`,"
                  + " `retention.ms` = worker.ledger.retention and the broker's default replication"
                  + " factor (`default.replication.factor`). Needs the CREATE ACL on the topic; set"
                  + " to false where operators create topics, and the worker stops with a clear"
                  + " error while the topic is missing.")
          .build();

  /** How long a completed transaction is remembered. */
  public static final ConfigKey<Duration> RETENTION =
      ConfigKey.builder("worker.ledger.retention", ValueType.DURATION)
          .defaultValue("7d")
          .validator(Validator.positive())
          .doc(
              "How long a transaction is remembered (set the ledger topic's `retention.ms` to the"
                  + " same). A create redelivered or re-sent later than this is executed again: a"
                  + " second pairing key for the user.")
          .build();

  /** How many transactions a worker remembers at most. */
  public static final ConfigKey<Integer> MAX_ENTRIES =
      ConfigKey.builder("worker.ledger.max-entries", ValueType.INT)
          .defaultValue("100000")
          .validator(Validator.between(1, 10_000_000))
          .doc(
              "Ledger entries (transactions) a worker instance keeps in memory at most, across all"
                  + " the command partitions it owns (1 to 10000000). When full, the oldest are"
                  + " forgotten first (`pairing_worker_ledger_evictions_total{reason=\"size\"}`)"
                  + " and a create of a forgotten transaction that comes again runs again: a second"
                  + " pairing key. An entry takes ~160 B of heap (state, time, the record's offset"
                  + " in the ledger topic, map entry and a transaction ID of ~40 characters; a"
                  + " replay reads its reply back from the topic), so the default holds ~16 MB."
                  + " Redeliveries after a crash or rebalance concern the newest records and stay"
                  + " covered; raise it to keep old transactions as long as"
                  + " worker.ledger.retention: creates per retention period that one worker may"
                  + " own (all partitions, if one worker may end up owning them all) x 160 B."
                  + " The ledger topic itself is bounded by compaction (one record per transaction"
                  + " ID) and its `retention.ms`, not by this key.")
          .build();

  static final List<ConfigKey<?>> ALL =
      List.of(ENABLED, TOPIC, CREATE_TOPIC, RETENTION, MAX_ENTRIES);

  private LedgerSettings() {}
}
