package dev.pairingworker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairingworker.support.ProjectRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The image's JVM options are the ones docs/benchmarks.md measured, and a JVM accepts them. */
class RecommendedJvmOptionsTest {
  private static final Pattern OPTIONS =
      Pattern.compile("^ENV JDK_JAVA_OPTIONS=\"([^\"]+)\"$", Pattern.MULTILINE);

  @Test
  void theBenchmarkDocsMeasuredTheImagesOptions() throws Exception {
    assertThat(Files.readString(ProjectRoot.resolve("docs", "benchmarks.md")))
        .contains(imageOptions());
  }

  @Test
  void aJvmStartsWithTheImagesOptions() throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(WorkerProcessOptions.split(imageOptions()));
    command.add("-version");
    Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(java.getInputStream().readAllBytes());

    assertThat(java.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(java.exitValue()).as(output).isZero();
  }

  private static String imageOptions() throws Exception {
    Matcher options = OPTIONS.matcher(Files.readString(ProjectRoot.resolve("Dockerfile")));
    assertThat(options.find()).as("an ENV JDK_JAVA_OPTIONS line in the Dockerfile").isTrue();
    return options.group(1);
  }
}
