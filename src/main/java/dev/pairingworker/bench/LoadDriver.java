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
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Produces a workload as fast as the producer takes it and waits for every reply. A command's
 * latency runs from just before its send to the moment the client's reply listener hands over its
 * reply.
 */
final class LoadDriver {
  private final CommandClient client;
  private final ObjectMapper json = Json.mapper();

  LoadDriver(CommandClient client) {
    this.client = client;
  }

  /**
   * What one drive saw.
   *
   * @param firstSendNanos {@link System#nanoTime()} of the first send
   * @param lastReplyNanos {@link System#nanoTime()} of the last reply received
   * @param latencyNanos produce-to-reply time of each answered command
   * @param repliesByStatus replies by their {@code status} field
   * @param unanswered commands without a reply when the timeout ran out
   */
  record Result(
      long firstSendNanos,
      long lastReplyNanos,
      long[] latencyNanos,
      Map<String, Long> repliesByStatus,
      int unanswered) {

    Duration elapsed() {
      return Duration.ofNanos(Math.max(1, lastReplyNanos - firstSendNanos));
    }
  }

  Result drive(Workload workload, Duration timeout) throws InterruptedException {
    List<Workload.PlannedCommand> commands = workload.commands();
    long[] sentAt = new long[commands.size()];
    List<CompletableFuture<Received>> replies = new ArrayList<>(commands.size());
    for (Workload.PlannedCommand command : commands) {
      // Registered before the send, so no reply arrives unclaimed; the stamp is taken on the
      // listener thread.
      replies.add(
          client.reply(command.key()).thenApply(record -> new Received(record, System.nanoTime())));
    }
    long firstSend = System.nanoTime();
    for (int i = 0; i < commands.size(); i++) {
      sentAt[i] = System.nanoTime();
      client.send(commands.get(i).key(), commands.get(i).json(), Map.of());
    }
    awaitAll(replies, timeout);
    return result(firstSend, sentAt, replies);
  }

  private static void awaitAll(List<CompletableFuture<Received>> replies, Duration timeout)
      throws InterruptedException {
    try {
      CompletableFuture.allOf(replies.toArray(CompletableFuture<?>[]::new))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // reported as unanswered commands
    } catch (ExecutionException e) {
      throw new IllegalStateException("the reply listener failed", e.getCause());
    }
  }

  /** A reply and when it was received. */
  private record Received(ConsumerRecord<byte[], byte[]> record, long atNanos) {}

  private Result result(long firstSend, long[] sentAt, List<CompletableFuture<Received>> replies) {
    long[] latencies = new long[sentAt.length];
    int answered = 0;
    long lastReply = firstSend;
    Map<String, Long> byStatus = new TreeMap<>();
    for (int i = 0; i < sentAt.length; i++) {
      Received reply = replies.get(i).getNow(null);
      if (reply == null) {
        continue;
      }
      latencies[answered++] = reply.atNanos() - sentAt[i];
      lastReply = Math.max(lastReply, reply.atNanos());
      byStatus.merge(status(reply.record()), 1L, Long::sum);
    }
    return new Result(
        firstSend,
        lastReply,
        Arrays.copyOf(latencies, answered),
        byStatus,
        sentAt.length - answered);
  }

  private String status(ConsumerRecord<byte[], byte[]> reply) {
    try {
      return json.readTree(reply.value()).path("status").asText("UNREADABLE");
    } catch (IOException e) {
      return "UNREADABLE";
    }
  }
}
