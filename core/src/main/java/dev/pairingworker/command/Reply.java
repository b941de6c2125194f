package dev.pairingworker.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The answer to one command record; serialised as the reply record's value (see {@code
 * docs/schemas/reply.schema.json}).
 *
 * @param pingOneTransactionId the {@code X-Ping-External-Transaction-ID} sent to PingOne: what its
 *     audit log shows as {@code externalCorrelation.transactionId}
 * @param httpStatus PingOne's status of the last call, when PingOne answered
 * @param pairingKey the resource exactly as PingOne returned it (create, get); it holds the secret
 *     {@code code}
 * @param attempts PingOne API calls made for this command (token requests not counted)
 * @param stopReason why a FAILED command was not tried again: {@code not_retryable}, {@code
 *     max_attempts}, {@code max_total_time}, {@code retry_after_too_long}, {@code outcome_unknown},
 *     {@code token_rejected}
 * @param outcomeUnknown true when a create may or may not have happened and was not retried ({@code
 *     pingone.retry.ambiguous-create=answer}); the reply is FAILED with error OUTCOME_UNKNOWN
 * @param ambiguousAttempts create attempts with an unknown outcome that were retried: each may have
 *     left a second, unclaimed key (it expires)
 * @param alreadyAbsent true for a delete whose key PingOne no longer had (404): still SUCCEEDED
 * @param pingOneCorrelationId PingOne's {@code Correlation-Id} of the last call, for support cases
 * @param durationMs from the command starting (reaching the head of its user's lane) to its reply
 * @param replay true when this reply was republished from the transaction ledger, without calling
 *     PingOne, because the transaction had already completed (a redelivered or re-sent create)
 * @param codeOmitted true when the recorded reply had a pairing {@code code} that the ledger does
 *     not keep: the replay carries the key without it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reply(
    String transactionId,
    String pingOneTransactionId,
    String op,
    ReplyStatus status,
    Integer httpStatus,
    JsonNode pairingKey,
    ReplyError error,
    int attempts,
    String stopReason,
    Boolean outcomeUnknown,
    Integer ambiguousAttempts,
    Boolean alreadyAbsent,
    String pingOneCorrelationId,
    String environmentId,
    String userId,
    String pairingKeyId,
    RecordSource source,
    Instant completedAt,
    Long durationMs,
    Boolean replay,
    Boolean codeOmitted) {

  /** The reply to a record that failed validation. */
  public static Reply rejected(Decoded.Rejected rejected, Instant now) {
    return new Reply(
        rejected.transactionId(),
        null,
        rejected.op(),
        ReplyStatus.REJECTED,
        null,
        null,
        ReplyError.of(rejected.rejection()),
        0,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        rejected.source(),
        now,
        null,
        null,
        null);
  }

  /**
   * This reply as the ledger keeps it: without the pairing key's secret {@code code} (then marked
   * {@code codeOmitted}).
   */
  public Reply withoutCode() {
    if (pairingKey == null || !pairingKey.has("code")) {
      return this;
    }
    ObjectNode key = ((ObjectNode) pairingKey).deepCopy();
    key.remove("code");
    return copy(key, source, replay, Boolean.TRUE);
  }

  /** This recorded reply republished for the command read at {@code from}. */
  public Reply replayedFor(RecordSource from) {
    return copy(pairingKey, from, Boolean.TRUE, codeOmitted);
  }

  private Reply copy(JsonNode key, RecordSource from, Boolean isReplay, Boolean omitted) {
    return new Reply(
        transactionId,
        pingOneTransactionId,
        op,
        status,
        httpStatus,
        key,
        error,
        attempts,
        stopReason,
        outcomeUnknown,
        ambiguousAttempts,
        alreadyAbsent,
        pingOneCorrelationId,
        environmentId,
        userId,
        pairingKeyId,
        from,
        completedAt,
        durationMs,
        isReplay,
        omitted);
  }
}
