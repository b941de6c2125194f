package dev.pairingworker.kafka;

import dev.pairingworker.command.Command;
import dev.pairingworker.command.CommandDecoder;
import dev.pairingworker.command.Decoded;
import dev.pairingworker.command.Reply;
import dev.pairingworker.command.ReplyStatus;
import dev.pairingworker.dispatch.Dispatcher;
import dev.pairingworker.dispatch.OffsetTracker;
import dev.pairingworker.ledger.LedgeredExecutor;
import dev.pairingworker.logging.CommandLogContext;
import dev.pairingworker.metrics.WorkerMetrics;
import dev.pairingworker.pingone.ExternalIds;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to one polled record: a valid command goes to the dispatcher, an invalid one is
 * answered REJECTED and dead-lettered at once. Either way the output goes to {@link Answers}, which
 * releases the record's offset for commit once its output is acknowledged (at-least-once) or in the
 * outbox of the transaction that will commit it (exactly-once).
 */
public final class RecordHandler {
  private static final Logger log = LoggerFactory.getLogger(RecordHandler.class);

  private final CommandDecoder decoder;
  private final OffsetTracker offsets;
  private final ReplyPublisher publisher;
  private final Answers answers;
  private final DeadLetters deadLetters;
  private final LedgeredExecutor executor;
  private final WorkerMetrics metrics;
  private final Clock clock;
  private final Dispatcher dispatcher;

  /**
   * Bumped when a partition is revoked: commands started under an older generation are abandoned.
   */
  private final Map<TopicPartition, Integer> generations = new ConcurrentHashMap<>();

  public RecordHandler(
      CommandDecoder decoder,
      OffsetTracker offsets,
      ReplyPublisher publisher,
      Answers answers,
      DeadLetters deadLetters,
      LedgeredExecutor executor,
      WorkerMetrics metrics,
      Clock clock,
      int maxInFlight) {
    this.decoder = decoder;
    this.offsets = offsets;
    this.publisher = publisher;
    this.answers = answers;
    this.deadLetters = deadLetters;
    this.executor = executor;
    this.metrics = metrics;
    this.clock = clock;
    this.dispatcher = new Dispatcher(maxInFlight, this::run);
  }

  public Dispatcher dispatcher() {
    return dispatcher;
  }

  /**
   * Stops work for partitions this worker is losing: their commands that are not on the wire now
   * stop without a reply (their records stay uncommitted), and queued ones never start.
   */
  public int revoke(Collection<TopicPartition> partitions) {
    partitions.forEach(tp -> generations.merge(tp, 1, Integer::sum));
    return dispatcher.dropQueued(new HashSet<>(partitions));
  }

  /** Takes a record polled from the commands topic. Never blocks on PingOne. */
  public void handle(ConsumerRecord<byte[], byte[]> record) {
    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
    offsets.track(tp, record.offset());
    answers.polled(tp, record.offset());
    Decoded decoded = decoder.decode(record);
    if (decoded instanceof Decoded.Accepted accepted) {
      dispatcher.submit(accepted.command());
    } else {
      reject(record, (Decoded.Rejected) decoded);
    }
  }

  private void reject(ConsumerRecord<byte[], byte[]> record, Decoded.Rejected rejected) {
    CommandLogContext.ofRejected(rejected.transactionId(), rejected.op())
        .run(
            () ->
                log.warn(
                    "Rejected record {}-{}@{} (transaction {}): {} {}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    rejected.transactionId() == null
                        ? "-"
                        : ExternalIds.sanitise(rejected.transactionId()),
                    rejected.rejection().code(),
                    rejected.rejection().target(),
                    rejected.rejection().message()));
    metrics.commandAnswered(rejected.op(), ReplyStatus.REJECTED);
    metrics.deadLettered(rejected.rejection().code());
    List<Output> output = new ArrayList<>();
    output.add(new Output(deadLetters.of(record, rejected.rejection()), false));
    if (rejected.route().key() != null) {
      Reply reply = Reply.rejected(rejected, clock.instant());
      output.add(new Output(publisher.replyRecord(rejected.route(), reply), true));
    }
    answers.answer(rejected.source(), output, CompletableFuture.completedFuture(null));
  }

  /**
   * The dispatcher's work: execute (past the ledger), then hand the reply over, which frees the
   * slot. The offset is released when the reply is handed over as {@link Answers} requires and the
   * ledger entry is acknowledged.
   */
  private CompletableFuture<Void> run(Command command) {
    TopicPartition tp = new TopicPartition(command.source().topic(), command.source().partition());
    int generation = generations.getOrDefault(tp, 0);
    return executor
        .execute(command, () -> generations.getOrDefault(tp, 0) != generation)
        .thenAccept(
            outcome -> {
              Reply reply = outcome.reply();
              logOutcome(command, reply);
              metrics.commandAnswered(reply.op(), reply.status());
              countAmbiguous(reply);
              Output out = new Output(publisher.replyRecord(command.route(), reply), true);
              answers.answer(command.source(), List.of(out), outcome.recorded());
            });
  }

  private void countAmbiguous(Reply reply) {
    if (Boolean.TRUE.equals(reply.replay())) {
      return; // counted when it first happened
    }
    if (Boolean.TRUE.equals(reply.outcomeUnknown())) {
      metrics.ambiguousOutcome("answered");
    }
    for (int i = 0; reply.ambiguousAttempts() != null && i < reply.ambiguousAttempts(); i++) {
      metrics.ambiguousOutcome("retried");
    }
  }

  private static void logOutcome(Command command, Reply reply) {
    CommandLogContext.of(command, reply.pingOneCorrelationId())
        .run(
            () ->
                log.info(
                    "{} {} user {} in {}: {} (HTTP {}, {} attempts, PingOne Correlation-Id {})",
                    ExternalIds.sanitise(command.transactionId()),
                    command.op().wireName(),
                    command.userId(),
                    command.environmentId(),
                    reply.status(),
                    reply.httpStatus(),
                    reply.attempts(),
                    reply.pingOneCorrelationId()));
  }
}
