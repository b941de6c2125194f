package dev.pairingworker.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the health endpoints report. Live: the poll loop runs. Ready: the poll loop runs, the
 * consumer has partitions, a token was obtained at least once and the last token request succeeded.
 * The worker asks for a token at start-up (and again while it has none), so readiness reflects
 * PingOne auth even before the first command.
 */
public final class HealthState {
  /** {@code pingOneAuth} before any token request has answered. */
  public static final String NO_TOKEN_YET = "no token obtained yet";

  private volatile boolean pollLoopRunning;
  private volatile int assignedPartitions;
  private volatile boolean tokenObtained;
  private volatile String tokenProblem;

  public void pollLoopRunning(boolean running) {
    this.pollLoopRunning = running;
  }

  public int assignedPartitions() {
    return assignedPartitions;
  }

  public void assignedPartitions(int count) {
    this.assignedPartitions = count;
  }

  /** Records the outcome of the last token request: null when it succeeded. */
  public void tokenProblem(String problem) {
    if (problem == null) {
      tokenObtained = true;
    }
    this.tokenProblem = problem;
  }

  /** Whether a token was obtained and the last token request succeeded. */
  public boolean authOk() {
    return tokenObtained && tokenProblem == null;
  }

  public boolean live() {
    return pollLoopRunning;
  }

  public boolean ready() {
    return reasons().isEmpty();
  }

  /** Why the worker is not ready; empty when it is. */
  public List<String> reasons() {
    List<String> out = new ArrayList<>();
    if (!pollLoopRunning) {
      out.add("poll loop not running");
    }
    if (assignedPartitions == 0) {
      out.add("no partitions assigned");
    }
    if (!authOk()) {
      out.add("PingOne auth: " + pingOneAuth());
    }
    return out;
  }

  /** The state, as a flat map rendered into the endpoint's JSON body. */
  public Map<String, Object> details() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("pollLoopRunning", pollLoopRunning);
    out.put("assignedPartitions", assignedPartitions);
    out.put("pingOneAuth", pingOneAuth());
    out.put("notReadyBecause", reasons());
    return out;
  }

  private String pingOneAuth() {
    if (tokenProblem != null) {
      return tokenProblem;
    }
    return tokenObtained ? "ok" : NO_TOKEN_YET;
  }
}
