package dev.pairingworker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadDriverTest {

  @Test
  void aPacedLoadSpacesItsCommandsEvenlyFromTheStart() {
    assertThat(LoadDriver.dueNanos(1_000, 0, 200)).isEqualTo(1_000);
    assertThat(LoadDriver.dueNanos(1_000, 1, 200)).isEqualTo(1_000 + 5_000_000);
    assertThat(LoadDriver.dueNanos(1_000, 400, 200)).isEqualTo(1_000 + 2_000_000_000L);
  }

  @Test
  void aFractionalRateIsKept() {
    assertThat(LoadDriver.dueNanos(0, 3, 0.5)).isEqualTo(6_000_000_000L);
  }
}
