package dev.pairingworker.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.pairingworker.simulator.RecordedRequest;
import dev.pairingworker.simulator.TokenState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestWindowTest {
  private static final Instant T0 = Instant.parse("2026-12-03T00:00:00Z");

  @Test
  void countsTheRequestsThatArrivedInsideTheWindowOnly() {
    List<RecordedRequest> requests = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      requests.add(create(T0.plusMillis(10L * i), 201)); // 100/s for 30 s
    }

    RequestWindow window = RequestWindow.of(requests, T0.plusSeconds(10), T0.plusSeconds(20));

    assertThat(window.seconds()).isEqualTo(10.0);
    assertThat(window.admitted()).isEqualTo(1000); // [10 s, 20 s): the one at 20 s is outside
    assertThat(window.admittedPerSecond()).isEqualTo(100.0);
    assertThat(window.shareOfLimit(125)).isCloseTo(0.8, within(1e-9));
  }

  @Test
  void the429sAreAShareOfAllRequestsAndNotAdmitted() {
    List<RecordedRequest> requests = new ArrayList<>();
    for (int i = 0; i < 990; i++) {
      requests.add(create(T0.plusMillis(i), 201));
    }
    for (int i = 0; i < 10; i++) {
      requests.add(create(T0.plusMillis(990 + i), 429));
    }

    RequestWindow window = RequestWindow.of(requests, T0, T0.plusSeconds(1));

    assertThat(window.admitted()).isEqualTo(990);
    assertThat(window.rateLimited()).isEqualTo(10);
    assertThat(window.share429()).isCloseTo(0.01, within(1e-9));
    assertThat(window.shareOfLimit(1000)).isCloseTo(0.99, within(1e-9));
  }

  @Test
  void eachWholeSecondOfTheWindowIsCountedApart() {
    List<RecordedRequest> requests = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      requests.add(create(T0.plusMillis(10L * i), 201)); // second 0: 100 admitted
    }
    for (int i = 0; i < 50; i++) {
      requests.add(create(T0.plusMillis(1000 + 20L * i), 201)); // second 1: 50 admitted
    }
    requests.add(create(T0.plusMillis(1500), 429)); // and one 429
    requests.add(create(T0.plusMillis(2100), 201)); // the partial last second: not a second

    RequestWindow window = RequestWindow.of(requests, T0, T0.plusMillis(2500));

    assertThat(window.admitted()).isEqualTo(151);
    assertThat(window.fewestAdmittedInASecond()).isEqualTo(50);
    assertThat(window.mostAdmittedInASecond()).isEqualTo(100);
    assertThat(window.secondsWith429()).isEqualTo(1);
  }

  @Test
  void tokenRequestsDoNotCountAsTheRateLimitLeavesThemOut() {
    List<RecordedRequest> requests =
        List.of(create(T0, 201), token(T0.plusMillis(1)), create(T0.plusMillis(2), 400));

    RequestWindow window = RequestWindow.of(requests, T0, T0.plusSeconds(1));

    assertThat(window.admitted()).isEqualTo(2); // a 400 was admitted too: it was not 429
    assertThat(window.rateLimited()).isZero();
  }

  @Test
  void anEmptyWindowHasNoRequestsAndNo429Share() {
    RequestWindow window = RequestWindow.of(List.of(), T0, T0.plusSeconds(2));

    assertThat(window.admittedPerSecond()).isZero();
    assertThat(window.share429()).isZero();
    assertThat(window.shareOfLimit(0)).isZero();
    assertThatThrownBy(() -> RequestWindow.of(List.of(), T0, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static RecordedRequest create(Instant at, int status) {
    return create(at, status, "tx");
  }

  static RecordedRequest create(Instant at, int status, String transactionId) {
    return new RecordedRequest(
        at,
        "POST",
        "/v1/environments/e/users/u/pairingKeys",
        transactionId,
        null,
        TokenState.VALID,
        status,
        "c",
        status == 429 ? Duration.ofSeconds(1) : null);
  }

  private static RecordedRequest token(Instant at) {
    return new RecordedRequest(
        at, "POST", "/e/as/token", null, null, TokenState.NONE, 200, "c", null);
  }
}
