package dev.pairingworker.pingone;

import dev.pairingworker.command.Op;
import java.util.Set;

/**
 * Classifies how an attempt ended, for the retry policy, the reply builder and metrics alike, so
 * they cannot disagree about what is retryable or ambiguous.
 */
public final class Outcomes {
  /** Reason for an attempt that got no HTTP answer. */
  public static final String IO_ERROR = "io_error";

  /** Reason for an attempt that could not get a token, so made no API call. */
  public static final String TOKEN_UNAVAILABLE = "token_unavailable";

  /** Ping's published guidance: these, and only these, statuses are worth another attempt. */
  private static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

  /**
   * A gateway that timed out (504) or got no valid answer upstream (502) may have passed the
   * request on; PingOne itself answering 500 or 503 is taken to mean nothing was created.
   */
  private static final Set<Integer> AMBIGUOUS_STATUSES = Set.of(502, 504);

  private Outcomes() {}

  /**
   * A metric-tag-friendly name for how the attempt ended: {@code status_503}, {@code io_error} or
   * {@code token_unavailable}.
   */
  public static String reason(CallOutcome outcome) {
    if (outcome instanceof CallOutcome.Answered answered) {
      return "status_" + answered.response().status();
    }
    return outcome instanceof CallOutcome.NoAnswer ? IO_ERROR : TOKEN_UNAVAILABLE;
  }

  /**
   * Whether a create may have happened although the worker cannot tell: the request may have
   * reached PingOne but no trustworthy answer came back. Reads and deletes are never ambiguous:
   * repeating them is harmless.
   */
  public static boolean isAmbiguous(Op op, CallOutcome outcome) {
    if (op != Op.CREATE) {
      return false;
    }
    if (outcome instanceof CallOutcome.NoAnswer noAnswer) {
      return noAnswer.mayHaveReachedPingOne();
    }
    return outcome instanceof CallOutcome.Answered answered
        && AMBIGUOUS_STATUSES.contains(answered.response().status());
  }

  /** Whether the answer was a success (2xx). */
  public static boolean isSuccess(CallOutcome outcome) {
    return outcome instanceof CallOutcome.Answered answered && answered.response().isSuccess();
  }

  /**
   * Whether another attempt could end differently: a retryable status, any failure to get an
   * answer, or a token failure that may heal (unreachable, 408, 429, 5xx). A 401 reaching here has
   * already been retried once with a fresh token; a token endpoint's 400 or 401 means bad
   * credentials.
   */
  public static boolean isTransient(CallOutcome outcome) {
    if (outcome instanceof CallOutcome.Answered answered) {
      return RETRYABLE_STATUSES.contains(answered.response().status());
    }
    if (outcome instanceof CallOutcome.NoToken noToken) {
      int status = noToken.cause().httpStatus();
      return status == 0 || status == 408 || status == 429 || status >= 500;
    }
    return true;
  }
}
