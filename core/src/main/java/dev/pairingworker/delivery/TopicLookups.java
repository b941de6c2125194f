package dev.pairingworker.delivery;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which topics a producer has metadata for, found out off the caller's thread: {@code
 * KafkaProducer.send} waits up to {@code max.block.ms} for the metadata of a topic it has not
 * written to, so the exactly-once committer looks each topic up ({@code partitionsFor}) here first
 * and sends only to known ones.
 */
final class TopicLookups {
  private static final Logger log = LoggerFactory.getLogger(TopicLookups.class);

  private final Producer<byte[], byte[]> producer;
  private final Executor executor;

  /** Topics whose metadata the producer has: sending to them does not block. */
  private final Set<String> known = ConcurrentHashMap.newKeySet();

  /** Lookups under way, by topic. */
  private final Map<String, CompletableFuture<Void>> underWay = new ConcurrentHashMap<>();

  /** Lookups that failed and were not yet taken, by topic. */
  private final Map<String, Exception> failures = new ConcurrentHashMap<>();

  /** Looks topics up on a daemon thread of its own, {@code transaction-topic-lookup}. */
  TopicLookups(Producer<byte[], byte[]> producer) {
    this(
        producer,
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "transaction-topic-lookup");
              thread.setDaemon(true);
              return thread;
            }));
  }

  /** Looks topics up on {@code executor} (tests: one that runs them at once). */
  TopicLookups(Producer<byte[], byte[]> producer, Executor executor) {
    this.producer = producer;
    this.executor = executor;
  }

  /** Whether {@code topic} is known; if not, its lookup is started unless under way. */
  boolean known(String topic) {
    if (known.contains(topic)) {
      return true;
    }
    lookUp(topic);
    return known.contains(topic);
  }

  /**
   * The lookups that failed since the last call, by topic; one failing while the caller uses these
   * is in the next.
   */
  Map<String, Exception> takeFailures() {
    Map<String, Exception> taken = new HashMap<>(failures);
    failures.keySet().removeAll(taken.keySet());
    return taken;
  }

  /** Waits, at most {@code timeout}, for the lookups under way. */
  void await(Duration timeout) {
    try {
      CompletableFuture.allOf(underWay.values().toArray(CompletableFuture[]::new))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      log.warn("Topics still being looked up after {}: {}", timeout, e.toString());
    }
  }

  private void lookUp(String topic) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (underWay.putIfAbsent(topic, done) != null) {
      return;
    }
    Runnable finished =
        () -> {
          underWay.remove(topic, done);
          done.complete(null);
        };
    try {
      executor.execute(
          () -> {
            try {
              producer.partitionsFor(topic);
              known.add(topic);
            } catch (KafkaException e) {
              failures.put(topic, e);
            } finally {
              finished.run();
            }
          });
    } catch (RejectedExecutionException e) {
      finished.run();
    }
  }
}
