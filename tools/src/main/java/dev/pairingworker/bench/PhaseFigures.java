package dev.pairingworker.bench;

import java.util.List;

/**
 * One phase of a {@code bench --fleet} run: what PingOne (the simulator) admitted and refused in
 * its measurement window, and what each running worker sent.
 *
 * @param name the phase, e.g. {@code A: 3 workers}
 * @param event what started it: the workers starting, one leaving, one joining
 * @param settledSeconds from the event until the running workers owned every partition between
 *     them, each some, and each was calling PingOne
 * @param windowStartSeconds when the window opened, in seconds since the first worker started
 * @param windowSeconds the window's length
 * @param admitted API requests the simulator admitted in the window (not answered 429)
 * @param rateLimited API requests it answered 429 in the window
 * @param admittedPerSecond admitted requests per second
 * @param shareOfLimit admitted requests per second ÷ the simulator's limit (target ≥ 0.95)
 * @param share429 the share of the window's requests answered 429 (target < 0.01)
 * @param fewestAdmittedInASecond the fewest requests admitted in one of the window's whole seconds
 * @param mostAdmittedInASecond the most admitted in one of them
 * @param secondsWith429 how many of them had a 429
 * @param workers each running worker's own figures in the window
 * @param backlogLeft creates not yet answered 201 by the simulator when the window closed; 0 means
 *     the backlog ran dry during the window
 * @param loadAverage the machine's one-minute load average when the window closed (Linux's {@code
 *     /proc/loadavg}; this run's own processes included), NaN where unknown: the fleet shares the
 *     machine with whatever else runs
 */
public record PhaseFigures(
    String name,
    String event,
    double settledSeconds,
    double windowStartSeconds,
    double windowSeconds,
    long admitted,
    long rateLimited,
    double admittedPerSecond,
    double shareOfLimit,
    double share429,
    long fewestAdmittedInASecond,
    long mostAdmittedInASecond,
    int secondsWith429,
    List<Worker> workers,
    long backlogLeft,
    double loadAverage) {

  public PhaseFigures {
    workers = List.copyOf(workers);
  }

  /**
   * One worker in a window, from its own {@code /metrics}.
   *
   * @param name the worker, e.g. {@code w2}
   * @param partitions partitions of the commands topic it owned when the window closed
   * @param requestsPerSecond PingOne API calls it made per second in the window (its {@code
   *     pairing_worker_pingone_request_seconds} count; a call is counted when its answer came)
   * @param rateLimitedPerSecond of those, the calls answered 429, per second
   * @param pace its client-side rate limit when the window closed: its share of {@code
   *     pingone.rate.limit}, after any cut
   */
  public record Worker(
      String name,
      int partitions,
      double requestsPerSecond,
      double rateLimitedPerSecond,
      double pace) {}

  static PhaseFigures of(
      String name,
      String event,
      double settledSeconds,
      double windowStartSeconds,
      RequestWindow window,
      int simRateLimit,
      List<Worker> workers,
      long backlogLeft,
      double loadAverage) {
    return new PhaseFigures(
        name,
        event,
        settledSeconds,
        windowStartSeconds,
        window.seconds(),
        window.admitted(),
        window.rateLimited(),
        window.admittedPerSecond(),
        window.shareOfLimit(simRateLimit),
        window.share429(),
        window.fewestAdmittedInASecond(),
        window.mostAdmittedInASecond(),
        window.secondsWith429(),
        workers,
        backlogLeft,
        loadAverage);
  }
}
