package dev.pairingworker.pipeline;

import dev.pairingworker.command.Command;
import dev.pairingworker.command.ExternalIds;
import dev.pairingworker.command.Op;
import dev.pairingworker.command.Reply;
import dev.pairingworker.config.AmbiguousCreate;
import dev.pairingworker.ledger.Ledger;
import dev.pairingworker.ledger.Recorded;
import dev.pairingworker.metrics.WorkerMetrics;
import dev.pairingworker.pingone.Abandoned;
import dev.pairingworker.pingone.Failures;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger step of the pipeline, in front of the {@link PingOneStep}. A create whose transaction
 * completed is answered with its recorded reply (a replay, PingOne not called), or FAILED {@code
 * LEDGER_UNAVAILABLE} when that reply cannot be read back; one that started but never completed
 * follows {@code pingone.retry.ambiguous-create} (retried by default, its earlier start counted as
 * one ambiguous attempt in the reply); a new one is marked STARTED (acknowledged) once it holds a
 * call slot, before its first request, and COMPLETED with its reply. Get and delete are safe to
 * repeat and bypass the ledger.
 */
public final class LedgerStep {
  private static final Logger log = LoggerFactory.getLogger(LedgerStep.class);

  private final Ledger ledger;
  private final PingOneStep pingOne;
  private final AmbiguousCreate unfinished;
  private final WorkerMetrics metrics;

  /** Creates past the ledger lookup whose outcome is not recorded yet; guarded by this. */
  private int unrecorded;

  public LedgerStep(
      Ledger ledger, PingOneStep pingOne, AmbiguousCreate unfinished, WorkerMetrics metrics) {
    this.ledger = ledger;
    this.pingOne = pingOne;
    this.unfinished = unfinished;
    this.metrics = metrics;
  }

  /**
   * The command's reply and the acknowledgement of its ledger entry: the record's offset may be
   * committed only once both the reply and {@code recorded} are acknowledged.
   */
  public record Outcome(Reply reply, CompletableFuture<Void> recorded) {
    static Outcome unrecorded(Reply reply) {
      return new Outcome(reply, CompletableFuture.completedFuture(null));
    }
  }

  /** As {@link PingOneStep#execute(CommandRun)}, past the ledger. */
  public CompletableFuture<Outcome> execute(CommandRun run) {
    Command command = run.command();
    if (!ledger.enabled() || command.op() != Op.CREATE) {
      return pingOne.execute(run).thenApply(Outcome::unrecorded);
    }
    return ledger.lookup(command).thenCompose(known -> execute(run, known));
  }

  private CompletableFuture<Outcome> execute(CommandRun run, Recorded known) {
    Command command = run.command();
    if (known instanceof Recorded.Completed completed) {
      metrics.ledgerReplay();
      log.info(
          "Transaction {} already completed: its reply is replayed, PingOne is not called",
          ExternalIds.sanitise(command.transactionId()));
      Reply replay = completed.reply().replayedFor(command.source());
      return CompletableFuture.completedFuture(Outcome.unrecorded(replay));
    }
    if (known instanceof Recorded.Unreadable unreadable) {
      // Running it again would create a second key without telling anyone; the ledger entry is
      // left as it is, so a later repeat tries the replay again.
      return CompletableFuture.completedFuture(
          Outcome.unrecorded(ReplyFactory.ledgerUnavailable(command, unreadable)));
    }
    if (known instanceof Recorded.Started) {
      metrics.unfinishedCreate(unfinished.name().toLowerCase(Locale.ROOT));
      log.warn(
          "Create {} started before but never completed (the worker stopped in between): {}",
          ExternalIds.sanitise(command.transactionId()),
          unfinished == AmbiguousCreate.ANSWER ? "answered OUTCOME_UNKNOWN" : "called again");
      if (unfinished == AmbiguousCreate.ANSWER) {
        Reply reply = pingOne.unfinishedCreate(command);
        return CompletableFuture.completedFuture(
            new Outcome(reply, ledger.completed(command, reply)));
      }
      run.resumesUnfinishedStart();
    }
    // STARTED is written once the create holds a call slot, not while it waits for one: after a
    // crash only creates that were (about to be) on the wire are unfinished.
    run.recordStartIn(ledger);
    opened();
    CompletableFuture<Outcome> outcome =
        pingOne.execute(run).handle((reply, failure) -> recordOrWithdraw(run, reply, failure));
    outcome.thenCompose(Outcome::recorded).whenComplete((recorded, failure) -> closed());
    return outcome;
  }

  /**
   * Waits until every create that went past the ledger has its outcome recorded (COMPLETED, or its
   * STARTED withdrawn or left for the next owner), or {@code timeout} passed; true if none is left.
   * A stopping worker calls it before it closes the ledger: a create still on the wire when the
   * partitions were given up then records its answer, and the partition's next owner, which waits
   * for it, replays it instead of calling PingOne again.
   */
  public synchronized boolean awaitRecorded(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (long left = timeout.toNanos(); unrecorded > 0 && left > 0; ) {
      TimeUnit.NANOSECONDS.timedWait(this, left);
      left = deadline - System.nanoTime();
    }
    return unrecorded == 0;
  }

  /** Creates whose outcome is not recorded yet. */
  public synchronized int unrecorded() {
    return unrecorded;
  }

  private synchronized void opened() {
    unrecorded++;
  }

  private synchronized void closed() {
    unrecorded--;
    if (unrecorded == 0) {
      notifyAll();
    }
  }

  private Outcome recordOrWithdraw(CommandRun run, Reply reply, Throwable failure) {
    Command command = run.command();
    if (failure == null) {
      return new Outcome(reply, ledger.completed(command, reply));
    }
    Throwable cause = Failures.unwrap(failure);
    if (cause instanceof Abandoned abandoned
        && abandoned.ambiguousAttempts() == 0
        && run.earlierAmbiguousAttempts() == 0) {
      // Stopped before PingOne could act on it: the next owner runs it as new. After an attempt
      // of unknown outcome, this run's or an earlier owner's it resumed, the STARTED entry stays,
      // so the next owner treats the create as unfinished (pingone.retry.ambiguous-create)
      // instead of calling it again as new.
      ledger.withdrawn(command);
    }
    throw failure instanceof CompletionException ce ? ce : new CompletionException(cause);
  }
}
