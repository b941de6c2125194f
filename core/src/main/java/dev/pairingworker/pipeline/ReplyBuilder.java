package dev.pairingworker.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pairingworker.command.Command;
import dev.pairingworker.command.ExternalIds;
import dev.pairingworker.command.Reply;
import dev.pairingworker.command.ReplyError;
import dev.pairingworker.command.ReplyStatus;
import dev.pairingworker.pingone.CallResult;
import dev.pairingworker.pingone.PingOneResponse;
import java.time.Duration;
import java.time.Instant;

/** A command's reply being put together; {@link #build} makes the record. */
final class ReplyBuilder {
  private final Command command;
  private final ReplyStatus status;
  private Integer httpStatus;
  private String correlationId;
  private JsonNode pairingKey;
  private ReplyError error;
  private int attempts;
  private String stopReason;
  private Boolean outcomeUnknown;
  private Integer ambiguousAttempts;
  private Boolean alreadyAbsent;

  ReplyBuilder(Command command, ReplyStatus status) {
    this.command = command;
    this.status = status;
  }

  /** PingOne's status and Correlation-Id of the last call. */
  ReplyBuilder answer(PingOneResponse response) {
    this.httpStatus = response.status();
    this.correlationId = response.correlationId();
    return this;
  }

  ReplyBuilder pairingKey(JsonNode key) {
    this.pairingKey = key;
    return this;
  }

  ReplyBuilder error(ReplyError error) {
    this.error = error;
    return this;
  }

  ReplyBuilder attempts(int attempts) {
    this.attempts = attempts;
    return this;
  }

  ReplyBuilder alreadyAbsent() {
    this.alreadyAbsent = Boolean.TRUE;
    return this;
  }

  /** The create may or may not have happened and was not retried. */
  ReplyBuilder outcomeUnknown(String stopReason) {
    this.stopReason = stopReason;
    this.outcomeUnknown = Boolean.TRUE;
    return this;
  }

  /**
   * What the retries did: why a FAILED command stopped, and retried attempts of unknown outcome.
   */
  ReplyBuilder retryFacts(CallResult result) {
    if (status == ReplyStatus.FAILED) {
      stopReason = result.giveUpReason();
    }
    if (result.outcomeUnknown()) {
      outcomeUnknown = Boolean.TRUE;
    }
    if (result.ambiguousAttempts() > 0) {
      ambiguousAttempts = result.ambiguousAttempts();
    }
    return this;
  }

  Reply build(Instant started, Instant now) {
    return new Reply(
        command.transactionId(),
        ExternalIds.forHeader(command.transactionId()),
        command.op().wireName(),
        status,
        httpStatus,
        pairingKey,
        error,
        attempts,
        stopReason,
        outcomeUnknown,
        ambiguousAttempts,
        alreadyAbsent,
        correlationId,
        command.environmentId(),
        command.userId(),
        command.pairingKeyId(),
        command.source(),
        now,
        Duration.between(started, now).toMillis(),
        null,
        null);
  }
}
