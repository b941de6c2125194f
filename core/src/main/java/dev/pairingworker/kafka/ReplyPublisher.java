package dev.pairingworker.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairingworker.command.CommandDecoder;
import dev.pairingworker.command.Reply;
import dev.pairingworker.command.ReplyRoute;
import dev.pairingworker.metrics.WorkerMetrics;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends replies and dead-letter records, and keeps trying until the broker acknowledges them: the
 * record's offset is committed only then. A reply a custom {@code kafka_replyTopic} keeps refusing
 * (missing topic, no permission) goes to the default reply topic after a few attempts, with a
 * header saying why, so one bad header cannot stall its partition.
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
public final class ReplyPublisher {
  /** Header on a reply that could not be delivered to the topic its command asked for. */
  public static final String REDIRECTED_HEADER = "pairing_worker.reply.redirected-from";

  private static final Logger log = LoggerFactory.getLogger(ReplyPublisher.class);
  private static final int REDIRECT_AFTER_ATTEMPTS = 3;
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  /** Reply topics remembered as writable at most (custom ones are bounded by their pattern). */
  private static final int MAX_WRITABLE_TOPICS = 10_000;

  /** Longest wait of {@link #flush()} for sends queued for the first-send pool. */
  private static final Duration FIRST_SENDS_WAIT = Duration.ofSeconds(15);

  /** Threads for sends that may wait for a topic's metadata. */
  private static final int FIRST_SEND_THREADS = 4;

  private final Producer<byte[], byte[]> producer;
  private final ObjectMapper json;
  private final String defaultReplyTopic;
  private final WorkerMetrics metrics;
  private final ScheduledExecutorService retries;
  private final ExecutorService firstSends;

  /** Topics a send went out to (metadata known): sending to them does not block. */
  private final Set<String> writable = ConcurrentHashMap.newKeySet();

  /** The last send queued on {@link #firstSends}, by topic: later ones go after it. */
  private final ConcurrentHashMap<String, CompletableFuture<Void>> queued =
      new ConcurrentHashMap<>();

  private volatile boolean closed;

  public ReplyPublisher(
      Producer<byte[], byte[]> producer,
      ObjectMapper json,
      String defaultReplyTopic,
      WorkerMetrics metrics,
      ScheduledExecutorService retries) {
    this.producer = producer;
    this.json = json;
    this.defaultReplyTopic = defaultReplyTopic;
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

  /** Sends a reply; the future completes when the broker has acknowledged it. */
  public CompletableFuture<Void> reply(ReplyRoute route, Reply reply) {
    return sendReply(replyRecord(route, reply));
  }

  /** The record carrying {@code reply} to its route. */
  public ProducerRecord<byte[], byte[]> replyRecord(ReplyRoute route, Reply reply) {
    RecordHeaders headers = new RecordHeaders();
    if (route.correlationId() != null) {
      headers.add(CommandDecoder.CORRELATION_ID_HEADER, route.correlationId());
    }
    return new ProducerRecord<>(route.topic(), null, route.key(), serialise(reply), headers);
  }

  /**
   * Sends a reply record built by {@link #replyRecord}; after a few refusals of its topic it goes
   * to the default reply topic.
   */
  public CompletableFuture<Void> sendReply(ProducerRecord<byte[], byte[]> reply) {
    return send(reply, true).thenAccept(offset -> {});
  }

  /**
   * Sends any record (dead letters, ledger entries) with the same persistence, always to its own
   * topic and partition.
   */
  public CompletableFuture<Void> send(ProducerRecord<byte[], byte[]> record) {
    return send(record, false).thenAccept(offset -> {});
  }

  /**
   * As {@link #send(ProducerRecord)}; the future holds the offset the broker gave the record (-1
   * when the broker did not say).
   */
  public CompletableFuture<Long> sendForOffset(ProducerRecord<byte[], byte[]> record) {
    return send(record, false);
  }

  private CompletableFuture<Long> send(
      ProducerRecord<byte[], byte[]> record, boolean redirectable) {
    CompletableFuture<Long> acknowledged = new CompletableFuture<>();
    attempt(record, 1, redirectable, acknowledged);
    return acknowledged;
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

  private void attempt(
      ProducerRecord<byte[], byte[]> record,
      int attempt,
      boolean redirectable,
      CompletableFuture<Long> acknowledged) {
    if (closed) {
      acknowledged.completeExceptionally(closedFailure());
      return;
    }
    String topic = record.topic();
    if (writable.contains(topic) && !queued.containsKey(topic)) {
      sendNow(record, attempt, redirectable, acknowledged);
      return;
    }
    CompletableFuture<Void> send =
        queued.compute(
            topic,
            (t, previous) ->
                (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous)
                    .handleAsync(
                        (done, failed) -> {
                          sendNow(record, attempt, redirectable, acknowledged);
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

  private void sendNow(
      ProducerRecord<byte[], byte[]> record,
      int attempt,
      boolean redirectable,
      CompletableFuture<Long> acknowledged) {
    try {
      producer.send(
          record,
          (metadata, failure) -> {
            if (failure == null) {
              acknowledged.complete(metadata.hasOffset() ? metadata.offset() : -1L);
            } else {
              writable.remove(record.topic());
              retryLater(record, attempt, redirectable, acknowledged, failure);
            }
          });
      if (writable.size() < MAX_WRITABLE_TOPICS) {
        writable.add(record.topic());
      }
    } catch (KafkaException e) {
      writable.remove(record.topic());
      retryLater(record, attempt, redirectable, acknowledged, e);
    } catch (RuntimeException e) {
      acknowledged.completeExceptionally(e);
    }
  }

  private static IllegalStateException closedFailure() {
    return new IllegalStateException("the reply publisher is closed");
  }

  private void retryLater(
      ProducerRecord<byte[], byte[]> record,
      int attempt,
      boolean redirectable,
      CompletableFuture<Long> acknowledged,
      Exception failure) {
    metrics.replySendFailed();
    ProducerRecord<byte[], byte[]> next = record;
    if (redirectable && shouldRedirect(record, attempt)) {
      next = redirect(record);
    }
    long delay =
        Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 10));
    log.warn(
        "Could not publish to topic {} (attempt {}): {}; retrying in {} ms",
        record.topic(),
        attempt,
        failure.toString(),
        delay);
    ProducerRecord<byte[], byte[]> toSend = next;
    retries.schedule(
        () -> attempt(toSend, attempt + 1, redirectable, acknowledged),
        delay,
        TimeUnit.MILLISECONDS);
  }

  /** Topics with sends queued for the first-send pool. */
  int topicsQueued() {
    return queued.size();
  }

  /** Whether a reply that failed {@code attempts} times should go to the default topic instead. */
  boolean shouldRedirect(ProducerRecord<byte[], byte[]> reply, int attempts) {
    return attempts >= REDIRECT_AFTER_ATTEMPTS && !reply.topic().equals(defaultReplyTopic);
  }

  /** The reply on the default reply topic, with a header naming the topic that refused it. */
  ProducerRecord<byte[], byte[]> redirect(ProducerRecord<byte[], byte[]> record) {
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    headers.add(REDIRECTED_HEADER, record.topic().getBytes(StandardCharsets.UTF_8));
    return new ProducerRecord<>(defaultReplyTopic, null, record.key(), record.value(), headers);
  }

  private byte[] serialise(Reply reply) {
    try {
      return json.writeValueAsBytes(reply);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
