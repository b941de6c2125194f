package dev.pairingworker.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void aTerminalLineHasABarRateAndEta() {
    Progress progress = new Progress(System.out, true, clock, "answered", 1000);

    assertThat(progress.line(250, Duration.ofSeconds(10)))
        .isEqualTo("[#######-----------------------] answered 250/1000 (25%), 25.0/s, ETA 0:00:30");
  }

  @Test
  void theFirstSecondShowsNoRateOrEta() {
    Progress progress = new Progress(System.out, false, clock, "sent", 1000);

    assertThat(progress.line(1, Duration.ofMillis(1))).isEqualTo("sent 1/1000 (0%), -/s, ETA -");
  }

  @Test
  void plainOutputHasNoCarriageReturns() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress progress =
        new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, clock, "sent", 2);

    progress.update(1);
    progress.finish(2);

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .doesNotContain("\r")
        .contains("sent 1/2 (50%)")
        .contains("sent 2/2 (100%), -/s, ETA -");
  }
}
