package dev.pairingworker.submit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairingworker.client.CommandClient;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Turns replies into results-file rows as they arrive, flushing each, so an interrupted run keeps
 * every answer it saw.
 */
final class ReplyRecorder {
  private record Arrival(String transactionId, byte[] value) {}

  private static final Duration POLL = Duration.ofMillis(200);

  private final ObjectMapper json;
  private final ResultsFile results;
  private final Tally tally;
  private final boolean includeCodes;
  private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();

  ReplyRecorder(ObjectMapper json, ResultsFile results, Tally tally, boolean includeCodes) {
    this.json = json;
    this.results = results;
    this.tally = tally;
    this.includeCodes = includeCodes;
  }

  /** Queues the reply to each of these transactions when the client sees it. */
  void listen(CommandClient client, Set<String> transactionIds) {
    for (String id : transactionIds) {
      client.reply(id).thenAccept(record -> arrivals.add(new Arrival(id, record.value())));
    }
  }

  /**
   * Records queued replies until {@code expected} arrived or {@code timeout} passed; returns how
   * many arrived.
   */
  int collect(int expected, Progress progress, Duration timeout)
      throws IOException, InterruptedException {
    if (expected == 0) {
      return 0;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    int received = 0;
    while (received < expected) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      Arrival arrival = arrivals.poll(Math.min(left, POLL.toNanos()), TimeUnit.NANOSECONDS);
      if (arrival != null) {
        record(arrival.transactionId(), arrival.value());
        received++;
      }
      progress.update(received);
    }
    progress.finish(received);
    return received;
  }

  /** Writes one reply to the results file and counts it. */
  void record(String transactionId, byte[] value) throws IOException {
    Outcome outcome;
    try {
      outcome = Outcome.fromReply(transactionId, json.readTree(value), includeCodes);
    } catch (IOException e) {
      outcome = new Outcome(transactionId, "FAILED", "", "", "UNREADABLE_REPLY", "", null);
    }
    results.write(outcome);
    results.flush();
    tally.count(outcome.status());
  }
}
