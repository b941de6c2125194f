package dev.pairingworker.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the health endpoints report. Live: the poll loop runs. Ready: the consumer is in its group
 * with partitions, and the last token request succeeded (or none was needed yet).
 */
public final class HealthState {
  private volatile boolean pollLoopRunning;
  private volatile int assignedPartitions;
  private volatile String tokenProblem;

  public void pollLoopRunning(boolean running) {
    this.pollLoopRunning = running;
  }

  public void assignedPartitions(int count) {
    this.assignedPartitions = count;
  }

  /** Records the outcome of the last token request: null when it succeeded. */
  public void tokenProblem(String problem) {
    this.tokenProblem = problem;
  }

  public boolean live() {
    return pollLoopRunning;
  }

  public boolean ready() {
    return pollLoopRunning && assignedPartitions > 0 && tokenProblem == null;
  }

  /** The reasons, as a flat map rendered into the endpoint's JSON body. */
  public Map<String, Object> details() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("pollLoopRunning", pollLoopRunning);
    out.put("assignedPartitions", assignedPartitions);
    out.put("pingOneAuth", tokenProblem == null ? "ok" : tokenProblem);
    return out;
  }
}
