package dev.pairingworker.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairingworker.support.ProjectRoot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's demo, run exactly as a user runs it: {@code java -jar target/pairing-worker.jar
 * demo}, the jar the app module builds into the repository's {@code target/}. Runs after {@code
 * package}, in the integration-test phase.
 */
class DemoJarIT {
  private static final Path JAR = ProjectRoot.resolve("target", "pairing-worker.jar");

  @TempDir Path dir;

  @Test
  void theJarHoldsTheCommandLineAndTheKafkaClient() throws Exception {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(jar.getEntry("dev/pairingworker/cli/Main.class")).isNotNull();
      assertThat(jar.getEntry("org/apache/kafka/clients/consumer/KafkaConsumer.class")).isNotNull();
    }
  }

  @Test
  void theDemoPrintsEveryKindOfReply() throws Exception {
    Path log = dir.resolve("demo.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process demo =
        new ProcessBuilder(
                List.of(
                    java,
                    "-jar",
                    JAR.toString(),
                    "demo",
                    "--exit-after-samples",
                    "--metrics-port",
                    "0"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();

    assertThat(demo.waitFor(180, TimeUnit.SECONDS)).isTrue();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(demo.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("<- SUCCEEDED", "<- FAILED", "<- REJECTED", "<- EXPIRED")
        .contains("\"alreadyAbsent\":true")
        .contains("\"replay\":true")
        .contains("masked by the demo")
        .contains("pairing_worker_commands_total{op=\"create\",status=\"SUCCEEDED\"} 2.0")
        .doesNotContainPattern("\"code\":\"\\d{12}\"");
  }
}
