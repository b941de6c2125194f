package dev.pairingworker.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairingworker.command.RecordSource;
import dev.pairingworker.dispatch.OffsetTracker;
import dev.pairingworker.kafka.OutgoingRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The outbox's ordering and gap rules, with the real offset tracker and no Kafka. */
class ExactlyOnceDeliveryTest {
  private static final TopicPartition P0 = new TopicPartition("commands", 0);
  private static final TopicPartition P1 = new TopicPartition("commands", 1);

  private final OffsetTracker offsets = new OffsetTracker();
  private final ExactlyOnceDelivery outbox = new ExactlyOnceDelivery(offsets::answered);

  @Test
  void aReplyAboveAnUnansweredRecordWaitsUntilTheGapCloses() {
    poll(P0, 10, 11, 12);
    answer(P0, 11);
    answer(P0, 12);

    assertThat(values(outbox.due(offsets.committable()))).isEmpty();
    assertThat(outbox.size()).isEqualTo(2);

    answer(P0, 10);
    assertThat(offsets.committable()).containsEntry(P0, new OffsetAndMetadata(13));
    assertThat(values(outbox.due(offsets.committable())))
        .containsExactly("reply-0-10", "reply-0-11", "reply-0-12");
  }

  @Test
  void onlyOutputBelowTheCommittedOffsetIsDueAndACommitRemovesIt() {
    poll(P0, 0, 1, 2);
    answer(P0, 0);
    answer(P0, 2);
    Map<TopicPartition, OffsetAndMetadata> committable = offsets.committable();

    assertThat(values(outbox.due(committable))).containsExactly("reply-0-0");
    commit(committable);
    assertThat(outbox.size()).isEqualTo(1);
    assertThat(values(outbox.due(offsets.committable()))).isEmpty();

    answer(P0, 1);
    assertThat(values(outbox.due(offsets.committable()))).containsExactly("reply-0-1", "reply-0-2");
  }

  @Test
  void anAbortedTransactionLeavesItsOutputDueForTheNextOne() {
    poll(P0, 0);
    answer(P0, 0);
    Map<TopicPartition, OffsetAndMetadata> committable = offsets.committable();
    assertThat(values(outbox.due(committable))).containsExactly("reply-0-0");
    // aborted: neither offsets.committed nor outbox.committed

    assertThat(values(outbox.due(offsets.committable()))).containsExactly("reply-0-0");
  }

  @Test
  void aRejectedRecordsDeadLetterAndReplyAreDueTogether() {
    poll(P1, 5);
    outbox.deliver(
        new RecordSource("commands", 1, 5),
        List.of(output("dead-letter-1-5", false), output("reply-1-5", true)),
        CompletableFuture.completedFuture(null));

    assertThat(values(outbox.due(offsets.committable())))
        .containsExactly("dead-letter-1-5", "reply-1-5");
  }

  @Test
  void aRecordCountsAsAnsweredOnlyOnceItsLedgerEntryIsAcknowledged() {
    poll(P0, 0);
    CompletableFuture<Void> ledger = new CompletableFuture<>();
    outbox.deliver(source(P0, 0), List.of(output("reply-0-0", true)), ledger);

    assertThat(offsets.committable()).isEmpty();
    ledger.complete(null);
    assertThat(offsets.committable()).containsEntry(P0, new OffsetAndMetadata(1));
  }

  @Test
  void outputOfAPartitionThatWasDroppedIsRefusedAndItsRecordNeverAnswered() {
    poll(P0, 0, 1);
    CompletableFuture<Void> ledger = new CompletableFuture<>();
    outbox.deliver(source(P0, 0), List.of(output("late", true)), ledger);
    outbox.drop(List.of(P0));
    offsets.forget(List.of(P0));
    poll(P0, 0, 1); // assigned again, redelivered

    ledger.complete(null); // the earlier tenure's command finishes late
    answer(P0, 1);
    assertThat(offsets.committable()).isEmpty();
    assertThat(values(outbox.due(Map.of(P0, new OffsetAndMetadata(2)))))
        .containsExactly("reply-0-1");
    assertThat(outbox.size()).isEqualTo(1);
  }

  @Test
  void outputArrivingAfterThePartitionIsGoneIsRefused() {
    poll(P0, 0);
    outbox.drop(List.of(P0));
    offsets.forget(List.of(P0));

    answer(P0, 0);
    assertThat(outbox.size()).isZero();
    assertThat(offsets.committable()).isEmpty();
  }

  @Test
  void outputForAnOffsetAlreadyCommittedIsRefused() {
    poll(P0, 0, 1);
    answer(P0, 0);
    answer(P0, 1);
    commit(offsets.committable());

    answer(P0, 1); // a second answer to the same record, e.g. a stale command
    assertThat(outbox.size()).isZero();
  }

  @Test
  void droppingAPartitionKeepsTheOthers() {
    poll(P0, 0);
    poll(P1, 0);
    answer(P0, 0);
    answer(P1, 0);

    outbox.drop(List.of(P0));
    assertThat(outbox.size()).isEqualTo(1);
    assertThat(values(outbox.due(offsets.committable()))).containsExactly("reply-1-0");
  }

  private void poll(TopicPartition tp, long... polled) {
    for (long offset : polled) {
      offsets.track(tp, offset);
      outbox.polled(tp, offset);
    }
  }

  private void answer(TopicPartition tp, long offset) {
    outbox.deliver(
        source(tp, offset),
        List.of(output("reply-" + tp.partition() + "-" + offset, true)),
        CompletableFuture.completedFuture(null));
  }

  private void commit(Map<TopicPartition, OffsetAndMetadata> committable) {
    offsets.committed(committable);
    outbox.committed(committable);
  }

  private static RecordSource source(TopicPartition tp, long offset) {
    return new RecordSource(tp.topic(), tp.partition(), offset);
  }

  private static OutgoingRecord output(String value, boolean reply) {
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>("replies", value.getBytes(StandardCharsets.UTF_8));
    return reply ? new OutgoingRecord(record, "replies") : OutgoingRecord.of(record);
  }

  private static List<String> values(List<ExactlyOnceDelivery.Waiting> due) {
    return due.stream()
        .map(w -> new String(w.outgoing().record().value(), StandardCharsets.UTF_8))
        .toList();
  }
}
