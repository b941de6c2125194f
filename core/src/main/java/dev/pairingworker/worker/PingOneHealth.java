package dev.pairingworker.worker;

import dev.pairingworker.command.Op;
import dev.pairingworker.metrics.HealthState;
import dev.pairingworker.pingone.PingOneObserver;
import java.time.Duration;

/**
 * Passes PingOne call reports to the metrics and marks the worker unready while tokens are refused.
 */
final class PingOneHealth implements PingOneObserver {
  private final PingOneObserver metrics;
  private final HealthState health;

  PingOneHealth(PingOneObserver metrics, HealthState health) {
    this.metrics = metrics;
    this.health = health;
  }

  @Override
  public void apiCall(Op op, String outcome, Duration elapsed) {
    metrics.apiCall(op, outcome, elapsed);
  }

  @Override
  public void retry(Op op, String reason) {
    metrics.retry(op, reason);
  }

  @Override
  public void gaveUp(Op op, String reason, boolean outcomeUnknown) {
    metrics.gaveUp(op, reason, outcomeUnknown);
  }

  @Override
  public void tokenRequest(String outcome, Duration elapsed) {
    metrics.tokenRequest(outcome, elapsed);
    health.tokenProblem("200".equals(outcome) ? null : "token request failed: " + outcome);
  }
}
