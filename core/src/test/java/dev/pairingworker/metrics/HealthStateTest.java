package dev.pairingworker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HealthStateTest {
  private final HealthState health = new HealthState();

  @Test
  void aFreshWorkerIsNotReadyAndSaysWhy() {
    assertThat(health.ready()).isFalse();
    assertThat(health.reasons())
        .containsExactly(
            "poll loop not running",
            "no partitions assigned",
            "PingOne auth: no token obtained yet");
  }

  @Test
  void partitionsAloneAreNotEnoughWithoutAToken() {
    health.pollLoopRunning(true);
    health.assignedPartitions(3);

    assertThat(health.ready()).isFalse();
    assertThat(health.details()).containsEntry("pingOneAuth", HealthState.NO_TOKEN_YET);
  }

  @Test
  void readyWithPartitionsAndAToken() {
    health.pollLoopRunning(true);
    health.assignedPartitions(1);
    health.tokenProblem(null);

    assertThat(health.ready()).isTrue();
    assertThat(health.details()).containsEntry("pingOneAuth", "ok");
  }

  @Test
  void notReadyWhileAuthFailsEvenAfterAnEarlierToken() {
    health.pollLoopRunning(true);
    health.assignedPartitions(1);
    health.tokenProblem(null);
    health.tokenProblem("token request failed: 401");

    assertThat(health.ready()).isFalse();
    assertThat(health.reasons()).containsExactly("PingOne auth: token request failed: 401");

    health.tokenProblem(null);
    assertThat(health.ready()).isTrue();
  }
}
