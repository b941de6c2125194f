package dev.pairingworker.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.pairingworker.metrics.WorkerMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A send to a topic whose metadata the producer does not have blocks the caller (KafkaProducer
 * waits up to max.block.ms): the sender must not let that block the thread that asked for it.
 * Kafka's in-memory producer, made to block like the real one for one topic.
 */
class AcknowledgedSenderTest {
  private static final Duration PROMPTLY = Duration.ofSeconds(5);

  private final CountDownLatch metadataArrives = new CountDownLatch(1);
  private final BlockingProducer producer = new BlockingProducer("slow-replies", metadataArrives);
  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
  private final AcknowledgedSender sender =
      new AcknowledgedSender(producer, new WorkerMetrics(new SimpleMeterRegistry()), retries);

  @AfterEach
  void close() {
    metadataArrives.countDown();
    sender.close();
    retries.shutdownNow();
  }

  @Test
  void aSendWaitingForItsTopicsMetadataDoesNotBlockTheCaller() throws Exception {
    CompletableFuture<Long> slow =
        assertTimeoutPreemptively(PROMPTLY, () -> sender.send(record("slow-replies", 1)));
    CompletableFuture<Long> other =
        assertTimeoutPreemptively(PROMPTLY, () -> sender.send(record("replies", 2)));

    other.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS);
    assertThat(slow).as("still waiting for its topic's metadata").isNotDone();

    metadataArrives.countDown();
    slow.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void sendsToATopicWaitingForMetadataKeepTheirOrder() throws Exception {
    List<CompletableFuture<Long>> sent =
        assertTimeoutPreemptively(
            PROMPTLY,
            () ->
                List.of(
                    sender.send(record("slow-replies", 1)),
                    sender.send(record("slow-replies", 2)),
                    sender.send(record("slow-replies", 3))));

    metadataArrives.countDown();
    // once the topic is writable, a new send goes out directly, but not before the waiting ones
    sent = new ArrayList<>(sent);
    sent.add(sender.send(record("slow-replies", 4)));
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
        .get(PROMPTLY.toSeconds(), TimeUnit.SECONDS);

    assertThat(
            producer.history().stream()
                .filter(r -> r.topic().equals("slow-replies"))
                .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .toList())
        .containsExactly("reply-1", "reply-2", "reply-3", "reply-4");
  }

  @Test
  void aTopicWrittenToOnceIsSentToOnTheCallersThread() throws Exception {
    sender.send(record("replies", 1)).get(PROMPTLY.toSeconds(), TimeUnit.SECONDS);
    await().atMost(PROMPTLY).until(() -> sender.topicsQueued() == 0);

    sender.send(record("replies", 2)).get(PROMPTLY.toSeconds(), TimeUnit.SECONDS);

    assertThat(producer.senders)
        .containsExactly("reply-first-send-1", Thread.currentThread().getName());
  }

  @Test
  void flushWaitsForTheSendsStillQueuedForTheirTopic() throws Exception {
    CompletableFuture<Long> slow = sender.send(record("slow-replies", 1));
    CompletableFuture<Void> flushed = CompletableFuture.runAsync(sender::flush);
    await("flush waits while the send is queued")
        .during(Duration.ofMillis(200))
        .atMost(PROMPTLY)
        .until(() -> !flushed.isDone());

    metadataArrives.countDown();

    flushed.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS);
    assertThat(slow).isDone();
  }

  private static ProducerRecord<byte[], byte[]> record(String topic, int n) {
    return new ProducerRecord<>(
        topic,
        ("key-" + n).getBytes(StandardCharsets.UTF_8),
        ("reply-" + n).getBytes(StandardCharsets.UTF_8));
  }

  /** Blocks in {@code send} for one topic until its "metadata" arrives, as KafkaProducer does. */
  private static final class BlockingProducer extends MockProducer<byte[], byte[]> {
    private final String slowTopic;
    private final CountDownLatch metadata;
    final List<String> senders = new java.util.concurrent.CopyOnWriteArrayList<>();

    BlockingProducer(String slowTopic, CountDownLatch metadata) {
      super(true, null, new ByteArraySerializer(), new ByteArraySerializer());
      this.slowTopic = slowTopic;
      this.metadata = metadata;
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
      if (record.topic().equals(slowTopic)) {
        try {
          metadata.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new org.apache.kafka.common.errors.InterruptException(e);
        }
      }
      senders.add(Thread.currentThread().getName());
      return super.send(record, callback);
    }
  }
}
