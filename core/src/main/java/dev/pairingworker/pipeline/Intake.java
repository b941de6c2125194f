package dev.pairingworker.pipeline;

import dev.pairingworker.command.CommandDecoder;
import dev.pairingworker.command.Decoded;
import dev.pairingworker.command.ExternalIds;
import dev.pairingworker.command.Reply;
import dev.pairingworker.command.ReplyStatus;
import dev.pairingworker.delivery.Delivery;
import dev.pairingworker.dispatch.Dispatcher;
import dev.pairingworker.dispatch.OffsetTracker;
import dev.pairingworker.kafka.OutgoingRecord;
import dev.pairingworker.logging.CommandLogContext;
import dev.pairingworker.metrics.WorkerMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a polled record enters the pipeline, on the poll thread: a valid command goes to the
 * dispatcher (whose work is the {@link CommandRunner}), an invalid one is answered REJECTED and
 * dead-lettered at once. Either way its output goes to the {@link Delivery}, which releases the
 * record's offset for commit once the output is acknowledged (at-least-once) or held for the
 * transaction that commits it (exactly-once).
 */
public final class Intake {
  private static final Logger log = LoggerFactory.getLogger(Intake.class);

  private final CommandDecoder decoder;
  private final OffsetTracker offsets;
  private final Dispatcher dispatcher;
  private final Delivery delivery;
  private final Outputs outputs;
  private final PartitionTenures tenures;
  private final WorkerMetrics metrics;
  private final Clock clock;

  /**
   * @param dispatcher built on {@code runner}'s {@link CommandRunner#run}
   */
  public Intake(
      CommandDecoder decoder,
      OffsetTracker offsets,
      Dispatcher dispatcher,
      CommandRunner runner,
      WorkerMetrics metrics,
      Clock clock) {
    this.decoder = decoder;
    this.offsets = offsets;
    this.dispatcher = dispatcher;
    this.delivery = runner.delivery();
    this.outputs = runner.outputs();
    this.tenures = runner.tenures();
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Takes a record polled from the commands topic. Never blocks on PingOne. */
  public void handle(ConsumerRecord<byte[], byte[]> record) {
    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
    offsets.track(tp, record.offset());
    delivery.polled(tp, record.offset());
    Decoded decoded = decoder.decode(record);
    if (decoded instanceof Decoded.Accepted accepted) {
      dispatcher.submit(accepted.command());
    } else {
      reject(record, (Decoded.Rejected) decoded);
    }
  }

  /**
   * Stops work for partitions this worker is losing: their commands that are not on the wire now
   * stop without a reply (their records stay uncommitted), and queued ones never start. Returns how
   * many queued commands were dropped.
   */
  public int revoke(Collection<TopicPartition> partitions) {
    tenures.end(partitions);
    return dispatcher.dropQueued(new HashSet<>(partitions));
  }

  /**
   * Waits until no command of {@code partitions} is running, or the timeout passes; true if none
   * is.
   */
  public boolean awaitIdle(Set<TopicPartition> partitions, Duration timeout)
      throws InterruptedException {
    return dispatcher.awaitIdle(partitions, timeout);
  }

  private void reject(ConsumerRecord<byte[], byte[]> record, Decoded.Rejected rejected) {
    CommandLogContext.ofRejected(rejected.transactionId(), rejected.op())
        .run(
            () ->
                log.warn(
                    "Rejected record {}-{}@{} (transaction {}): {} {}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    rejected.transactionId() == null
                        ? "-"
                        : ExternalIds.sanitise(rejected.transactionId()),
                    rejected.rejection().code(),
                    rejected.rejection().target(),
                    rejected.rejection().message()));
    metrics.commandAnswered(rejected.op(), ReplyStatus.REJECTED);
    metrics.deadLettered(rejected.rejection().code());
    List<OutgoingRecord> output = new ArrayList<>();
    output.add(outputs.deadLetter(record, rejected.rejection()));
    if (rejected.route().key() != null) {
      Reply reply = Reply.rejected(rejected, clock.instant());
      output.add(outputs.reply(rejected.route(), reply));
    }
    delivery.deliver(rejected.source(), output, CompletableFuture.completedFuture(null));
  }
}
