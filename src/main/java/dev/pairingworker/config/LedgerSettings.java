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

  static final List<ConfigKey<?>> ALL = List.of(ENABLED, TOPIC, CREATE_TOPIC, RETENTION);

  private LedgerSettings() {}
}
