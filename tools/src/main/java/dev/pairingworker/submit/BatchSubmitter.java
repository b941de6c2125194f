package dev.pairingworker.submit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pairingworker.client.CommandClient;
import dev.pairingworker.command.Json;
import dev.pairingworker.command.Op;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * Sends one command per row and, when asked, collects the replies into the results file. A row is
 * sent at most once across runs of the same input: rows answered in the results file, answered on
 * the reply topic, or already on the commands topic are not sent again.
 */
public final class BatchSubmitter {
  private static final Duration SCAN_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration SEND_TIMEOUT = Duration.ofMinutes(2);

  private final Map<String, Object> kafka;
  private final String commandsTopic;
  private final String repliesTopic;
  private final PrintStream out;
  private final Clock clock;
  private final ObjectMapper json = Json.mapper();

  public BatchSubmitter(
      Map<String, Object> kafka,
      String commandsTopic,
      String repliesTopic,
      PrintStream out,
      Clock clock) {
    this.kafka = kafka;
    this.commandsTopic = commandsTopic;
    this.repliesTopic = repliesTopic;
    this.out = out;
    this.clock = clock;
  }

  /** Submits the file's valid rows; the tally says how they ended. */
  public Tally submit(BatchFile file, SubmitOptions options)
      throws IOException, InterruptedException {
    Tally tally = new Tally();
    file.invalid().forEach(row -> out.println("not sent: " + row));
    tally.invalid(file.invalid().size());
    Map<String, String> earlier =
        options.await() ? ResultsFile.earlierStatuses(options.results()) : Map.of();
    Map<String, SubmitRow> pending = new LinkedHashMap<>();
    for (SubmitRow row : file.rows()) {
      String status = earlier.get(row.transactionId());
      if (status == null) {
        pending.put(row.transactionId(), row);
      } else {
        tally.resumed(status);
      }
    }
    out.printf(
        "run %s: %d %s rows, %d invalid%s%n",
        file.runId(),
        file.rows().size(),
        options.op().wireName(),
        file.invalid().size(),
        options.await()
            ? ", " + (file.rows().size() - pending.size()) + " already in " + options.results()
            : "");
    if (!pending.isEmpty()) {
      try (CommandClient client = new CommandClient(kafka, commandsTopic, repliesTopic)) {
        client.awaitListening(SCAN_TIMEOUT);
        submit(client, pending, options, tally);
      }
    }
    return tally;
  }

  private void submit(
      CommandClient client, Map<String, SubmitRow> pending, SubmitOptions options, Tally tally)
      throws IOException, InterruptedException {
    if (!options.await()) {
      pending.keySet().removeAll(earlierSent(pending, options.op(), tally));
      tally.sendFailed(send(client, pending.values(), options));
      return;
    }
    try (ResultsFile results = ResultsFile.open(options.results(), options.includeCodes())) {
      ReplyRecorder replies = new ReplyRecorder(json, results, tally, options.includeCodes());
      Map<String, byte[]> answered =
          ours(scan(repliesTopic, pending.keySet(), "replies"), pending, options.op(), tally);
      for (Map.Entry<String, byte[]> reply : answered.entrySet()) {
        replies.record(reply.getKey(), reply.getValue());
      }
      if (!answered.isEmpty()) {
        out.printf(
            "%d rows were answered after an earlier run stopped; recorded, not sent again%n",
            answered.size());
      }
      pending.keySet().removeAll(answered.keySet());
      Set<String> sent = earlierSent(pending, options.op(), tally);
      // The client keeps every reply it has seen, so listening only now misses none.
      replies.listen(client, pending.keySet());
      List<SubmitRow> toSend =
          pending.values().stream().filter(row -> !sent.contains(row.transactionId())).toList();
      int expected = pending.size() - send(client, toSend, options);
      Progress progress = new Progress(out, options.terminal(), clock, "answered", expected);
      int answers = replies.collect(expected, progress, options.timeout());
      tally.unanswered(pending.size() - answers);
    }
  }

  private Set<String> earlierSent(Map<String, SubmitRow> pending, Op op, Tally tally) {
    Set<String> sent =
        ours(scan(commandsTopic, pending.keySet(), "commands"), pending, op, tally).keySet();
    if (!sent.isEmpty()) {
      out.printf("%d rows were sent by an earlier run; not sending them again%n", sent.size());
    }
    return sent;
  }

  /**
   * The found records for our op. A record with another op means the transaction ID is taken (a
   * {@code --run-id} used for two batches): its row is reported and dropped, neither skipped as
   * done nor sent under an ID that already names another command.
   */
  private Map<String, byte[]> ours(
      Map<String, byte[]> found, Map<String, SubmitRow> pending, Op op, Tally tally) {
    Map<String, byte[]> ours = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> record : found.entrySet()) {
      String foundOp = opOf(record.getValue());
      if (foundOp.isEmpty() || foundOp.equals(op.wireName())) {
        ours.put(record.getKey(), record.getValue());
      } else {
        SubmitRow row = pending.remove(record.getKey());
        tally.invalid(1);
        out.printf(
            "not sent: line %d: transactionId %s was already used for a %s command"
                + " (choose another --run-id)%n",
            row.line(), row.transactionId(), foundOp);
      }
    }
    return ours;
  }

  private String opOf(byte[] value) {
    try {
      return value == null ? "" : json.readTree(value).path("op").asText("");
    } catch (IOException e) {
      return "";
    }
  }

  private Map<String, byte[]> scan(String topic, Set<String> keys, String what) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    try {
      return TopicScan.find(kafka, topic, keys, SCAN_TIMEOUT);
    } catch (KafkaException | IllegalStateException e) {
      out.printf(
          "warning: could not read the %s topic %s for an earlier run's records (%s);"
              + " rows it had sent may be sent again%n",
          what, topic, e.getMessage());
      return Map.of();
    }
  }

  /** Sends the rows and waits for the broker to take them; returns how many it did not. */
  private int send(CommandClient client, Collection<SubmitRow> rows, SubmitOptions options)
      throws InterruptedException {
    if (rows.isEmpty()) {
      return 0;
    }
    Progress progress = new Progress(out, options.terminal(), clock, "sent", rows.size());
    List<CompletableFuture<RecordMetadata>> sends = new ArrayList<>();
    for (SubmitRow row : rows) {
      sends.add(client.send(row.transactionId(), command(row, options.op()), Map.of()));
    }
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < sends.size(); i++) {
      try {
        sends.get(i).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException e) {
        failures.add(String.valueOf(e.getCause() == null ? e : e.getCause()));
      }
      progress.update(i + 1);
    }
    progress.finish(sends.size());
    if (!failures.isEmpty()) {
      out.printf(
          "%d commands could not be sent: %s%n",
          failures.size(), failures.stream().distinct().limit(3).collect(Collectors.joining("; ")));
    }
    return failures.size();
  }

  private String command(SubmitRow row, Op op) {
    ObjectNode command = json.createObjectNode();
    command.put("op", op.wireName());
    command.put("environmentId", row.environmentId());
    command.put("userId", row.userId());
    if (row.pairingKeyId() != null) {
      command.put("pairingKeyId", row.pairingKeyId());
    }
    return command.toString();
  }
}
