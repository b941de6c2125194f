package dev.pairingworker.pingone;

import dev.pairingworker.command.Op;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a command stands when an attempt ends.
 *
 * @param attempt the number of the attempt that just ended, from 1
 * @param firstAttemptAt when the command's first attempt started, which the total time budget
 *     counts from
 */
public record RetryContext(Op op, int attempt, Instant firstAttemptAt) {
  public RetryContext {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(firstAttemptAt, "firstAttemptAt");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
    }
  }
}
