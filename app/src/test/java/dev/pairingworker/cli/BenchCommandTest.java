package dev.pairingworker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code bench}'s options are refused before anything starts (no broker, no worker process). */
class BenchCommandTest {
  private final StringWriter err = new StringWriter();

  @Test
  void aFleetNeedsAPartitionForEachWorker() {
    assertThat(bench("--fleet", "3", "--partitions", "2")).isEqualTo(2);
    assertThat(err.toString())
        .contains("partitions (2) must be at least the fleet's workers (3), or a worker owns none");
  }

  @Test
  void aFleetNeedsAWorkerToLeave() {
    assertThat(bench("--fleet", "1", "--partitions", "12")).isEqualTo(2);
    assertThat(err.toString())
        .contains("fleet must have at least 2 workers (one leaves in phase B): 1");
  }

  @Test
  void aFleetStartsItsOwnWorkerProcesses() {
    assertThat(bench("--fleet", "3", "--partitions", "12", "--worker-process")).isEqualTo(2);
    assertThat(err.toString())
        .contains("--fleet starts its own worker processes: no --worker-process");
  }

  @Test
  void aFleetIsNotComparedAcrossGuarantees() {
    assertThat(bench("--fleet", "3", "--partitions", "12", "--compare-guarantees")).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "--compare-guarantees runs the worker in this JVM: no --worker-process, no --fleet");
  }

  @Test
  void workerJvmOptionsNeedAWorkerProcessOrAFleet() {
    assertThat(bench("--worker-jvm-options", "-Xmx96m")).isEqualTo(2);
    assertThat(err.toString()).contains("--worker-jvm-options needs --worker-process or --fleet");
  }

  private int bench(String... options) {
    String[] args = new String[options.length + 1];
    args[0] = "bench";
    System.arraycopy(options, 0, args, 1, options.length);
    return Main.commandLine().setErr(new PrintWriter(err, true)).execute(args);
  }
}
