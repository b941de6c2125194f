package dev.pairingworker.ledger;

import dev.pairingworker.kafka.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

  private final Supplier<KafkaConsumer<byte[], byte[]>> consumers;
  private final String ledgerTopic;
  private final String commandsTopic;
  private final IntConsumer createTopic;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "ledger-restore");
            t.setDaemon(true);
            return t;
          });
  private KafkaConsumer<byte[], byte[]> consumer; // confined to the restore thread
  private boolean checked;

  /**
   * @param createTopic creates the ledger topic with the given number of partitions when it is
   *     missing; null when the worker must not create it
   */
  LedgerRestorer(
      Supplier<KafkaConsumer<byte[], byte[]>> consumers,
      String ledgerTopic,
      String commandsTopic,
      IntConsumer createTopic) {
    this.consumers = consumers;
    this.ledgerTopic = ledgerTopic;
    this.commandsTopic = commandsTopic;
    this.createTopic = createTopic;
  }

  /**
   * Feeds every record of the ledger partitions to {@code sink}, in order; completes at the end.
   */
  CompletableFuture<Void> restore(
      Set<Integer> partitions, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
    return CompletableFuture.runAsync(() -> read(partitions, sink), thread);
  }

  void close() {
    if (thread.isShutdown()) {
      return;
    }
    thread.execute(
        () -> {
          if (consumer != null) {
            consumer.close();
          }
        });
    thread.shutdown();
  }

  private void read(Set<Integer> partitions, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
    if (consumer == null) {
      consumer = consumers.get();
    }
    checkCoPartitioned();
    List<TopicPartition> tps =
        partitions.stream().map(p -> new TopicPartition(ledgerTopic, p)).toList();
    TopicReader.readToEnd(consumer, tps, null, sink);
  }

  private void checkCoPartitioned() {
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
      ledger = awaitMetadata();
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
  private List<PartitionInfo> awaitMetadata() {
    long deadline = System.nanoTime() + METADATA_WAIT.toNanos();
    List<PartitionInfo> partitions = consumer.partitionsFor(ledgerTopic);
    while ((partitions == null || partitions.isEmpty()) && System.nanoTime() < deadline) {
      LockSupport.parkNanos(METADATA_RECHECK.toNanos());
      partitions = consumer.partitionsFor(ledgerTopic);
    }
    return partitions;
  }
}
