package dev.pairingworker.pipeline;

import dev.pairingworker.command.Command;
import dev.pairingworker.ledger.Ledger;
import dev.pairingworker.pingone.CallContext;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * One command on its way from the dispatcher to its reply: the command, whether it is still wanted
 * (its partition's tenure has not ended since it started) and what must happen before its first
 * PingOne request (a create's STARTED ledger entry). The PingOne caller sees it as its {@link
 * CallContext}.
 */
public final class CommandRun implements CallContext {
  private final Command command;
  private final PartitionTenures tenures;
  private final TopicPartition partition;
  private final int tenure;
  private Ledger startRecordedIn; // set before the call starts, read by the caller afterwards
  private int earlierAmbiguousAttempts;

  private CommandRun(Command command, PartitionTenures tenures) {
    this.command = command;
    this.tenures = tenures;
    this.partition = new TopicPartition(command.source().topic(), command.source().partition());
    this.tenure = tenures == null ? 0 : tenures.current(partition);
  }

  /** A run nobody abandons (the serial baseline, tests). */
  public static CommandRun of(Command command) {
    return new CommandRun(command, null);
  }

  /** A run abandoned once its partition's current tenure ends. */
  static CommandRun within(Command command, PartitionTenures tenures) {
    return new CommandRun(command, tenures);
  }

  public Command command() {
    return command;
  }

  /** The create is marked STARTED in {@code ledger} once it holds a call slot. */
  void recordStartIn(Ledger ledger) {
    this.startRecordedIn = ledger;
  }

  /**
   * An earlier run of this create started and never completed (the worker died): its call may have
   * reached PingOne, so it counts as one ambiguous attempt in the reply.
   */
  void resumesUnfinishedStart() {
    this.earlierAmbiguousAttempts = 1;
  }

  /** Attempts of unknown outcome made for this command before this run. */
  int earlierAmbiguousAttempts() {
    return earlierAmbiguousAttempts;
  }

  @Override
  public boolean abandoned() {
    return tenures != null && tenures.current(partition) != tenure;
  }

  @Override
  public CompletableFuture<Void> beforeFirstSend() {
    return startRecordedIn == null
        ? CompletableFuture.completedFuture(null)
        : startRecordedIn.started(command);
  }
}
