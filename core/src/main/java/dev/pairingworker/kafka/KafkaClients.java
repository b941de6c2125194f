package dev.pairingworker.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Client settings: the worker's defaults, then the user's {@code kafka.*} settings on top, then the
 * few settings the worker's guarantees depend on, which cannot be overridden.
 *
 * <p>One default of every client is {@code metric.reporters} empty: Kafka's default reporter
 * registers a JMX MBean for each of the hundreds of metrics a client has (and for each new
 * per-topic, per-partition and per-broker one), which was a visible part of a cold worker's CPU
 * (docs/benchmarks.md, section 0). The worker's own {@code /metrics} endpoint reads the clients'
 * metrics directly ({@code worker.Meters}), not through JMX; {@code
 * kafka.metric.reporters=org.apache.kafka.common.metrics.JmxReporter} brings the MBeans back.
 */
public final class KafkaClients {
  /** No metric reporter: the clients' metrics are read by the worker's meters, not through JMX. */
  static final String NO_REPORTERS = "";

  private KafkaClients() {}

  /**
   * Consumer settings for the command topic.
   *
   * @param instanceId the {@code group.instance.id} (static membership), or empty for a dynamic
   *     member
   */
  public static Map<String, Object> consumer(
      Map<String, Object> userSettings, String groupId, String instanceId, int maxBuffered) {
    Map<String, Object> p = new HashMap<>();
    p.put(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG, NO_REPORTERS);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Skip records of aborted producer transactions: they were never meant to be commands.
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.min(500, maxBuffered));
    // A fetch response is read whole into the heap: Kafka's 50 MB default would be most of the
    // worker's small heap (docs/benchmarks.md, "Memory"), so 8 MB. 1 MB per partition (the
    // default) is already thousands of commands, more than worker.max.buffered holds.
    p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 8 * 1024 * 1024);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "pairing-worker-consumer");
    if (groupProtocol(userSettings) == GroupProtocol.CLASSIC) {
      // Incremental rebalancing: a joining or leaving worker moves only the partitions that
      // change owner, so the others keep running instead of all being revoked and reassigned.
      // The consumer protocol (KIP-848) is incremental by itself, assigns on the broker
      // (group.remote.assignor) and refuses this setting, as it refuses session.timeout.ms and
      // heartbeat.interval.ms (the broker's group.consumer.* settings there).
      p.put(
          ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
          CooperativeStickyAssignor.class.getName());
    }
    p.putAll(userSettings);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    if (instanceId.isEmpty()) {
      p.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    } else {
      p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
    }
    // Offsets are committed by the worker, only up to answered records (at-least-once).
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return p;
  }

  /**
   * The group protocol {@code kafka.group.protocol} asks for: {@code classic} (Kafka's default) or
   * {@code consumer} (KIP-848), in any case. Any other value counts as classic here; the consumer
   * then refuses it with Kafka's own message.
   */
  public static GroupProtocol groupProtocol(Map<String, Object> userSettings) {
    Object value = userSettings.get(ConsumerConfig.GROUP_PROTOCOL_CONFIG);
    try {
      return value == null ? GroupProtocol.CLASSIC : GroupProtocol.of(value.toString().strip());
    } catch (IllegalArgumentException e) {
      return GroupProtocol.CLASSIC;
    }
  }

  /** Settings of the consumer that reads ledger partitions by {@code assign}, outside any group. */
  public static Map<String, Object> ledgerReader(Map<String, Object> userSettings) {
    Map<String, Object> p = new HashMap<>(userSettings);
    p.putIfAbsent(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG, NO_REPORTERS);
    p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    p.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    // Outside any group the group protocol means nothing: this reader stays on the classic
    // consumer, which its reads were measured with, and drops the consumer protocol's own knob
    // (the classic consumer refuses it).
    p.remove(ConsumerConfig.GROUP_PROTOCOL_CONFIG);
    p.remove(ConsumerConfig.GROUP_REMOTE_ASSIGNOR_CONFIG);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "pairing-worker-ledger");
    // Looking up a missing ledger topic must not make the broker create it with its defaults (one
    // partition, no compaction): the worker creates it co-partitioned, or stops.
    p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    // Ledger entries are written outside transactions; should one ever be written inside one, an
    // aborted entry must not count.
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // It reads known offsets (a replay) or up to a known end (a restore): a fetch that finds
    // nothing
    // new should come back at once, not after the default 500 ms.
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return p;
  }

  /** Producer settings for replies, dead letters and ledger entries. */
  public static Map<String, Object> producer(Map<String, Object> userSettings) {
    Map<String, Object> p = new HashMap<>();
    p.put(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG, NO_REPORTERS);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "pairing-worker-producer");
    p.putAll(userSettings);
    // A reply counts only once every in-sync replica has it; no duplicates from producer retries.
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return p;
  }

  /**
   * Settings of the transactional producer that commits replies, dead letters and consumed offsets
   * together ({@code worker.processing.guarantee=exactly_once}).
   */
  public static Map<String, Object> transactionalProducer(
      Map<String, Object> userSettings, String transactionalId) {
    Map<String, Object> p = new HashMap<>();
    p.put(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG, NO_REPORTERS);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // A transaction lives for one commit interval; a worker that dies with one open should not
    // hold read_committed readers back for the broker's default of a minute.
    p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
    // Sends run on the poll thread: a reply topic without metadata must not stall it for long.
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    p.putAll(userSettings);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "pairing-worker-transactional-producer");
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return p;
  }
}
