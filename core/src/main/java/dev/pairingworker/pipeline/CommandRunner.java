package dev.pairingworker.pipeline;

import dev.pairingworker.command.Command;
import dev.pairingworker.command.ExternalIds;
import dev.pairingworker.command.Reply;
import dev.pairingworker.delivery.Delivery;
import dev.pairingworker.logging.CommandLogContext;
import dev.pairingworker.metrics.WorkerMetrics;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher's work: one valid command from the head of its user's lane to its reply. The
 * command runs past the {@link LedgerStep} and the {@link PingOneStep}; its reply goes to the
 * {@link Delivery}, which releases the record's offset once the reply is handed over as the
 * guarantee requires and the ledger entry is acknowledged.
 */
public final class CommandRunner {
  private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);

  private final LedgerStep steps;
  private final Delivery delivery;
  private final Outputs outputs;
  private final WorkerMetrics metrics;
  private final PartitionTenures tenures = new PartitionTenures();

  public CommandRunner(
      LedgerStep steps, Delivery delivery, Outputs outputs, WorkerMetrics metrics) {
    this.steps = steps;
    this.delivery = delivery;
    this.outputs = outputs;
    this.metrics = metrics;
  }

  /**
   * Runs {@code command}; the future completes when it no longer needs its place in the dispatcher
   * (its reply is handed over, or it was abandoned).
   */
  public CompletableFuture<Void> run(Command command) {
    return steps
        .execute(CommandRun.within(command, tenures))
        // A create's reply goes out once its COMPLETED entry is acknowledged: a worker that dies
        // after a requester saw the reply must leave a ledger that replays it, not one that says
        // STARTED, which would call PingOne again and answer a second time with another key.
        .thenCompose(outcome -> outcome.recorded().handle((acknowledged, failure) -> outcome))
        .thenAccept(
            outcome -> {
              Reply reply = outcome.reply();
              logOutcome(command, reply);
              metrics.commandAnswered(reply.op(), reply.status());
              countAmbiguous(reply);
              delivery.deliver(
                  command.source(),
                  List.of(outputs.reply(command.route(), reply)),
                  outcome.recorded());
            });
  }

  Delivery delivery() {
    return delivery;
  }

  Outputs outputs() {
    return outputs;
  }

  PartitionTenures tenures() {
    return tenures;
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
