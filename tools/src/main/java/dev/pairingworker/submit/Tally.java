package dev.pairingworker.submit;

import java.util.Map;
import java.util.TreeMap;

/** Counts of outcomes by status, for the summary line. */
public final class Tally {
  private final Map<String, Integer> byStatus = new TreeMap<>();
  private int unanswered;
  private int invalid;
  private int resumed;
  private int sendFailed;

  void count(String status) {
    byStatus.merge(status, 1, Integer::sum);
  }

  void resumed(String status) {
    count(status);
    resumed++;
  }

  void unanswered(int count) {
    unanswered += count;
  }

  void sendFailed(int count) {
    sendFailed += count;
  }

  /** Commands the broker did not take (counted only without waiting for replies). */
  public int sendFailed() {
    return sendFailed;
  }

  void invalid(int count) {
    invalid += count;
  }

  public int status(String status) {
    return byStatus.getOrDefault(status, 0);
  }

  public int unanswered() {
    return unanswered;
  }

  public int answered() {
    return byStatus.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** e.g. {@code succeeded 998, failed 1, rejected 0, expired 0, unanswered 1, invalid rows 2}. */
  public String summary() {
    return String.format(
        "succeeded %d, failed %d, rejected %d, expired %d, unanswered %d, invalid rows %d"
            + " (%d answered in an earlier run)",
        status("SUCCEEDED"),
        status("FAILED"),
        status("REJECTED"),
        status("EXPIRED"),
        unanswered,
        invalid,
        resumed);
  }
}
