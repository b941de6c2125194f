package dev.pairingworker.cli;

import dev.pairingworker.worker.Worker;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Graceful stop on SIGTERM/SIGINT. The JVM reports 143 or 130 for a signal even after a clean stop;
 * a stop that completed is a success, so the hook ends the process with 0 itself.
 */
final class Shutdown {
  private static final Logger log = LoggerFactory.getLogger(Shutdown.class);

  private Shutdown() {}

  static void onSignal(AutoCloseable... resources) {
    onSignal(null, Duration.ZERO, resources);
  }

  static void onSignal(Worker worker, Duration timeout, AutoCloseable... resources) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  boolean clean = stop(worker, timeout);
                  for (AutoCloseable resource : resources) {
                    try {
                      resource.close();
                    } catch (Exception e) {
                      clean = false;
                      log.warn("Could not close {}: {}", resource, e.toString());
                    }
                  }
                  log.info(clean ? "Stopped cleanly" : "Stopped; some work may be redelivered");
                  Runtime.getRuntime().halt(clean ? 0 : 1);
                },
                "shutdown"));
  }

  private static boolean stop(Worker worker, Duration timeout) {
    if (worker == null) {
      return true;
    }
    log.info("Signal received: finishing in-flight commands (at most {})", timeout);
    worker.stop();
    try {
      return worker.awaitStopped(timeout.plusSeconds(15)) && worker.failure() == null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (RuntimeException e) {
      // Still end the process (exit 1) rather than let the signal's default status through.
      log.warn("The stop was not clean: {}", e.toString());
      return false;
    }
  }
}
