package dev.pairingworker.delivery;

import dev.pairingworker.dispatch.OffsetTracker;
import dev.pairingworker.metrics.WorkerMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TransactionAbortedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once: every {@code worker.transaction.interval}, and when partitions go, one transaction
 * on the poll thread holds the {@link ExactlyOnceDelivery} output that is due and the offsets past
 * it. No transaction stays open across polls. A failed one is aborted and its output and offsets go
 * into the next; a reply whose own topic keeps refusing it goes to its fallback topic, as with
 * {@code kafka.AcknowledgedSender}; a fenced or unauthorised producer stops the worker.
 *
 * <p>{@code KafkaProducer.send} waits up to {@code max.block.ms} for the metadata of a topic it has
 * not written to, and the sends of a transaction run on the poll thread: a custom reply topic that
 * does not exist would stop every partition for that long. So a topic is first looked up ({@code
 * partitionsFor}) on a thread of its own; until it answers, its records and the offsets past them
 * wait for a later transaction, and a failed lookup counts as a refused send.
 */
public final class TransactionalCommitter implements Committer {
  private static final Logger log = LoggerFactory.getLogger(TransactionalCommitter.class);

  /** Longest wait for topic lookups before a release commits. */
  private static final Duration LOOKUP_WAIT = Duration.ofSeconds(15);

  private final Producer<byte[], byte[]> producer;
  private final String transactionalId;
  private final ExactlyOnceDelivery outbox;
  private final OffsetTracker offsets;
  private final WorkerMetrics metrics;
  private final long intervalNanos;
  private final TopicLookups topics;
  private long lastCommit = System.nanoTime();

  /** Offsets of a transaction whose commit timed out: committing it must be retried first. */
  private Map<TopicPartition, OffsetAndMetadata> unfinished;

  /** An abort that timed out: it must be retried before the next transaction begins. */
  private boolean abortPending;

  /** {@code topics} looks up the topics {@code producer} is to send to. */
  public TransactionalCommitter(
      Producer<byte[], byte[]> producer,
      String transactionalId,
      ExactlyOnceDelivery outbox,
      OffsetTracker offsets,
      WorkerMetrics metrics,
      Duration interval,
      TopicLookups topics) {
    this.producer = producer;
    this.transactionalId = transactionalId;
    this.outbox = outbox;
    this.offsets = offsets;
    this.metrics = metrics;
    this.intervalNanos = interval.toNanos();
    this.topics = topics;
  }

  /**
   * Registers the transactional ID, aborting what a dead predecessor with the same ID left open.
   */
  @Override
  public void start(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        producer.initTransactions();
        return;
      } catch (TimeoutException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "the transactional producer (worker.transactional.id="
                  + transactionalId
                  + ") could not register with the broker within "
                  + timeout
                  + " (worker.join.timeout)",
              e);
        }
      } catch (KafkaException e) {
        throw new IllegalStateException(TransactionErrors.reason(e, transactionalId), e);
      }
    }
  }

  @Override
  public void afterPoll(Consumer<byte[], byte[]> consumer) {
    if (System.nanoTime() - lastCommit >= intervalNanos) {
      commit(consumer);
    }
  }

  @Override
  public void release(Consumer<byte[], byte[]> consumer, Set<TopicPartition> gone) {
    topics.await(LOOKUP_WAIT);
    commit(consumer);
    outbox.drop(gone);
  }

  @Override
  public void lost(Set<TopicPartition> gone) {
    outbox.drop(gone);
  }

  private void commit(Consumer<byte[], byte[]> consumer) {
    lastCommit = System.nanoTime();
    if (!finishEarlierTransaction()) {
      return;
    }
    Map<String, Exception> failed = topics.takeFailures();
    Map<TopicPartition, OffsetAndMetadata> committable =
        outbox.upToReady(offsets.committable(), waiting -> ready(waiting, failed));
    if (committable.isEmpty()) {
      return;
    }
    List<ExactlyOnceDelivery.Waiting> due = outbox.due(committable);
    ConsumerGroupMetadata group = consumer.groupMetadata(); // read on the poll thread
    Map<ExactlyOnceDelivery.Waiting, Exception> refused = new ConcurrentHashMap<>();
    try {
      producer.beginTransaction();
      for (ExactlyOnceDelivery.Waiting waiting : due) {
        send(waiting, refused);
      }
      producer.sendOffsetsToTransaction(committable, group);
    } catch (KafkaException e) {
      abort(e, refused);
      return;
    }
    finishCommit(committable, refused);
  }

  private void send(
      ExactlyOnceDelivery.Waiting waiting, Map<ExactlyOnceDelivery.Waiting, Exception> refused) {
    try {
      producer.send(
          waiting.outgoing().record(),
          (metadata, failure) -> {
            if (failure != null && !(failure instanceof TransactionAbortedException)) {
              refused.put(waiting, failure); // not merely aborted along with another one
            }
          });
    } catch (KafkaException e) {
      refused.put(waiting, e);
      throw e;
    }
  }

  /**
   * Whether the record's topic can be sent to without waiting for metadata; if not, its lookup is
   * started (a failed one first counts as a refused send, which may redirect the reply).
   */
  private boolean ready(ExactlyOnceDelivery.Waiting waiting, Map<String, Exception> failed) {
    Exception failure = failed.get(waiting.outgoing().record().topic());
    if (failure != null) {
      countRefusal(waiting, failure);
    }
    return topics.known(
        waiting.outgoing().record().topic()); // after a redirect, the default topic's
  }

  /** False while an earlier transaction's commit or abort still has to be retried. */
  private boolean finishEarlierTransaction() {
    if (unfinished != null) {
      finishCommit(unfinished, Map.of());
      return unfinished == null;
    }
    if (abortPending) {
      abort(null, Map.of());
      return !abortPending;
    }
    return true;
  }

  private void finishCommit(
      Map<TopicPartition, OffsetAndMetadata> committable,
      Map<ExactlyOnceDelivery.Waiting, Exception> refused) {
    try {
      producer.commitTransaction();
    } catch (TimeoutException e) {
      unfinished = committable; // a timed-out commit may not be aborted, only retried
      log.warn("Committing the transaction timed out; it is retried: {}", e.toString());
      return;
    } catch (KafkaException e) {
      unfinished = null;
      abort(e, refused);
      return;
    }
    unfinished = null;
    offsets.committed(committable);
    outbox.committed(committable);
    metrics.transaction("committed");
  }

  private void abort(KafkaException failure, Map<ExactlyOnceDelivery.Waiting, Exception> refused) {
    if (failure != null) {
      TransactionErrors kind = TransactionErrors.classify(failure);
      if (kind == TransactionErrors.FATAL) {
        throw new IllegalStateException(
            TransactionErrors.reason(failure, transactionalId), failure);
      }
      log.warn(
          kind == TransactionErrors.REBALANCE
              ? "The transaction was refused because the consumer group rebalanced; aborted: {}"
              : "The transaction failed and is aborted; its replies and offsets are retried: {}",
          failure.toString());
    }
    try {
      producer.abortTransaction();
      abortPending = false;
    } catch (TimeoutException e) {
      abortPending = true;
      log.warn("Aborting the transaction timed out; it is retried: {}", e.toString());
      return;
    } catch (KafkaException e) {
      throw new IllegalStateException(TransactionErrors.reason(e, transactionalId), e);
    }
    if (failure != null) {
      metrics.transaction("aborted");
      refused.forEach(this::countRefusal);
    }
  }

  private void countRefusal(ExactlyOnceDelivery.Waiting waiting, Exception failure) {
    metrics.replySendFailed();
    int failures = waiting.failed();
    log.warn(
        "Could not publish to topic {} (attempt {}): {}",
        waiting.outgoing().record().topic(),
        failures,
        failure.toString());
    if (waiting.outgoing().redirectDue(failures)) {
      waiting.replace(waiting.outgoing().redirected());
    }
  }
}
