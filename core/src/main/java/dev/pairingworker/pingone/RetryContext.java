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
 * @param notFoundGraceEnd for a get or delete of a key this worker created moments ago: until when
 *     a 404 may be replication lag rather than the key's absence (retried until then); null when a
 *     404 is final
 */
public record RetryContext(Op op, int attempt, Instant firstAttemptAt, Instant notFoundGraceEnd) {
  public RetryContext {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(firstAttemptAt, "firstAttemptAt");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
    }
  }

  /** A context in which a 404 is final. */
  public RetryContext(Op op, int attempt, Instant firstAttemptAt) {
    this(op, attempt, firstAttemptAt, null);
  }
}
