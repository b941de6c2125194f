package dev.pairingworker.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairingworker.client.CommandClient;
import dev.pairingworker.command.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Produces a workload as fast as the producer takes it and waits for every reply. A command's
 * latency runs from just before its send to the moment the client's reply listener hands over its
 * reply.
 */
final class LoadDriver {
  private final CommandClient client;
  private static final ObjectMapper JSON = Json.mapper();

  LoadDriver(CommandClient client) {
    this.client = client;
  }

  /**
   * What one drive saw.
   *
   * @param firstSendNanos {@link System#nanoTime()} of the first send
   * @param firstReplyNanos {@link System#nanoTime()} of the first reply received
   * @param lastReplyNanos {@link System#nanoTime()} of the last reply received
   * @param latencyNanos produce-to-reply time of each answered command
   * @param repliesByStatus replies by their {@code status} field
   * @param unanswered commands without a reply when the timeout ran out
   */
  record Result(
      long firstSendNanos,
      long firstReplyNanos,
      long lastReplyNanos,
      long[] latencyNanos,
      Map<String, Long> repliesByStatus,
      int unanswered) {

    Duration elapsed() {
      return Duration.ofNanos(Math.max(1, lastReplyNanos - firstSendNanos));
    }
  }

  /** Sends the workload at {@code perSecond} (0: at once) and waits for every reply. */
  Result drive(Workload workload, double perSecond, Duration timeout) throws InterruptedException {
    return send(workload, perSecond).await(timeout);
  }

  /**
   * Sends every command of the workload, {@code perSecond} a second or, with 0, as fast as the
   * producer takes them, without waiting for replies.
   */
  Sent send(Workload workload, double perSecond) throws InterruptedException {
    return send(workload, perSecond, command -> null);
  }

  /**
   * Sends every command at once, each user's to partition {@code user % partitions}, as a producer
   * that keys its partitions by user would: the worker keeps a user's commands in order within a
   * partition only, so with several partitions (and several workers) this is what makes the order
   * check meaningful.
   */
  Sent sendByUser(Workload workload, int partitions) throws InterruptedException {
    return send(workload, 0, command -> command.user() % partitions);
  }

  /** Sends the workload, each command to the partition {@code partition} says (null: its key's). */
  private Sent send(
      Workload workload, double perSecond, Function<Workload.PlannedCommand, Integer> partition)
      throws InterruptedException {
    List<Workload.PlannedCommand> commands = workload.commands();
    long[] sentAt = new long[commands.size()];
    List<CompletableFuture<Received>> replies = new ArrayList<>(commands.size());
    List<CompletableFuture<?>> acks = new ArrayList<>(commands.size());
    for (Workload.PlannedCommand command : commands) {
      // Registered before the send, so no reply arrives unclaimed; the stamp is taken on the
      // listener thread.
      replies.add(
          client.reply(command.key()).thenApply(record -> new Received(record, System.nanoTime())));
    }
    long firstSend = System.nanoTime();
    for (int i = 0; i < commands.size(); i++) {
      if (perSecond > 0) {
        awaitNanoTime(dueNanos(firstSend, i, perSecond));
      }
      sentAt[i] = System.nanoTime();
      Workload.PlannedCommand command = commands.get(i);
      acks.add(client.send(partition.apply(command), command.key(), command.json(), Map.of()));
    }
    return new Sent(firstSend, sentAt, replies, acks);
  }

  /**
   * When command {@code index} of a paced load is due: evenly spaced from {@code startNanos}, so a
   * late send is followed by quicker ones and the mean rate holds.
   */
  static long dueNanos(long startNanos, int index, double perSecond) {
    return startNanos + (long) (index * 1e9 / perSecond);
  }

  private static void awaitNanoTime(long due) throws InterruptedException {
    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
      LockSupport.parkNanos(wait);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }

  /** A workload sent, its replies still coming. */
  static final class Sent {
    private long firstSend;
    private final long[] sentAt;
    private final List<CompletableFuture<Received>> replies;
    private final List<CompletableFuture<?>> acks;

    Sent(
        long firstSend,
        long[] sentAt,
        List<CompletableFuture<Received>> replies,
        List<CompletableFuture<?>> acks) {
      this.firstSend = firstSend;
      this.sentAt = sentAt;
      this.replies = replies;
      this.acks = acks;
    }

    /**
     * Waits until the broker has every command, so that they form a backlog before a worker runs.
     */
    Sent awaitOnBroker(Duration timeout) throws InterruptedException {
      try {
        CompletableFuture.allOf(acks.toArray(CompletableFuture<?>[]::new))
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        throw new IllegalStateException("the backlog could not be produced", e);
      }
      return this;
    }

    /**
     * Starts every command's clock, and the run's, at {@code nanos} instead of at its send: for a
     * backlog produced before the worker started, whose time waiting for a worker is not the
     * worker's.
     */
    Sent clockFrom(long nanos) {
      firstSend = nanos;
      Arrays.fill(sentAt, nanos);
      return this;
    }

    /** Waits for every reply, at most {@code timeout}. */
    Result await(Duration timeout) throws InterruptedException {
      return await(timeout, new CompletableFuture<>());
    }

    /**
     * Waits for every reply, at most {@code timeout}, and no longer once {@code giveUp} completes
     * (a worker process that exited: its missing replies will not come).
     */
    Result await(Duration timeout, CompletableFuture<?> giveUp) throws InterruptedException {
      awaitAll(replies, timeout, giveUp);
      return result(firstSend, sentAt, replies);
    }
  }

  private static void awaitAll(
      List<CompletableFuture<Received>> replies, Duration timeout, CompletableFuture<?> giveUp)
      throws InterruptedException {
    try {
      CompletableFuture.anyOf(
              CompletableFuture.allOf(replies.toArray(CompletableFuture<?>[]::new)), giveUp)
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // reported as unanswered commands
    } catch (ExecutionException e) {
      throw new IllegalStateException("the reply listener failed", e.getCause());
    }
  }

  /** A reply and when it was received. */
  record Received(ConsumerRecord<byte[], byte[]> record, long atNanos) {}

  private static Result result(
      long firstSend, long[] sentAt, List<CompletableFuture<Received>> replies) {
    long[] latencies = new long[sentAt.length];
    int answered = 0;
    long lastReply = firstSend;
    long firstReply = Long.MAX_VALUE;
    Map<String, Long> byStatus = new TreeMap<>();
    for (int i = 0; i < sentAt.length; i++) {
      Received reply = replies.get(i).getNow(null);
      if (reply == null) {
        continue;
      }
      latencies[answered++] = reply.atNanos() - sentAt[i];
      lastReply = Math.max(lastReply, reply.atNanos());
      firstReply = Math.min(firstReply, reply.atNanos());
      byStatus.merge(status(reply.record()), 1L, Long::sum);
    }
    return new Result(
        firstSend,
        answered == 0 ? lastReply : firstReply,
        lastReply,
        Arrays.copyOf(latencies, answered),
        byStatus,
        sentAt.length - answered);
  }

  private static String status(ConsumerRecord<byte[], byte[]> reply) {
    try {
      return JSON.readTree(reply.value()).path("status").asText("UNREADABLE");
    } catch (IOException e) {
      return "UNREADABLE";
    }
  }
}
