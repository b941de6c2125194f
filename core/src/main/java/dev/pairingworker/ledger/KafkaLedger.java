package dev.pairingworker.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairingworker.command.Command;
import dev.pairingworker.command.ExternalIds;
import dev.pairingworker.command.Reply;
import dev.pairingworker.kafka.AcknowledgedSender;
import dev.pairingworker.metrics.Metric;
import dev.pairingworker.metrics.WorkerMetrics;
import dev.pairingworker.pingone.Failures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger in a compacted Kafka topic keyed by transaction ID, co-partitioned with the commands
 * topic: an entry goes to the partition number of its command's record, so the owner of a command
 * partition reads only that ledger partition. Writes go through the {@link AcknowledgedSender}
 * (retried until acknowledged); the memory is updated before the write, so a later command of the
 * same lane sees it at once. Memory holds an entry's record value only until the broker
 * acknowledges it, then where the record is (its offset); a replay reads that record back from the
 * topic.
 */
public final class KafkaLedger implements Ledger {
  private static final Logger log = LoggerFactory.getLogger(KafkaLedger.class);

  /** How long a replay may wait for its record to be read back from the topic. */
  static final Duration REPLAY_READ_TIMEOUT = Duration.ofSeconds(30);

  private final String topic;
  private final AcknowledgedSender sender;
  private final LedgerCodec codec;
  private final Clock clock;
  private final LedgerMemory memory;
  private final LedgerRestorer restorer;
  private final LedgerRecordReader reader;
  private final HandoverWatch handovers;
  private final Duration handoverWait;

  /**
   * When each owned partition was assigned ({@link System#nanoTime()}): hand-over waits end by it.
   */
  private final Map<Integer, Long> assignedAt = new ConcurrentHashMap<>();

  /**
   * Restores asked for and not finished, per partition: a partition revoked and assigned again
   * while its first read runs stays paused until the second one ends.
   */
  private final Map<TopicPartition, Integer> restoring = new ConcurrentHashMap<>();

  private volatile Throwable failure;

  public KafkaLedger(
      String topic,
      String commandsTopic,
      LedgerLimits limits,
      Supplier<KafkaConsumer<byte[], byte[]>> readers,
      AcknowledgedSender sender,
      ObjectMapper json,
      Clock clock,
      IntConsumer createTopic,
      WorkerMetrics metrics,
      LedgerWriter self) {
    this.topic = topic;
    this.sender = sender;
    this.codec = new LedgerCodec(json, self);
    this.handoverWait = limits.handoverWait();
    this.clock = clock;
    this.memory = new LedgerMemory(limits, metrics::ledgerEvictions);
    metrics.gauge(Metric.LEDGER_ENTRIES, memory::size);
    this.restorer = new LedgerRestorer(readers, topic, commandsTopic, createTopic);
    this.reader = new LedgerRecordReader(readers, topic, REPLAY_READ_TIMEOUT);
    this.handovers = new HandoverWatch(readers, topic);
  }

  @Override
  public boolean enabled() {
    return true;
  }

  @Override
  public CompletableFuture<Recorded> lookup(Command command) {
    int partition = command.source().partition();
    Optional<CompactEntry> held = memory.get(partition, command.transactionId(), clock.instant());
    if (held.isEmpty()) {
      return CompletableFuture.completedFuture(Recorded.NOTHING);
    }
    if (held.get().state() == LedgerEntry.State.STARTED) {
      return started(command, held.get());
    }
    if (held.get() instanceof CompactEntry.Unacknowledged written) {
      return CompletableFuture.completedFuture(completed(written.value(), "in memory"));
    }
    long offset = ((CompactEntry.Stored) held.get()).offset();
    return reader
        .read(partition, offset)
        .handle((record, failure) -> readBack(command, offset, record, failure));
  }

  @Override
  public CompletableFuture<Void> started(Command command) {
    return write(command, LedgerEntry.started(clock.instant(), codec.self()));
  }

  @Override
  public CompletableFuture<Void> completed(Command command, Reply reply) {
    return write(command, LedgerEntry.completed(clock.instant(), reply));
  }

  @Override
  public CompletableFuture<Void> withdrawn(Command command) {
    memory.remove(command.source().partition(), command.transactionId());
    return sender.send(record(command, null)).thenAccept(offset -> {});
  }

  @Override
  public void restore(Collection<TopicPartition> commandPartitions) {
    long begun = System.nanoTime();
    for (TopicPartition tp : commandPartitions) {
      restoring.merge(tp, 1, Integer::sum);
      assignedAt.put(tp.partition(), begun);
    }
    Set<Integer> partitions =
        commandPartitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
    restorer
        .restore(partitions, this::load)
        .whenComplete(
            (done, error) -> {
              if (error != null) {
                failure = error;
                log.error("Could not read the ledger topic {}", topic, error);
              } else {
                log.info(
                    "Ledger of partitions {} read in {} ms; {} entries in memory",
                    partitions,
                    (System.nanoTime() - begun) / 1_000_000,
                    memory.size());
              }
              commandPartitions.forEach(
                  tp -> restoring.computeIfPresent(tp, (k, n) -> n == 1 ? null : n - 1));
            });
  }

  @Override
  public Set<TopicPartition> restoring() {
    return Set.copyOf(restoring.keySet());
  }

  @Override
  public void forget(Collection<TopicPartition> commandPartitions) {
    List<Integer> partitions = commandPartitions.stream().map(TopicPartition::partition).toList();
    partitions.forEach(assignedAt::remove);
    memory.drop(partitions);
  }

  @Override
  public Throwable failure() {
    return failure;
  }

  @Override
  public void close() {
    restorer.close();
    reader.close();
    handovers.close();
  }

  /**
   * A create found STARTED and not completed. Read from the topic, it may be one the partition's
   * previous owner still has on the wire: that owner gave the partition up without waiting for its
   * calls ({@code worker.shutdown.timeout}) and records their outcome when they are answered. Until
   * {@link LedgerLimits#handoverWait()} after this worker got the partition, the outcome is awaited
   * (the lane of that user waits; other users go on). A STARTED entry of an earlier process of this
   * very static member, or one this worker wrote, is unfinished at once.
   */
  private CompletableFuture<Recorded> started(Command command, CompactEntry entry) {
    if (!(entry instanceof CompactEntry.Stored stored) || stored.ownerGone()) {
      return CompletableFuture.completedFuture(Recorded.STARTED);
    }
    int partition = command.source().partition();
    Long assigned = assignedAt.get(partition);
    long deadline = (assigned == null ? System.nanoTime() : assigned) + handoverWait.toNanos();
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      return CompletableFuture.completedFuture(Recorded.STARTED);
    }
    log.info(
        "Create {} was started by an earlier owner of partition {} that may still be finishing it:"
            + " its outcome is awaited for up to {} ms",
        ExternalIds.sanitise(command.transactionId()),
        partition,
        left / 1_000_000);
    return outcome(command, stored.offset(), deadline);
  }

  /** The first record of the command's transaction after {@code after}, as what it means. */
  private CompletableFuture<Recorded> outcome(Command command, long after, long deadline) {
    return handovers
        .next(command.source().partition(), after, command.transactionId(), deadline)
        .handle((next, failure) -> followed(command, next, failure, deadline))
        .thenCompose(recorded -> recorded);
  }

  /** What the record that followed a STARTED entry (or its absence) means for the create. */
  private CompletableFuture<Recorded> followed(
      Command command,
      Optional<ConsumerRecord<byte[], byte[]>> next,
      Throwable failure,
      long deadline) {
    String id = ExternalIds.sanitise(command.transactionId());
    if (failure != null) {
      log.warn(
          "Create {}: the ledger could not be followed for its earlier owner's outcome ({}):"
              + " it counts as unfinished",
          id,
          Failures.unwrap(failure).toString());
      return CompletableFuture.completedFuture(Recorded.STARTED);
    }
    if (next.isEmpty()) {
      log.info("Create {}: no outcome from its earlier owner in time: unfinished", id);
      return CompletableFuture.completedFuture(Recorded.STARTED);
    }
    ConsumerRecord<byte[], byte[]> record = next.get();
    int partition = record.partition();
    boolean owned = assignedAt.containsKey(partition);
    if (record.value() == null) {
      log.info("Create {}: its earlier owner withdrew it before calling: it runs", id);
      if (owned) {
        memory.remove(partition, command.transactionId());
      }
      return CompletableFuture.completedFuture(Recorded.NOTHING);
    }
    String where = topic + "-" + partition + "@" + record.offset();
    LedgerEntry entry;
    try {
      entry = codec.decode(record.value());
    } catch (IOException e) {
      return CompletableFuture.completedFuture(unreadable(command, where + " is unreadable: " + e));
    }
    if (entry.state() == LedgerEntry.State.STARTED) {
      return outcome(command, record.offset(), deadline); // started again: follow on
    }
    log.info("Create {}: its earlier owner completed it ({})", id, where);
    if (owned) {
      memory.put(partition, command.transactionId(), codec.stored(entry, record.offset()));
    }
    return CompletableFuture.completedFuture(completed(entry, where));
  }

  private CompletableFuture<Void> write(Command command, LedgerEntry entry) {
    int partition = command.source().partition();
    CompactEntry.Unacknowledged written = codec.encode(entry);
    memory.put(partition, command.transactionId(), written);
    return sender
        .send(record(command, written.value()))
        .thenAccept(
            offset -> memory.acknowledged(partition, command.transactionId(), written, offset));
  }

  /** The reply of a completed transaction read back from the topic, or why it could not be. */
  private Recorded readBack(
      Command command,
      long offset,
      Optional<ConsumerRecord<byte[], byte[]>> record,
      Throwable failure) {
    String where = topic + "-" + command.source().partition() + "@" + offset;
    if (failure != null) {
      return unreadable(command, where + " could not be read: " + Failures.unwrap(failure));
    }
    byte[] key = command.transactionId().getBytes(StandardCharsets.UTF_8);
    if (record.isEmpty() || record.get().value() == null) {
      return unreadable(command, where + " is no longer in the topic (compacted or deleted)");
    }
    if (!Arrays.equals(record.get().key(), key)) {
      return unreadable(command, where + " belongs to another transaction");
    }
    return completed(record.get().value(), where);
  }

  private Recorded completed(byte[] value, String where) {
    try {
      return completed(codec.decode(value), where);
    } catch (IOException e) {
      return new Recorded.Unreadable(where + " is unreadable: " + e, clock.instant());
    }
  }

  private Recorded completed(LedgerEntry entry, String where) {
    if (entry.state() == LedgerEntry.State.COMPLETED && entry.reply() != null) {
      return new Recorded.Completed(entry.reply());
    }
    return new Recorded.Unreadable(where + " holds no completed reply", clock.instant());
  }

  private Recorded unreadable(Command command, String reason) {
    log.warn(
        "Transaction {} completed before, but its ledger record {}: it is not replayed",
        ExternalIds.sanitise(command.transactionId()),
        reason);
    return new Recorded.Unreadable(reason, clock.instant());
  }

  private ProducerRecord<byte[], byte[]> record(Command command, byte[] value) {
    byte[] key = command.transactionId().getBytes(StandardCharsets.UTF_8);
    return new ProducerRecord<>(topic, command.source().partition(), key, value);
  }

  private void load(ConsumerRecord<byte[], byte[]> record) {
    if (record.key() == null) {
      return;
    }
    String transactionId = new String(record.key(), StandardCharsets.UTF_8);
    if (record.value() == null) {
      memory.remove(record.partition(), transactionId);
      return;
    }
    try {
      memory.put(record.partition(), transactionId, codec.read(record.value(), record.offset()));
    } catch (IOException e) {
      log.warn(
          "Ignored an unreadable ledger record {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.toString());
    }
  }
}
