package dev.pairingworker.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.pairingworker.command.RecordSource;
import dev.pairingworker.dispatch.OffsetTracker;
import dev.pairingworker.kafka.OutgoingRecord;
import dev.pairingworker.metrics.WorkerMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * The transaction steps and their failure rules, on Kafka's own in-memory producer and consumer
 * (what a broker does with them is {@code ExactlyOnceIT}'s part).
 */
class TransactionalCommitterTest {
  private static final TopicPartition P0 = new TopicPartition("commands", 0);

  private final LookingUpProducer producer = new LookingUpProducer();
  private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
  private final OffsetTracker offsets = new OffsetTracker();
  private final ExactlyOnceDelivery outbox = new ExactlyOnceDelivery(offsets::answered);
  private final WorkerMetrics metrics = new WorkerMetrics(new SimpleMeterRegistry());
  private final TransactionalCommitter committer =
      committer(Runnable::run); // topic lookups at once, on the poll thread

  @Test
  void repliesBelowTheCommittableOffsetAreCommittedWithThoseOffsetsInOneTransaction() {
    committer.start(Duration.ofSeconds(1));
    poll(0, 1, 2);
    answer(0, "replies");
    answer(2, "replies");

    committer.afterPoll(consumer);

    assertThat(producer.transactionCommitted()).isTrue();
    assertThat(values(producer.history())).containsExactly("reply-0");
    assertThat(producer.consumerGroupOffsetsHistory())
        .singleElement()
        .satisfies(
            o -> assertThat(o.values()).containsExactly(Map.of(P0, new OffsetAndMetadata(1))));
    assertThat(outbox.size()).isEqualTo(1);
    assertThat(transactions("committed")).isEqualTo(1.0);
  }

  @Test
  void aFailedCommitIsAbortedAndItsRepliesAndOffsetsGoIntoTheNextTransaction() {
    committer.start(Duration.ofSeconds(1));
    poll(0);
    answer(0, "replies");
    producer.commitTransactionException = new KafkaException("broker said no");

    committer.afterPoll(consumer);
    assertThat(producer.transactionAborted()).isTrue();
    assertThat(producer.history()).isEmpty();
    assertThat(transactions("aborted")).isEqualTo(1.0);

    producer.commitTransactionException = null;
    committer.afterPoll(consumer);
    assertThat(values(producer.history())).containsExactly("reply-0");
    assertThat(offsets.committable()).isEmpty();
    assertThat(outbox.size()).isZero();
  }

  @Test
  void aReplyItsOwnTopicKeepsRefusingGoesToTheDefaultReplyTopicAfterThreeTransactions() {
    committer.start(Duration.ofSeconds(1));
    poll(0);
    answer(0, "custom-replies");
    producer.sendException = new TopicAuthorizationException(Set.of("custom-replies"));

    for (int i = 0; i < 3; i++) {
      committer.afterPoll(consumer);
    }
    producer.sendException = null;
    committer.afterPoll(consumer);

    ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
    assertThat(sent.topic()).isEqualTo("replies");
    assertThat(
            new String(
                sent.headers().lastHeader(OutgoingRecord.REDIRECTED_HEADER).value(),
                StandardCharsets.UTF_8))
        .isEqualTo("custom-replies");
    assertThat(transactions("aborted")).isEqualTo(3.0);
  }

  @Test
  void aFencedProducerStopsTheWorkerNamingTheTransactionalId() {
    committer.start(Duration.ofSeconds(1));
    poll(0);
    answer(0, "replies");
    producer.fenceProducer();

    assertThatThrownBy(() -> committer.afterPoll(consumer))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("fenced")
        .hasMessageContaining("worker.transactional.id=tx-test");
  }

  @Test
  void releasingCommitsThenForgetsTheGonePartitions() {
    committer.start(Duration.ofSeconds(1));
    poll(0, 1);
    answer(0, "replies");
    answer(1, "replies");

    committer.release(consumer, Set.of(P0));

    assertThat(values(producer.history())).containsExactly("reply-0", "reply-1");
    assertThat(outbox.size()).isZero();
    answer(1, "replies"); // late: the partition is gone
    assertThat(outbox.size()).isZero();
  }

  @Test
  void nothingAnsweredMeansNoTransaction() {
    committer.start(Duration.ofSeconds(1));
    poll(0);

    committer.afterPoll(consumer);

    assertThat(producer.transactionInFlight()).isFalse();
    assertThat(producer.transactionCommitted()).isFalse();
  }

  @Test
  void aRecordWhoseTopicIsStillLookedUpWaitsWithTheOffsetsPastIt() {
    ExecutorService lookups = Executors.newSingleThreadExecutor();
    TransactionalCommitter committer = committer(lookups);
    try {
      committer.start(Duration.ofSeconds(1));
      poll(0, 1, 2);
      answer(0, "replies");
      await() // "replies" is looked up, then its record sent
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () -> {
                committer.afterPoll(consumer);
                assertThat(values(producer.history())).containsExactly("reply-0");
              });
      answer(1, "slow-replies");
      answer(2, "replies");

      assertTimeoutPreemptively(Duration.ofSeconds(5), () -> committer.afterPoll(consumer));

      assertThat(values(producer.history())).containsExactly("reply-0");
      assertThat(offsets.committable()).containsEntry(P0, new OffsetAndMetadata(3));
      assertThat(outbox.size()).as("reply-1 and reply-2 wait").isEqualTo(2);

      producer.metadataArrives.countDown();
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () -> {
                committer.afterPoll(consumer);
                assertThat(values(producer.history()))
                    .containsExactly("reply-0", "reply-1", "reply-2");
              });
      assertThat(outbox.size()).isZero();
    } finally {
      lookups.shutdownNow();
    }
  }

  @Test
  void aReplyWhoseTopicCannotBeLookedUpGoesToTheDefaultReplyTopicAfterThreeLookups() {
    committer.start(Duration.ofSeconds(1));
    poll(0, 1);
    answer(0, "missing-replies");
    answer(1, "replies");

    for (int i = 0; i < 4; i++) {
      committer.afterPoll(consumer);
    }

    assertThat(producer.history()).hasSize(2);
    ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
    assertThat(sent.topic()).isEqualTo("replies");
    assertThat(new String(sent.value(), StandardCharsets.UTF_8)).isEqualTo("reply-0");
    assertThat(
            new String(
                sent.headers().lastHeader(OutgoingRecord.REDIRECTED_HEADER).value(),
                StandardCharsets.UTF_8))
        .isEqualTo("missing-replies");
    assertThat(outbox.size()).isZero();
  }

  /**
   * Kafka's in-memory producer, whose metadata lookup waits for "slow-replies" until told and fails
   * for "missing-replies" as KafkaProducer does after max.block.ms.
   */
  private static final class LookingUpProducer extends MockProducer<byte[], byte[]> {
    final CountDownLatch metadataArrives = new CountDownLatch(1);

    LookingUpProducer() {
      super(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
      if (topic.equals("missing-replies")) {
        throw new TimeoutException("Topic missing-replies not present in metadata after 10 ms.");
      }
      if (topic.equals("slow-replies")) {
        try {
          metadataArrives.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptException(e);
        }
      }
      return super.partitionsFor(topic);
    }
  }

  private TransactionalCommitter committer(Executor lookups) {
    return new TransactionalCommitter(
        producer,
        "tx-test",
        outbox,
        offsets,
        metrics,
        Duration.ZERO,
        new TopicLookups(producer, lookups));
  }

  private void poll(long... polled) {
    for (long offset : polled) {
      offsets.track(P0, offset);
      outbox.polled(P0, offset);
    }
  }

  private void answer(long offset, String topic) {
    outbox.deliver(
        new RecordSource(P0.topic(), P0.partition(), offset),
        List.of(
            new OutgoingRecord(
                new ProducerRecord<>(topic, ("reply-" + offset).getBytes(StandardCharsets.UTF_8)),
                "replies")),
        CompletableFuture.completedFuture(null));
  }

  private double transactions(String result) {
    return metrics
        .registry()
        .get("pairing_worker.transactions")
        .tag("result", result)
        .counter()
        .count();
  }

  private static List<String> values(List<ProducerRecord<byte[], byte[]>> records) {
    return records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
  }
}
