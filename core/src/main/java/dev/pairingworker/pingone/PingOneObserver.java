package dev.pairingworker.pingone;

import dev.pairingworker.command.Op;
import java.time.Duration;

/** What the PingOne client reports about its calls; the metrics package implements it. */
public interface PingOneObserver {
  /**
   * One API call ended.
   *
   * @param outcome the HTTP status as text, or {@code io_error} when no response arrived
   */
  void apiCall(Op op, String outcome, Duration elapsed);

  /** A token request ended; {@code outcome} is the HTTP status as text or {@code io_error}. */
  void tokenRequest(String outcome, Duration elapsed);

  /** A failed attempt will be retried; {@code reason} as in {@link RetryDecision.Retry}. */
  default void retry(Op op, String reason) {}

  /**
   * A command's attempts ended without success; {@code reason} as in {@link RetryDecision.GiveUp}.
   */
  default void gaveUp(Op op, String reason, boolean outcomeUnknown) {}

  PingOneObserver NONE =
      new PingOneObserver() {
        @Override
        public void apiCall(Op op, String outcome, Duration elapsed) {}

        @Override
        public void tokenRequest(String outcome, Duration elapsed) {}
      };
}
