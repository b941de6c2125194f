package dev.pairingworker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairingworker.support.ForkedWorker;
import dev.pairingworker.support.ProjectRoot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/**
 * The documented way to start the worker: bin/pairing-worker applies config/jvm.options (the
 * options docs/benchmarks.md measured), the image starts the worker through it, and a JVM accepts
 * them.
 */
class RecommendedJvmOptionsTest {

  @Test
  void theBenchmarkDocsMeasuredTheseOptions() throws Exception {
    String docs = Files.readString(ProjectRoot.resolve("docs", "benchmarks.md"));
    assertThat(docs).contains(String.join(" ", jvmOptions()));
  }

  @Test
  void aJvmStartsWithThem() throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions());
    command.add("-version");
    Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(java.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(java.exitValue()).as(output).isZero();
  }

  @Test
  void theLauncherStartsTheJarWithThemAndAddedOptionsLast() throws Exception {
    // A jar whose main class does not exist: the JVM starts, prints the flags it took, and stops.
    Path jar = Files.createTempFile("not-a-worker", ".jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "no.such.Main");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.flush();
    }
    try {
      ProcessBuilder launcher =
          new ProcessBuilder(ProjectRoot.resolve("bin", "pairing-worker").toString(), "run")
              .redirectErrorStream(true);
      Map<String, String> env = launcher.environment();
      env.put("PAIRING_WORKER_JAR", jar.toString());
      env.put("JAVA_HOME", System.getProperty("java.home"));
      env.put("PAIRING_WORKER_JVM_OPTIONS", "-Xmx64m -XX:+PrintCommandLineFlags");
      Process process = launcher.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

      assertThat(output)
          .contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
          .contains("-XX:MaxHeapSize=" + 64 * 1024 * 1024)
          .doesNotContain("-XX:SharedArchiveFile");
    } finally {
      Files.delete(jar);
    }
  }

  @Test
  void theImageStartsTheWorkerThroughTheLauncher() throws Exception {
    String dockerfile = Files.readString(ProjectRoot.resolve("Dockerfile"));
    assertThat(dockerfile)
        .contains("COPY bin/pairing-worker /app/bin/pairing-worker")
        .contains("COPY config/jvm.options /app/config/jvm.options")
        .contains("ENTRYPOINT [\"/app/bin/pairing-worker\"]")
        .contains("-XX:ArchiveClassesAtExit=/app/pairing-worker.jsa")
        .doesNotContain("JDK_JAVA_OPTIONS=");
  }

  private static List<String> jvmOptions() {
    List<String> options = ForkedWorker.documentedJvmOptions();
    assertThat(options).as("options in config/jvm.options").isNotEmpty();
    return options;
  }
}
