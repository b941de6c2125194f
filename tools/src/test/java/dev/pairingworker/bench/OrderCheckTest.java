package dev.pairingworker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairingworker.simulator.RecordedRequest;
import dev.pairingworker.simulator.TokenState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderCheckTest {
  private final Workload workload =
      Workload.creates("run", 4, 2); // user 0: run-u0-0, run-u0-1; user 1 likewise

  @Test
  void createsInProducedOrderHaveNoViolations() {
    var result =
        OrderCheck.check(
            List.of(create("run-u0-0"), create("run-u1-0"), create("run-u0-1")), workload);

    assertThat(result).isEqualTo(new OrderCheck.Result(3, 0, 0));
  }

  @Test
  void aRetryOfTheSameCreateIsNotAViolation() {
    var result =
        OrderCheck.check(
            List.of(create("run-u0-0"), create("run-u0-0"), create("run-u0-1")), workload);

    assertThat(result).isEqualTo(new OrderCheck.Result(3, 0, 0));
  }

  @Test
  void anEarlierPositionArrivingLateIsAViolationOfItsUser() {
    var result =
        OrderCheck.check(
            List.of(create("run-u1-1"), create("run-u0-0"), create("run-u1-0")), workload);

    assertThat(result).isEqualTo(new OrderCheck.Result(3, 1, 1));
  }

  @Test
  void theBoundIsTheLowestFactorInForce() {
    assertThat(Bound.of(256, Duration.ofMillis(50), 500, 0).perSecond()).isEqualTo(500.0);
    assertThat(Bound.of(256, Duration.ofMillis(50), 0, 0).perSecond()).isEqualTo(5120.0);
    assertThat(Bound.of(256, Duration.ZERO, 0, 0).perSecond()).isNull();
  }

  @Test
  void percentilesAreNearestRank() {
    long[] millis = new long[100];
    for (int i = 0; i < 100; i++) {
      millis[i] = (i + 1) * 1_000_000L;
    }

    assertThat(LatencySummary.of(millis)).isEqualTo(new LatencySummary(50, 99, 100));
  }

  private static RecordedRequest create(String key) {
    return new RecordedRequest(
        Instant.EPOCH,
        "POST",
        "/v1/environments/e/users/u/pairingKeys",
        key,
        null,
        TokenState.VALID,
        201,
        "c",
        null);
  }
}
