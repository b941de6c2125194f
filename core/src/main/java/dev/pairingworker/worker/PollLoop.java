package dev.pairingworker.worker;

import dev.pairingworker.delivery.Committer;
import dev.pairingworker.dispatch.OffsetTracker;
import dev.pairingworker.kafka.AcknowledgedSender;
import dev.pairingworker.ledger.Ledger;
import dev.pairingworker.metrics.HealthState;
import dev.pairingworker.pipeline.Intake;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.DoubleConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.UnreleasedInstanceIdException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll loop. One thread owns the consumer and does only this: poll, hand records over, pause
 * and resume, commit. Nothing here waits on PingOne, so backing-off commands never delay a poll.
 */
public final class PollLoop implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(PollLoop.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);

  private final Consumer<byte[], byte[]> consumer;
  private final String topic;
  private final Intake intake;
  private final OffsetTracker offsets;
  private final AcknowledgedSender sender;
  private final Committer committer;
  private final HealthState health;
  private final Ledger ledger;
  private final DoubleConsumer partitionShare;
  private final int maxBuffered;
  private final Duration drainTimeout;
  private final Duration joinTimeout;
  private final Runnable beforeJoin;
  private volatile boolean joined;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile Throwable fatal;
  private volatile int pausedPartitions;

  public PollLoop(
      Consumer<byte[], byte[]> consumer,
      String topic,
      Intake intake,
      OffsetTracker offsets,
      AcknowledgedSender sender,
      Committer committer,
      HealthState health,
      Ledger ledger,
      DoubleConsumer partitionShare,
      Limits limits,
      Runnable beforeJoin) {
    this.consumer = consumer;
    this.topic = topic;
    this.intake = intake;
    this.offsets = offsets;
    this.sender = sender;
    this.committer = committer;
    this.health = health;
    this.ledger = ledger;
    this.partitionShare = partitionShare;
    this.maxBuffered = limits.maxBuffered();
    this.drainTimeout = limits.drainTimeout();
    this.joinTimeout = limits.joinTimeout();
    this.beforeJoin = beforeJoin;
  }

  /**
   * The consumer's bounds.
   *
   * @param maxBuffered records held before the partitions are paused
   * @param drainTimeout how long running commands may take to finish when partitions go
   * @param joinTimeout how long joining the group may take before the worker gives up
   */
  public record Limits(int maxBuffered, Duration drainTimeout, Duration joinTimeout) {}

  @Override
  public void run() {
    health.pollLoopRunning(true);
    try {
      long started = System.nanoTime();
      committer.start(joinTimeout);
      beforeJoin.run();
      consumer.subscribe(List.of(topic), new Rebalance());
      while (running) {
        if (!joined && System.nanoTime() - started > joinTimeout.toNanos()) {
          throw new IllegalStateException(
              "the consumer of "
                  + topic
                  + " did not join its group within "
                  + joinTimeout
                  + " (worker.join.timeout): check kafka.bootstrap.servers and the Kafka security"
                  + " settings (kafka.security.protocol, kafka.sasl.*, kafka.ssl.*)");
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_TIMEOUT)) {
          intake.handle(record);
        }
        applyBackPressure();
        committer.afterPoll(consumer);
      }
    } catch (WakeupException e) {
      // stop() was called
    } catch (FencedInstanceIdException | UnreleasedInstanceIdException e) {
      fatal = e;
      log.error(
          "Another member of the group has this worker's worker.instance.id: two running workers"
              + " must never share one; the worker stops",
          e);
    } catch (KafkaException | IllegalStateException e) {
      fatal = e;
      log.error("The command consumer failed; the worker stops", e);
    } finally {
      health.pollLoopRunning(false);
      shutDown();
      stopped.countDown();
    }
  }

  /** Asks the loop to finish in-flight work, commit and leave the group. Safe from any thread. */
  public void stop() {
    running = false;
    consumer.wakeup();
  }

  /** Waits for the loop to end; true if it did within the timeout. */
  public boolean awaitStopped(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** The error that ended the loop, or null after a requested stop. */
  public Throwable failure() {
    return fatal;
  }

  /** Partitions paused now because {@code worker.max.buffered} records are held. */
  public int pausedPartitions() {
    return pausedPartitions;
  }

  /** Pauses at worker.max.buffered; never resumes a partition whose ledger is still being read. */
  private void applyBackPressure() {
    if (ledger.failure() != null) {
      throw new IllegalStateException("the ledger failed", ledger.failure());
    }
    Set<TopicPartition> paused = consumer.paused();
    if (offsets.pending() >= maxBuffered) {
      if (paused.size() < consumer.assignment().size()) {
        consumer.pause(consumer.assignment());
      }
    } else if (!paused.isEmpty()) {
      Set<TopicPartition> resumable = new HashSet<>(paused);
      resumable.removeAll(ledger.restoring());
      if (!resumable.isEmpty()) {
        consumer.resume(resumable);
      }
    }
    pausedPartitions = consumer.paused().size();
  }

  /**
   * Stops starting work for {@code partitions}, lets running commands finish within the bound,
   * commits.
   */
  private void release(Collection<TopicPartition> partitions, boolean commit) {
    Set<TopicPartition> gone = new HashSet<>(partitions);
    int dropped = intake.revoke(gone);
    if (commit) {
      try {
        if (!intake.awaitIdle(gone, drainTimeout)) {
          log.warn(
              "Commands still running after {}; their records will be redelivered", drainTimeout);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      sender.flush(); // replies (at-least-once) and ledger entries acknowledged
      committer.release(consumer, gone);
    } else {
      committer.lost(gone);
    }
    offsets.forget(gone);
    ledger.forget(gone);
    log.info(
        "Released {} partitions ({} queued commands, and any not on the wire, left for their next owner)",
        gone.size(),
        dropped);
  }

  private void shutDown() {
    try {
      release(consumer.assignment(), true);
    } catch (RuntimeException e) {
      log.warn("Shutdown was not clean: {}", e.toString());
    } finally {
      consumer.close();
    }
  }

  /**
   * Tells {@code partitionShare} which part of the commands topic's partitions this worker owns now
   * (nothing while it owns none: it makes no calls then, and keeps its last share for the next).
   */
  private void reportShare(int owned) {
    if (owned == 0) {
      return;
    }
    List<PartitionInfo> all = consumer.partitionsFor(topic);
    if (all == null || all.isEmpty()) {
      return;
    }
    double share = Math.min(1.0, (double) owned / all.size());
    log.info(
        "Owning {} of the {} partitions of {}: a {} share of the PingOne rate limit",
        owned,
        all.size(),
        topic,
        String.format(java.util.Locale.ROOT, "%.3f", share));
    partitionShare.accept(share);
  }

  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (!partitions.isEmpty()) {
        release(partitions, true);
      }
      int owned = consumer.assignment().size() - partitions.size();
      health.assignedPartitions(owned);
      reportShare(owned);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      release(partitions, false);
      health.assignedPartitions(0);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      joined = true; // called after every completed rebalance, with an empty list too
      health.assignedPartitions(consumer.assignment().size());
      reportShare(consumer.assignment().size());
      log.info("Assigned partitions {}", partitions);
      if (ledger.enabled() && !partitions.isEmpty()) {
        // Nothing of these partitions may run before their ledger is in memory.
        consumer.pause(partitions);
        ledger.restore(partitions);
      }
    }
  }
}
