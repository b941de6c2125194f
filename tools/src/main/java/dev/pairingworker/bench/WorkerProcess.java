package dev.pairingworker.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The worker as production runs it: {@code run --config FILE} in a JVM of its own, a child of the
 * benchmark, started the documented way ({@code bin/pairing-worker}) or with the JVM options under
 * test. Its output goes to a temporary log file, kept when it fails.
 */
final class WorkerProcess implements AutoCloseable {
  private static final String MAIN = "dev.pairingworker.cli.Main";

  private final Process process;
  private final URI metrics;
  private final Path config;
  private final Path log;
  private final Thread killOnExit;
  private boolean stoppedCleanly;

  private WorkerProcess(Process process, URI metrics, Path config, Path log) {
    this.process = process;
    this.metrics = metrics;
    this.config = config;
    this.log = log;
    // A benchmark stopped by a signal must not leave its worker running.
    this.killOnExit = new Thread(process::destroyForcibly, "kill-worker-process");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /**
   * Writes {@code settings} (with a free {@code metrics.port}) to a temporary config file and
   * starts the worker on it with the same Java and class path as this JVM.
   */
  static WorkerProcess start(Map<String, String> settings, WorkerProcessOptions options)
      throws IOException {
    int port = freePort();
    Properties properties = new Properties();
    properties.putAll(settings);
    properties.setProperty("metrics.port", Integer.toString(port));
    Path config = Files.createTempFile("pairing-worker-bench", ".properties");
    try (Writer out = Files.newBufferedWriter(config)) {
      properties.store(out, "written by bench --worker-process");
    }
    Path log = Files.createTempFile("pairing-worker-bench", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command(options, config))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    if (options.launcher()) {
      Map<String, String> env = builder.environment();
      env.put("PAIRING_WORKER_JAR", jar().toString());
      env.put("JAVA_HOME", System.getProperty("java.home"));
      String added =
          (env.getOrDefault("PAIRING_WORKER_JVM_OPTIONS", "")
                  + " "
                  + String.join(" ", options.commandLine()))
              .strip();
      env.put("PAIRING_WORKER_JVM_OPTIONS", added);
    }
    Process process = builder.start();
    return new WorkerProcess(
        process, URI.create("http://localhost:" + port + "/metrics"), config, log);
  }

  /**
   * {@code bin/pairing-worker run --config FILE} (the same jar and Java as this JVM), or {@code
   * java [jvmOptions] -cp <this class path> Main run --config FILE}.
   */
  static List<String> command(WorkerProcessOptions options, Path config) {
    List<String> command = new ArrayList<>();
    if (options.launcher()) {
      command.add(launcher().toString());
      command.add("run");
      command.add("--config");
      command.add(config.toString());
      return command;
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options.commandLine());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(MAIN);
    command.add("run");
    command.add("--config");
    command.add(config.toString());
    return command;
  }

  /** The jar this benchmark runs from. */
  static Path jar() {
    String classPath = System.getProperty("java.class.path");
    if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
      throw new IllegalStateException(
          "bench --worker-process starts the documented launcher for the jar it runs from, but"
              + " this JVM's class path is not one jar ("
              + classPath
              + "): run the jar, or give --worker-jvm-options to start java directly");
    }
    // The real path, as bin/pairing-worker names it: a class-data archive is only used with the
    // jar path it was made with.
    try {
      return Path.of(classPath).toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code bin/pairing-worker} for the jar this benchmark runs from: beside the jar's directory in
   * the repository ({@code target/../bin}) or in it (the image's {@code /app/bin}).
   */
  static Path launcher() {
    Path dir = jar().getParent();
    for (Path candidate :
        List.of(
            dir.resolveSibling("bin").resolve("pairing-worker"),
            dir.resolve("bin/pairing-worker"))) {
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "no bin/pairing-worker beside "
            + dir
            + ": bench --worker-process starts the worker the documented way; give"
            + " --worker-jvm-options to start java directly");
  }

  /** The worker's command line as the OS has it (after the launcher's exec), or empty. */
  String commandLine() {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
      return new String(raw, java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ').strip();
    } catch (IOException e) {
      return "";
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Completes {@code grace} after the process has exited, by which time the replies it published
   * before have reached the bench's listener.
   */
  CompletableFuture<Void> exited(Duration grace) {
    return process
        .onExit()
        .thenRunAsync(
            () -> {}, CompletableFuture.delayedExecutor(grace.toMillis(), TimeUnit.MILLISECONDS));
  }

  /** The worker's {@code /metrics} endpoint. */
  URI metrics() {
    return metrics;
  }

  Path log() {
    return log;
  }

  /**
   * Sends SIGTERM, as a container runtime does, and waits for the exit code; a worker that has not
   * exited within {@code timeout} is killed and reported as -1.
   */
  int stop(Duration timeout) throws InterruptedException {
    process.destroy();
    if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      stoppedCleanly = process.exitValue() == 0;
      return process.exitValue();
    }
    process.destroyForcibly().waitFor();
    return -1;
  }

  /** The last lines of the worker's log, to show why it failed. */
  String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Kills the worker if it still runs; deletes its config, and its log unless it failed. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs anyway
    }
    try {
      Files.deleteIfExists(config);
      if (stoppedCleanly) {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      // temporary files; the OS cleans them eventually
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
