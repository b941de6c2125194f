package dev.pairingworker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetTableTest {
  private static final PhaseFigures.Worker W1 = new PhaseFigures.Worker("w1", 4, 98.1, 0.2, 98.0);
  private static final PhaseFigures.Worker W2 = new PhaseFigures.Worker("w2", 4, 97.9, 0, 98.0);
  private static final PhaseFigures.Worker W2_ALONE_WITH_W3 =
      new PhaseFigures.Worker("w2", 6, 147.0, 0, 147.0);

  @Test
  void eachPhaseIsAColumnAndAWorkerThatDidNotRunInAPhaseIsADash() {
    PhaseFigures all =
        phase("A: 2 workers", 5880, 12, List.of(W1, W2), 1000); // 294/s of 300/s in 20 s
    PhaseFigures oneLeft = phase("B: 1 worker", 5700, 60, List.of(W2_ALONE_WITH_W3), 0);

    List<String> lines = print(List.of(all, oneLeft));

    assertThat(lines)
        .contains(
            row("phase", "A: 2 workers", "B: 1 worker"),
            row("admitted requests/s", "294.0", "285.0"),
            row("  of the limit (>= 95 %)", "98.0 %", "95.0 %"),
            row("answered 429 (< 1 %)", "0.20 %", "1.04 %"),
            row("  429s / requests", "12 / 5892", "60 / 5760"),
            row("backlog left at the end", "1000", "0 (ran dry)"),
            row("w1 requests/s", "98.1 (429: 0.2)", "-"),
            row("w2 requests/s", "97.9 (429: 0.0)", "147.0 (429: 0.0)"),
            row("  partitions / pace", "4 / 98.0/s", "6 / 147.0/s"),
            row("workers' pace, sum", "196.0/s", "147.0/s"));
  }

  @Test
  void theProgressLineGivesTheShareOfTheLimitAndEachWorkersPace() {
    PhaseFigures all = phase("A: 2 workers", 5880, 12, List.of(W1, W2), 1000);

    assertThat(FleetTable.progressLine(all, 300))
        .startsWith(
            "A: 2 workers: 294.0 requests/s admitted (98.0 % of 300/s), 0.20 % answered 429;")
        .contains("w1 98.1/s (4 partitions, pace 98.0/s), w2 97.9/s (4 partitions, pace 98.0/s)");
  }

  private static PhaseFigures phase(
      String name, long admitted, long rateLimited, List<PhaseFigures.Worker> workers, long left) {
    double seconds = 20;
    long total = admitted + rateLimited;
    return new PhaseFigures(
        name,
        "event",
        4.2,
        10,
        seconds,
        admitted,
        rateLimited,
        admitted / seconds,
        admitted / seconds / 300,
        rateLimited / (double) total,
        280,
        300,
        2,
        workers,
        left,
        1.5);
  }

  private static List<String> print(List<PhaseFigures> phases) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    FleetTable.phases(phases, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private static String row(String label, String... cells) {
    StringBuilder line = new StringBuilder(String.format("%-28s", label));
    for (String cell : cells) {
      line.append(String.format(" %22s", cell));
    }
    return line.toString();
  }
}
