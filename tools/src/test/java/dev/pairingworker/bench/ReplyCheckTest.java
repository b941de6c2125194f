package dev.pairingworker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairingworker.simulator.RecordedRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyCheckTest {
  private static final Instant T0 = Instant.parse("2026-12-03T00:00:00Z");
  private final Workload workload = Workload.creates("run", 4, 2); // run-u0-0, run-u1-0, ...

  @Test
  void oneSucceededReplyPerCommandIsExactlyOnce() {
    ReplyCheck check =
        ReplyCheck.of(
            workload,
            List.of(
                succeeded("run-u0-0"),
                succeeded("run-u1-0"),
                succeeded("run-u0-1"),
                succeeded("run-u1-1")),
            List.of());

    assertThat(check).isEqualTo(new ReplyCheck(4, 4, 4, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void aReplayAfterAHandOverIsADuplicateNotAFailure() {
    ReplyCheck check =
        ReplyCheck.of(
            workload,
            List.of(
                succeeded("run-u0-0"),
                succeeded("run-u1-0"),
                succeeded("run-u0-1"),
                succeeded("run-u1-1"),
                new ReplyCheck.Reply("run-u0-1", "SUCCEEDED", true),
                new ReplyCheck.Reply("run-u0-1", "SUCCEEDED", true)),
            List.of());

    assertThat(check.exactlyOneSucceeded()).isEqualTo(3);
    assertThat(check.succeeded()).isEqualTo(4);
    assertThat(check.withDuplicates()).isEqualTo(1);
    assertThat(check.duplicateReplies()).isEqualTo(2);
    assertThat(check.replays()).isEqualTo(2);
  }

  @Test
  void missingAndFailedRepliesAreCountedApartAndForeignRepliesIgnored() {
    ReplyCheck check =
        ReplyCheck.of(
            workload,
            List.of(
                succeeded("run-u0-0"),
                new ReplyCheck.Reply("run-u1-0", "FAILED", false),
                succeeded("another-run-u0-0")),
            List.of());

    assertThat(check.exactlyOneSucceeded()).isEqualTo(1);
    assertThat(check.withoutSuccess()).isEqualTo(1);
    assertThat(check.withoutReply()).isEqualTo(2);
    assertThat(check.duplicateReplies()).isZero();
  }

  @Test
  void aSecond201ForOneTransactionIsASecondPairingKey() {
    List<RecordedRequest> requests =
        List.of(
            RequestWindowTest.create(T0, 201, "run-u0-0"),
            RequestWindowTest.create(T0, 429, "run-u1-0"),
            RequestWindowTest.create(T0, 201, "run-u1-0"),
            RequestWindowTest.create(T0, 201, "run-u0-0"),
            RequestWindowTest.create(T0, 201, "another-run-u0-0"),
            RequestWindowTest.create(T0, 201, "another-run-u0-0"));

    assertThat(ReplyCheck.of(workload, List.of(), requests).secondCreates()).isEqualTo(1);
  }

  private static ReplyCheck.Reply succeeded(String key) {
    return new ReplyCheck.Reply(key, "SUCCEEDED", false);
  }
}
