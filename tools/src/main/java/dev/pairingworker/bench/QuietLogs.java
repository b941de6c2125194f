package dev.pairingworker.bench;

import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;

/**
 * Keeps the worker's one-line-per-command log out of the benchmark: thousands of lines cost time
 * and hide the table.
 */
final class QuietLogs {
  private static final String PER_COMMAND_LOGGER = "dev.pairingworker.pipeline.Intake";

  private QuietLogs() {}

  static void perCommandLinesOff() {
    if (LoggerFactory.getLogger(PER_COMMAND_LOGGER)
        instanceof ch.qos.logback.classic.Logger logger) {
      logger.setLevel(Level.WARN);
    }
  }
}
