package dev.pairingworker.cli;

import dev.pairingworker.config.ConfigException;
import dev.pairingworker.config.ConfigLoader;
import dev.pairingworker.config.ObservabilitySettings;
import dev.pairingworker.config.WorkerConfig;
import dev.pairingworker.worker.Worker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run --config FILE}: the worker in production. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run the worker until SIGTERM or SIGINT, then finish in-flight work, commit and exit 0.")
final class RunCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  @Option(
      names = "--config",
      required = true,
      description = "Properties file (see docs/configuration.md).")
  Path config;

  @Override
  public Integer call() throws InterruptedException {
    WorkerConfig settings;
    try {
      settings = ConfigLoader.load(config, System.getenv());
    } catch (ConfigException e) {
      System.err.println("Invalid configuration: " + e.getMessage());
      return 2;
    }
    settings.get(ObservabilitySettings.LOG_FORMAT).use();
    log.info("Starting with {}", settings);
    Worker worker = Worker.start(settings);
    Shutdown.onSignal(worker, settings.shutdownTimeout());
    log.info("Worker running; metrics on http://localhost:{}/metrics", worker.metricsPort());
    while (!worker.awaitStopped(java.time.Duration.ofSeconds(1))) {
      // the poll loop runs until a signal or a fatal error
    }
    if (worker.failure() != null) {
      log.error("Worker stopped after a fatal error: {}", worker.failure().toString());
      return 1;
    }
    return 0;
  }
}
