package dev.pairingworker.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The worker as an operating system process: {@code java -cp <test classpath>
 * dev.pairingworker.cli.Main run --config FILE}, its output appended to a log file (so a restarted
 * worker adds to the same log). Stop it with SIGTERM ({@link #terminate()}) or SIGKILL ({@link
 * #kill()}); {@link #close()} kills it if it still runs.
 */
public final class ForkedWorker implements AutoCloseable {
  /** The exit status of a process ended by SIGKILL (128 + 9). */
  public static final int KILLED = 137;

  private final Process process;
  private final Path log;

  private ForkedWorker(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Writes {@code settings} as a properties file (sorted, one {@code key=value} a line). */
  public static Path writeConfig(Path file, Map<String, String> settings) {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(settings).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    try {
      return Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An empty log file {@code target/worker-logs/NAME.log}: kept after the test (a temporary
   * directory would not be), overwritten by the next run.
   */
  public static Path logFile(String name) {
    try {
      Path log = Files.createDirectories(Path.of("target", "worker-logs")).resolve(name + ".log");
      Files.deleteIfExists(log);
      return log;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts {@code run --config config}, appending its stdout and stderr to {@code log}. */
  public static ForkedWorker start(Path config, Path log) {
    return start(config, log, List.of());
  }

  /**
   * The JVM options of {@code config/jvm.options}, which {@code bin/pairing-worker} (the documented
   * way to start the worker, and the image's entrypoint) reads the same way: one a line, comments
   * and blank lines dropped. The class-data archive it also adds is left out: it belongs to the
   * jar, and these processes run from the test class path.
   */
  public static List<String> documentedJvmOptions() {
    List<String> options = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(ProjectRoot.resolve("config", "jvm.options"))) {
        String option = line.replaceAll("#.*", "").strip();
        if (!option.isEmpty()) {
          options.add(option);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return options;
  }

  /** The same, with options for the worker's JVM. */
  public static ForkedWorker start(Path config, Path log, List<String> jvmOptions) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "dev.pairingworker.cli.Main",
            "run",
            "--config",
            config.toString()));
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .directory(new File("."))
              .start();
      return new ForkedWorker(process, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * SIGKILL ({@link Process#destroyForcibly()} on Linux): no shutdown hook, no flush, no commit.
   * Returns the exit status once the process is gone ({@link #KILLED}).
   */
  public int kill() {
    process.destroyForcibly();
    return awaitExit(Duration.ofSeconds(30));
  }

  /** SIGTERM: the worker finishes in-flight work, commits and exits. */
  public void terminate() {
    process.destroy();
  }

  /** Waits for the process to end and returns its exit status. */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("the worker process did not exit within " + timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return process.exitValue();
  }

  /** Everything the worker processes wrote to the log so far. */
  public String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }
}
