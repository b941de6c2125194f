package dev.pairingworker.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pairingworker.command.Command;
import dev.pairingworker.command.Op;
import dev.pairingworker.command.Reply;
import dev.pairingworker.command.ReplyError;
import dev.pairingworker.command.ReplyStatus;
import dev.pairingworker.ledger.Recorded;
import dev.pairingworker.pingone.CallOutcome;
import dev.pairingworker.pingone.CallResult;
import dev.pairingworker.pingone.Outcomes;
import dev.pairingworker.pingone.PingOneResponse;
import dev.pairingworker.pingone.RetryDecision;
import java.io.IOException;
import java.time.Instant;

/** Which reply a command gets for how it ended; {@link ReplyBuilder} puts it together. */
final class ReplyFactory {
  /** PingOne could not be reached (no HTTP answer). */
  static final String PINGONE_UNREACHABLE = "PINGONE_UNREACHABLE";

  /** The worker could not get an access token. */
  static final String TOKEN_UNAVAILABLE = "TOKEN_UNAVAILABLE";

  /** PingOne answered an error without its usual JSON error body. */
  static final String UNEXPECTED_RESPONSE = "UNEXPECTED_RESPONSE";

  /** The command's expiresAt had passed. */
  static final String COMMAND_EXPIRED = "COMMAND_EXPIRED";

  /** A create may or may not have happened, and was not retried (again). */
  static final String OUTCOME_UNKNOWN = "OUTCOME_UNKNOWN";

  /** The worker itself failed; a bug. */
  static final String WORKER_ERROR = "WORKER_ERROR";

  /** A create whose transaction completed before, but whose recorded reply cannot be read. */
  static final String LEDGER_UNAVAILABLE = "LEDGER_UNAVAILABLE";

  private final ObjectMapper json;
  private final boolean includeCode;

  /**
   * @param includeCode false drops the secret {@code code} from {@code pairingKey} ({@code
   *     worker.reply.include-code})
   */
  ReplyFactory(ObjectMapper json, boolean includeCode) {
    this.json = json;
    this.includeCode = includeCode;
  }

  Reply expired(Command command, Instant started, Instant now) {
    ReplyError error =
        ReplyError.worker(
            COMMAND_EXPIRED, "the command expired at " + command.expiresAt() + " before it ran");
    return new ReplyBuilder(command, ReplyStatus.EXPIRED).error(error).build(started, now);
  }

  /**
   * A create the ledger saw start but never complete: an earlier run may or may not have created
   * the key, and it is not called again ({@code pingone.retry.ambiguous-create=answer}).
   */
  Reply unfinished(Command command, Instant now) {
    ReplyError error =
        ReplyError.worker(
            OUTCOME_UNKNOWN,
            "an earlier attempt at this create started but its outcome was never recorded (the"
                + " worker stopped in between): PingOne may or may not have created the key; not"
                + " called again because pingone.retry.ambiguous-create=answer. An unclaimed key"
                + " expires by itself.");
    return new ReplyBuilder(command, ReplyStatus.FAILED)
        .error(error)
        .outcomeUnknown("outcome_unknown")
        .build(now, now);
  }

  /**
   * FAILED {@code LEDGER_UNAVAILABLE}, PingOne not called: the transaction completed before (a
   * pairing key may exist) but its reply could not be replayed.
   */
  static Reply ledgerUnavailable(Command command, Recorded.Unreadable unreadable) {
    ReplyError error =
        ReplyError.worker(
            LEDGER_UNAVAILABLE,
            "this transaction completed before, but its recorded reply could not be read from the"
                + " ledger ("
                + unreadable.reason()
                + "): not called again, so no second pairing key. A key created then, if any,"
                + " stays as it was; an unclaimed key expires by itself.");
    return new ReplyBuilder(command, ReplyStatus.FAILED)
        .error(error)
        .build(unreadable.at(), unreadable.at());
  }

  Reply internalError(Command command, Throwable failure, Instant started, Instant now) {
    ReplyError error =
        ReplyError.worker(WORKER_ERROR, "the worker failed: " + failure.getClass().getSimpleName());
    return new ReplyBuilder(command, ReplyStatus.FAILED).error(error).build(started, now);
  }

  Reply of(Command command, CallResult result, Instant started, Instant now) {
    return fromOutcome(command, result)
        .attempts(result.attempts())
        .retryFacts(result)
        .build(started, now);
  }

  private ReplyBuilder fromOutcome(Command command, CallResult result) {
    CallOutcome outcome = result.outcome();
    if (result.outcomeUnknown()) {
      String why =
          RetryDecision.GiveUp.OUTCOME_UNKNOWN.equals(result.giveUpReason())
              ? "not retried because pingone.retry.ambiguous-create=answer"
              : "no attempt left (" + result.giveUpReason() + ")";
      ReplyError error =
          ReplyError.worker(
              OUTCOME_UNKNOWN,
              "PingOne may or may not have created the key ("
                  + Outcomes.reason(outcome)
                  + "); "
                  + why
                  + ". An unclaimed key expires by itself.");
      ReplyBuilder draft = new ReplyBuilder(command, ReplyStatus.FAILED).error(error);
      return outcome instanceof CallOutcome.Answered a ? draft.answer(a.response()) : draft;
    }
    if (outcome instanceof CallOutcome.Answered answered) {
      return answered(command, answered.response());
    }
    ReplyError error =
        outcome instanceof CallOutcome.NoAnswer noAnswer
            ? ReplyError.worker(
                PINGONE_UNREACHABLE, "no answer from PingOne: " + describe(noAnswer.cause()))
            : ReplyError.worker(
                TOKEN_UNAVAILABLE, ((CallOutcome.NoToken) outcome).cause().getMessage());
    return new ReplyBuilder(command, ReplyStatus.FAILED).error(error);
  }

  private ReplyBuilder answered(Command command, PingOneResponse response) {
    if (response.isSuccess()) {
      ReplyBuilder draft = new ReplyBuilder(command, ReplyStatus.SUCCEEDED).answer(response);
      return command.op() == Op.DELETE ? draft : draft.pairingKey(pairingKey(response.body()));
    }
    if (command.op() == Op.DELETE && response.status() == 404) {
      return new ReplyBuilder(command, ReplyStatus.SUCCEEDED).answer(response).alreadyAbsent();
    }
    return new ReplyBuilder(command, ReplyStatus.FAILED)
        .answer(response)
        .error(pingOneError(response));
  }

  private JsonNode pairingKey(byte[] body) {
    JsonNode key = parse(body);
    if (!includeCode && key instanceof ObjectNode object) {
      object.remove("code");
    }
    return key;
  }

  private ReplyError pingOneError(PingOneResponse response) {
    JsonNode body = parse(response.body());
    if (body == null || !body.path("code").isTextual()) {
      return ReplyError.worker(
          UNEXPECTED_RESPONSE,
          "PingOne answered HTTP " + response.status() + " without an error body");
    }
    JsonNode details = body.get("details");
    return new ReplyError(
        body.get("code").asText(),
        body.path("message").asText(""),
        details == null || details.isNull() ? null : details,
        body.path("id").isTextual() ? body.get("id").asText() : null,
        null);
  }

  private JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      return json.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static String describe(Throwable cause) {
    // Exception messages of java.net.http name the failure, never the request's headers.
    String message = cause.getMessage();
    return message == null
        ? cause.getClass().getSimpleName()
        : cause.getClass().getSimpleName() + ": " + message;
  }
}
