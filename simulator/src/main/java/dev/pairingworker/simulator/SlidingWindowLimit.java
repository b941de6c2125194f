package dev.pairingworker.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * A sliding one-second window: a request is admitted when fewer than the limit were admitted in the
 * second before it. Only admitted requests are remembered, so a client hammering a full window does
 * not push its own recovery further away. Time comes from the caller (the simulator's clock), so a
 * test moves it by hand.
 */
final class SlidingWindowLimit {
  private static final Duration WINDOW = Duration.ofSeconds(1);

  private final ArrayDeque<Instant> admitted = new ArrayDeque<>();

  /** The outcome for one request: admitted, or refused until capacity frees up. */
  sealed interface Decision {}

  record Admitted() implements Decision {}

  /**
   * Refused; {@code retryAfterSeconds} is when the oldest admission leaves the window, at least 1.
   */
  record Refused(int retryAfterSeconds) implements Decision {}

  synchronized Decision tryAcquire(Instant now, int limit) {
    Instant windowStart = now.minus(WINDOW);
    while (!admitted.isEmpty() && !admitted.peekFirst().isAfter(windowStart)) {
      admitted.removeFirst();
    }
    // A limit lowered at runtime leaves extra admissions that simply age out.
    if (admitted.size() < limit) {
      admitted.addLast(now);
      return new Admitted();
    }
    Duration wait = Duration.between(now, admitted.peekFirst().plus(WINDOW));
    return new Refused(ApiErrors.retryAfterSeconds(wait));
  }
}
