package dev.pairingworker.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Keys of the processing guarantee: at-least-once, or exactly-once through Kafka transactions. */
public final class ProcessingSettings {
  /** At-least-once (default) or exactly-once replies. */
  public static final ConfigKey<ProcessingGuarantee> GUARANTEE =
      ConfigKey.builder(
              "worker.processing.guarantee",
              ValueType.oneOf(ProcessingGuarantee.class, ProcessingGuarantee::configName))
          .defaultValue("at_least_once")
          .doc(
              "`at_least_once`: each reply is sent as soon as its command is done; a record"
                  + " repeated after a crash or a hand-over can be answered twice."
                  + " `exactly_once`: replies and dead letters are committed with the consumed"
                  + " offsets in one Kafka transaction every worker.transaction.interval, so a"
                  + " reader with `isolation.level=read_committed` sees one reply per command"
                  + " record; replies arrive up to that interval later. PingOne calls stay"
                  + " at-least-once (see worker.ledger.enabled). See docs/design.md, Exactly-once.")
          .build();

  /** The transactional producer's ID. */
  public static final ConfigKey<String> TRANSACTIONAL_ID =
      ConfigKey.builder("worker.transactional.id", ValueType.STRING)
          .derivedDefault(
              "`pairing-worker-{worker.group.id}-{host name}`",
              values ->
                  values
                      .find(WorkerSettings.GROUP_ID)
                      .map(group -> "pairing-worker-" + group + "-" + hostName()))
          .doc(
              "Transactional ID under exactly_once. Keep it stable across restarts of the same"
                  + " instance (a restarted instance then aborts its dead predecessor's open"
                  + " transaction at once, instead of read_committed readers waiting for"
                  + " `transaction.timeout.ms`), and never share it between two running"
                  + " instances: the older one is fenced and stops with an error.")
          .build();

  /** How often the exactly-once transaction is committed. */
  public static final ConfigKey<Duration> TRANSACTION_INTERVAL =
      ConfigKey.builder("worker.transaction.interval", ValueType.DURATION)
          .defaultValue("100ms")
          .validator(Validator.positive())
          .doc(
              "Under exactly_once, how often the waiting replies and the offsets of their records"
                  + " are committed in one transaction. Longer: fewer, larger transactions (more"
                  + " throughput), later replies.")
          .build();

  static final List<ConfigKey<?>> ALL = List.of(GUARANTEE, TRANSACTIONAL_ID, TRANSACTION_INTERVAL);

  private ProcessingSettings() {}

  /** The host name, stable across restarts of the same host, pod or container. */
  private static String hostName() {
    String fromEnv = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("").strip();
    if (!fromEnv.isEmpty()) {
      return fromEnv;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
