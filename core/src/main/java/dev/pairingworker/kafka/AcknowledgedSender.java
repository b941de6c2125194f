package dev.pairingworker.kafka;

import dev.pairingworker.metrics.WorkerMetrics;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records (replies, dead letters, ledger entries) and keeps trying until the broker
 * acknowledges them: a command record's offset is committed only then. A record that has a fallback
 * topic goes there after a few refusals of its own (see {@link OutgoingRecord}), so one bad custom
 * reply topic cannot stall its partition.
 *
 * <p>{@code KafkaProducer.send} blocks its caller for up to {@code max.block.ms} while it waits for
 * the metadata of a topic it has not written to yet, and a missing topic on a broker that does not
 * create topics waits that long every attempt. The callers here are the threads every command
 * completes on (the two common-pool threads, the producer's own I/O thread) and the poll loop, so a
 * send to a topic not yet known to be writable is handed to a small pool ({@code reply-first-send},
 * {@value #FIRST_SEND_THREADS} threads); later sends to the same topic follow it in order until it
 * has been written to, and go out at once afterwards. One topic that never answers holds up only
 * its own records (and at most one of those threads at a time).
 */
public final class AcknowledgedSender {
  private static final Logger log = LoggerFactory.getLogger(AcknowledgedSender.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  /** Reply topics remembered as writable at most (custom ones are bounded by their pattern). */
  private static final int MAX_WRITABLE_TOPICS = 10_000;

  /** Longest wait of {@link #flush()} for sends queued for the first-send pool. */
  private static final Duration FIRST_SENDS_WAIT = Duration.ofSeconds(15);

  /** Threads for sends that may wait for a topic's metadata. */
  private static final int FIRST_SEND_THREADS = 4;

  private final Producer<byte[], byte[]> producer;
  private final WorkerMetrics metrics;
  private final ScheduledExecutorService retries;
  private final ExecutorService firstSends;

  /** Topics a send went out to (metadata known): sending to them does not block. */
  private final Set<String> writable = ConcurrentHashMap.newKeySet();

  /** The last send queued on {@link #firstSends}, by topic: later ones go after it. */
  private final ConcurrentHashMap<String, CompletableFuture<Void>> queued =
      new ConcurrentHashMap<>();

  private volatile boolean closed;

  public AcknowledgedSender(
      Producer<byte[], byte[]> producer, WorkerMetrics metrics, ScheduledExecutorService retries) {
    this.producer = producer;
    this.metrics = metrics;
    this.retries = retries;
    AtomicInteger threads = new AtomicInteger();
    this.firstSends =
        Executors.newFixedThreadPool(
            FIRST_SEND_THREADS,
            r -> {
              Thread thread = new Thread(r, "reply-first-send-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Sends {@code outgoing}, again and again until the broker acknowledges it; the future holds the
   * offset the broker gave the record (-1 when the broker did not say). It fails only when the
   * sender is closed first.
   */
  public CompletableFuture<Long> send(OutgoingRecord outgoing) {
    CompletableFuture<Long> acknowledged = new CompletableFuture<>();
    attempt(outgoing, 1, acknowledged);
    return acknowledged;
  }

  /** As {@link #send(OutgoingRecord)}, for a record that only ever goes to its own topic. */
  public CompletableFuture<Long> send(ProducerRecord<byte[], byte[]> record) {
    return send(OutgoingRecord.of(record));
  }

  /**
   * Blocks until every record sent so far is acknowledged or failed: first those still queued for
   * the first-send pool (at most {@link #FIRST_SENDS_WAIT}: one still waiting for its topic then
   * stays unacknowledged, and its record is redelivered), then the producer's.
   */
  public void flush() {
    CompletableFuture<?>[] waiting = queued.values().toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(waiting).get(FIRST_SENDS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      log.warn("Replies still waiting for their topic's metadata: {}", e.toString());
    }
    producer.flush();
  }

  /**
   * Stops sending: scheduled retries are abandoned and their records stay uncommitted (redelivered
   * later).
   */
  public void close() {
    closed = true;
    firstSends.shutdownNow();
  }

  private void attempt(OutgoingRecord outgoing, int attempt, CompletableFuture<Long> acknowledged) {
    if (closed) {
      acknowledged.completeExceptionally(closedFailure());
      return;
    }
    String topic = outgoing.record().topic();
    if (writable.contains(topic) && !queued.containsKey(topic)) {
      sendNow(outgoing, attempt, acknowledged);
      return;
    }
    CompletableFuture<Void> send =
        queued.compute(
            topic,
            (t, previous) ->
                (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous)
                    .handleAsync(
                        (done, failed) -> {
                          sendNow(outgoing, attempt, acknowledged);
                          return null;
                        },
                        firstSends));
    send.whenComplete(
        (done, failed) -> {
          queued.remove(topic, send);
          if (failed != null) { // the pool was shut down: the publisher is closed
            acknowledged.completeExceptionally(closedFailure());
          }
        });
  }

  private void sendNow(OutgoingRecord outgoing, int attempt, CompletableFuture<Long> acknowledged) {
    ProducerRecord<byte[], byte[]> record = outgoing.record();
    try {
      producer.send(
          record,
          (metadata, failure) -> {
            if (failure == null) {
              acknowledged.complete(metadata.hasOffset() ? metadata.offset() : -1L);
            } else {
              writable.remove(record.topic());
              retryLater(outgoing, attempt, acknowledged, failure);
            }
          });
      if (writable.size() < MAX_WRITABLE_TOPICS) {
        writable.add(record.topic());
      }
    } catch (KafkaException e) {
      writable.remove(record.topic());
      retryLater(outgoing, attempt, acknowledged, e);
    } catch (RuntimeException e) {
      acknowledged.completeExceptionally(e);
    }
  }

  private static IllegalStateException closedFailure() {
    return new IllegalStateException("the sender is closed");
  }

  private void retryLater(
      OutgoingRecord outgoing,
      int attempt,
      CompletableFuture<Long> acknowledged,
      Exception failure) {
    metrics.replySendFailed();
    OutgoingRecord next = outgoing.redirectDue(attempt) ? outgoing.redirected() : outgoing;
    long delay =
        Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 10));
    log.warn(
        "Could not publish to topic {} (attempt {}): {}; retrying in {} ms",
        outgoing.record().topic(),
        attempt,
        failure.toString(),
        delay);
    retries.schedule(() -> attempt(next, attempt + 1, acknowledged), delay, TimeUnit.MILLISECONDS);
  }

  /** Topics with sends queued for the first-send pool. */
  int topicsQueued() {
    return queued.size();
  }
}
