package dev.pairingworker.worker;

import dev.pairingworker.metrics.HealthState;
import dev.pairingworker.pingone.PingOneCaller;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks for a token at start-up and again every {@link #INTERVAL} while the worker has no valid one,
 * so that {@code /health/ready} reflects PingOne auth on an idle worker too. Once a token was
 * obtained, tokens are refreshed by the commands themselves.
 */
final class AuthProbe {
  static final Duration INTERVAL = Duration.ofSeconds(15);

  private AuthProbe() {}

  static void schedule(
      ScheduledExecutorService scheduler, PingOneCaller caller, HealthState health) {
    scheduler.scheduleWithFixedDelay(
        () -> {
          if (!health.authOk()) {
            // A failure is already reported to the health state by the token observer.
            caller.prefetchToken().exceptionally(failure -> null);
          }
        },
        0,
        INTERVAL.toMillis(),
        TimeUnit.MILLISECONDS);
  }
}
