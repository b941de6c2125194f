package dev.pairingworker.execute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairingworker.command.Command;
import dev.pairingworker.command.Reply;
import dev.pairingworker.logging.CommandLogContext;
import dev.pairingworker.pingone.Abandoned;
import dev.pairingworker.pingone.ExternalIds;
import dev.pairingworker.pingone.Failures;
import dev.pairingworker.pingone.PingOneCaller;
import dev.pairingworker.pingone.PingOneRequest;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Executes one valid command against PingOne and builds its reply. */
public final class CommandExecutor {
  private static final Logger log = LoggerFactory.getLogger(CommandExecutor.class);

  private final PingOneCaller caller;
  private final ObjectMapper json;
  private final Replies replies;
  private final Clock clock;

  /** An executor whose replies carry the pairing code. */
  public CommandExecutor(PingOneCaller caller, ObjectMapper json, Clock clock) {
    this(caller, json, clock, true);
  }

  /**
   * @param includeCode whether replies keep the pairing key's secret {@code code} ({@code
   *     worker.reply.include-code})
   */
  public CommandExecutor(
      PingOneCaller caller, ObjectMapper json, Clock clock, boolean includeCode) {
    this.caller = caller;
    this.json = json;
    this.replies = new Replies(json, includeCode);
    this.clock = clock;
  }

  /**
   * Runs the command, or answers EXPIRED without calling PingOne when its {@code expiresAt} has
   * passed. The expiry is checked when the command reaches the head of its user's lane, just before
   * the call.
   */
  public CompletableFuture<Reply> execute(Command command) {
    return execute(command, () -> false);
  }

  /**
   * As {@link #execute(Command)}; when {@code abandoned} turns true before the command is answered,
   * it stops without a reply and the future fails with {@link Abandoned}.
   */
  public CompletableFuture<Reply> execute(Command command, BooleanSupplier abandoned) {
    return execute(command, abandoned, null);
  }

  /**
   * As {@link #execute(Command, BooleanSupplier)}; {@code beforeFirstSend} (may be null) runs once
   * the command holds a call slot, and its first request waits for it (see {@link
   * PingOneCaller#call(PingOneRequest, BooleanSupplier, Supplier)}).
   */
  public CompletableFuture<Reply> execute(
      Command command,
      BooleanSupplier abandoned,
      Supplier<CompletableFuture<Void>> beforeFirstSend) {
    Instant started = clock.instant();
    if (command.expiresAt() != null && !started.isBefore(command.expiresAt())) {
      return CompletableFuture.completedFuture(replies.expired(command, started, started));
    }
    return caller
        .call(PingOneRequest.of(command, body(command)), abandoned, beforeFirstSend)
        .thenApply(result -> replies.of(command, result, started, clock.instant()))
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
