package dev.pairingworker.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairingworker.command.Command;
import dev.pairingworker.command.ExternalIds;
import dev.pairingworker.command.Reply;
import dev.pairingworker.logging.CommandLogContext;
import dev.pairingworker.pingone.Abandoned;
import dev.pairingworker.pingone.Failures;
import dev.pairingworker.pingone.PingOneCaller;
import dev.pairingworker.pingone.PingOneRequest;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PingOne step of the pipeline: calls PingOne for one valid command and turns how the call
 * ended into its reply.
 */
public final class PingOneStep {
  private static final Logger log = LoggerFactory.getLogger(PingOneStep.class);

  private final PingOneCaller caller;
  private final ObjectMapper json;
  private final ReplyFactory replies;
  private final Clock clock;

  /**
   * @param includeCode whether replies keep the pairing key's secret {@code code} ({@code
   *     worker.reply.include-code})
   */
  public PingOneStep(PingOneCaller caller, ObjectMapper json, Clock clock, boolean includeCode) {
    this.caller = caller;
    this.json = json;
    this.replies = new ReplyFactory(json, includeCode);
    this.clock = clock;
  }

  /**
   * Runs the command, or answers EXPIRED without calling PingOne when its {@code expiresAt} has
   * passed. The expiry is checked when the command reaches the head of its user's lane, just before
   * the call. When the run is abandoned before the command is answered, it stops without a reply
   * and the future fails with {@link Abandoned}.
   */
  public CompletableFuture<Reply> execute(CommandRun run) {
    Command command = run.command();
    Instant started = clock.instant();
    if (command.expiresAt() != null && !started.isBefore(command.expiresAt())) {
      return CompletableFuture.completedFuture(replies.expired(command, started, started));
    }
    return caller
        .call(PingOneRequest.of(command, body(command)), run)
        .thenApply(
            result ->
                replies.of(
                    command,
                    result.afterAmbiguousAttempts(run.earlierAmbiguousAttempts()),
                    started,
                    clock.instant()))
        .exceptionally(failure -> answerFailure(command, failure, started));
  }

  /**
   * The answer to a create that the ledger saw start but never complete, under {@code
   * pingone.retry.ambiguous-create=answer}: FAILED, OUTCOME_UNKNOWN, PingOne not called.
   */
  public Reply unfinishedCreate(Command command) {
    return replies.unfinished(command, clock.instant());
  }

  /**
   * A bug must still produce an answer, never a record that silently gets none; abandonment stays
   * silent.
   */
  private Reply answerFailure(Command command, Throwable failure, Instant started) {
    Throwable cause = Failures.unwrap(failure);
    if (cause instanceof Abandoned abandoned) {
      throw abandoned;
    }
    CommandLogContext.of(command, null)
        .run(
            () ->
                log.error(
                    "Bug while executing transaction {}",
                    ExternalIds.forHeader(command.transactionId()),
                    cause));
    return replies.internalError(command, cause, started, clock.instant());
  }

  private byte[] body(Command command) {
    if (command.body() == null) {
      return null;
    }
    try {
      return json.writeValueAsBytes(command.body());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
