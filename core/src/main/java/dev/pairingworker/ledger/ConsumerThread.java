package dev.pairingworker.ledger;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * A Kafka consumer confined to a thread of its own (a consumer is not thread-safe): work handed to
 * it runs there, in order, with the consumer, which is made on first use and closed last.
 */
final class ConsumerThread {
  private final Supplier<KafkaConsumer<byte[], byte[]>> consumers;
  private final ExecutorService thread;
  private KafkaConsumer<byte[], byte[]> consumer; // confined to the thread

  ConsumerThread(String name, Supplier<KafkaConsumer<byte[], byte[]>> consumers) {
    this.consumers = consumers;
    this.thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Runs {@code work} on the thread; the future completes when it has, or fails with its error or,
   * once closed, with a {@link RejectedExecutionException}.
   */
  CompletableFuture<Void> run(Consumer<KafkaConsumer<byte[], byte[]>> work) {
    try {
      return CompletableFuture.runAsync(() -> work.accept(consumer()), thread);
    } catch (RejectedExecutionException closed) {
      return CompletableFuture.failedFuture(closed);
    }
  }

  /**
   * Runs {@code work} on the thread for {@code request}, an answer the work completes: {@code
   * request} fails if the work cannot run (closed) or throws.
   */
  void serve(CompletableFuture<?> request, Consumer<KafkaConsumer<byte[], byte[]>> work) {
    run(work)
        .exceptionally(
            failure -> {
              request.completeExceptionally(failure);
              return null;
            });
  }

  /** Closes the consumer after the work already handed over; safe to call more than once. */
  synchronized void close() {
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

  private KafkaConsumer<byte[], byte[]> consumer() {
    if (consumer == null) {
      consumer = consumers.get();
    }
    return consumer;
  }
}
