package dev.pairingworker.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerProcessOptionsTest {

  @Test
  void optionsAreSplitAtWhiteSpace() {
    assertThat(WorkerProcessOptions.split("  -Xmx128m   -XX:+UseSerialGC\t-Xss256k "))
        .containsExactly("-Xmx128m", "-XX:+UseSerialGC", "-Xss256k");
  }

  @Test
  void noOptionsAreAnEmptyList() {
    assertThat(WorkerProcessOptions.split("  ")).isEmpty();
  }

  @Test
  void aWordThatIsNotAnOptionIsRefusedByName() {
    assertThatThrownBy(() -> WorkerProcessOptions.split("-Xmx128m Xss256k"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("each worker JVM option must start with '-': Xss256k");
  }

  @Test
  void nativeMemoryTrackingIsAddedAfterTheGivenOptions() {
    assertThat(new WorkerProcessOptions(true, List.of("-Xmx128m"), true).commandLine())
        .containsExactly("-Xmx128m", "-XX:NativeMemoryTracking=summary");
  }

  @Test
  void givenJvmOptionsRunTheWorkerWithThisJvmsJavaAndClassPath() {
    List<String> command =
        WorkerProcess.command(
            new WorkerProcessOptions(false, List.of("-Xmx128m"), false),
            java.nio.file.Path.of("w.properties"));

    assertThat(command.get(0)).startsWith(System.getProperty("java.home")).endsWith("java");
    assertThat(command.subList(1, command.size()))
        .containsExactly(
            "-Xmx128m",
            "-cp",
            System.getProperty("java.class.path"),
            "dev.pairingworker.cli.Main",
            "run",
            "--config",
            "w.properties");
  }
}
