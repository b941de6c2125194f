package dev.pairingworker.ledger;

import dev.pairingworker.kafka.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads ledger partitions from the beginning to their end offset, on a thread of its own with a
 * consumer of its own ({@code assign}, no group), so the poll loop never waits for it.
 */
final class LedgerRestorer {
  private static final Logger log = LoggerFactory.getLogger(LedgerRestorer.class);
  private static final Duration METADATA_WAIT = Duration.ofSeconds(30);
  private static final Duration METADATA_RECHECK = Duration.ofMillis(100);

  private final ConsumerThread reader;
  private final String ledgerTopic;
  private final String commandsTopic;
  private final IntConsumer createTopic;
  private boolean checked; // confined to the reader's thread

  /**
   * @param createTopic creates the ledger topic with the given number of partitions when it is
   *     missing; null when the worker must not create it
   */
  LedgerRestorer(
      Supplier<KafkaConsumer<byte[], byte[]>> consumers,
      String ledgerTopic,
      String commandsTopic,
      IntConsumer createTopic) {
    this.reader = new ConsumerThread("ledger-restore", consumers);
    this.ledgerTopic = ledgerTopic;
    this.commandsTopic = commandsTopic;
    this.createTopic = createTopic;
  }

  /**
   * Feeds every record of the ledger partitions to {@code sink}, in order; completes at the end.
   */
  CompletableFuture<Void> restore(
      Set<Integer> partitions, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
    return reader.run(consumer -> read(consumer, partitions, sink));
  }

  void close() {
    reader.close();
  }

  private void read(
      KafkaConsumer<byte[], byte[]> consumer,
      Set<Integer> partitions,
      Consumer<ConsumerRecord<byte[], byte[]>> sink) {
    checkCoPartitioned(consumer);
    List<TopicPartition> tps =
        partitions.stream().map(p -> new TopicPartition(ledgerTopic, p)).toList();
    TopicReader.readToEnd(consumer, tps, null, sink);
  }

  private void checkCoPartitioned(KafkaConsumer<byte[], byte[]> consumer) {
    if (checked) {
      return;
    }
    List<PartitionInfo> commands = consumer.partitionsFor(commandsTopic);
    List<PartitionInfo> ledger = consumer.partitionsFor(ledgerTopic);
    if ((ledger == null || ledger.isEmpty()) && createTopic != null && commands != null) {
      log.info(
          "Creating the ledger topic {} with {} partitions (worker.ledger.topic.create)",
          ledgerTopic,
          commands.size());
      createTopic.accept(commands.size());
      ledger = awaitMetadata(consumer);
    }
    if (ledger == null || ledger.isEmpty()) {
      throw new IllegalStateException(
          "worker.topic.ledger "
              + ledgerTopic
              + ": the topic does not exist (create it, or allow the worker to:"
              + " worker.ledger.topic.create=true and the CREATE ACL)");
    }
    if (commands != null && ledger.size() != commands.size()) {
      throw new IllegalStateException(
          "worker.topic.ledger "
              + ledgerTopic
              + " has "
              + ledger.size()
              + " partitions but the commands topic "
              + commandsTopic
              + " has "
              + commands.size()
              + ": they must be equal");
    }
    checked = true;
  }

  /** A topic just created may take a moment to appear in this client's metadata. */
  private List<PartitionInfo> awaitMetadata(KafkaConsumer<byte[], byte[]> consumer) {
    long deadline = System.nanoTime() + METADATA_WAIT.toNanos();
    List<PartitionInfo> partitions = consumer.partitionsFor(ledgerTopic);
    while ((partitions == null || partitions.isEmpty()) && System.nanoTime() < deadline) {
      LockSupport.parkNanos(METADATA_RECHECK.toNanos());
      partitions = consumer.partitionsFor(ledgerTopic);
    }
    return partitions;
  }
}
