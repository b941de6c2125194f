package dev.pairingworker.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {
  private static final TopicPartition P0 = new TopicPartition("commands", 0);
  private static final TopicPartition P1 = new TopicPartition("commands", 1);
  private final OffsetTracker tracker = new OffsetTracker();

  @Test
  void commitsNeverPassAnUnansweredRecord() {
    track(P0, 10, 11, 12, 13);
    tracker.answered(P0, 11);
    tracker.answered(P0, 12);

    assertThat(tracker.committable()).isEmpty();

    tracker.answered(P0, 10);
    assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(13)));

    tracker.answered(P0, 13);
    assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(14)));
  }

  @Test
  void offersOnlyPartitionsThatAdvancedSinceTheirLastCommit() {
    track(P0, 0, 1);
    track(P1, 5);
    tracker.answered(P0, 0);
    tracker.answered(P1, 5);
    tracker.committed(tracker.committable());

    assertThat(tracker.committable()).isEmpty();
    tracker.answered(P0, 1);
    assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(2)));
  }

  @Test
  void countsHeldRecordsUntilTheirOffsetCanBeCommitted() {
    track(P0, 0, 1, 2);
    tracker.answered(P0, 2);
    assertThat(tracker.pending()).isEqualTo(3);

    tracker.answered(P0, 0);
    assertThat(tracker.pending()).isEqualTo(2);
    tracker.answered(P0, 1);
    assertThat(tracker.pending()).isZero();
  }

  @Test
  void ignoresAnswersForPartitionsItNoLongerOwns() {
    track(P0, 0, 1);
    tracker.forget(List.of(P0));
    tracker.answered(P0, 0);

    assertThat(tracker.pending()).isZero();
    assertThat(tracker.committable()).isEmpty();
  }

  private void track(TopicPartition tp, long... offsets) {
    for (long offset : offsets) {
      tracker.track(tp, offset);
    }
  }
}
