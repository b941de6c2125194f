package dev.pairingworker.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one run measured; serialised as is into the {@code --json} file.
 *
 * @param name {@code worker} or {@code serial-baseline}
 * @param elapsedSeconds from the first command sent to the last reply received
 * @param pingOneRequests requests the simulator counted in that time (retries and token requests
 *     included)
 * @param steadyPingOneRequestsPerSecond PingOne API requests per second between 10 % and 90 % of
 *     the span of their arrivals at the simulator ({@link SteadyRate}): the rate held while busy,
 *     without ramp-up and tail
 * @param pingOneRequestsByStatus those requests by the status the simulator answered
 * @param share429 the share of those requests answered 429 by the simulator's rate limit
 * @param repliesByStatus replies by their {@code status}
 * @param unanswered commands still without a reply when the timeout ran out
 * @param inFlightMean PingOne calls in flight, mean of samples every 10 ms
 * @param limiterRateMean the worker's client-side rate limit, mean of samples every 10 ms; it drops
 *     below {@code pingone.rate.limit} after 429s and climbs back; null without a limit
 * @param limiterRateMin the lowest sample of it; null without a limit
 * @param orderViolations creates that PingOne received after a later create of the same user (must
 *     be 0)
 * @param bound the throughput the settings allow at best
 * @param efficiency commands per second ÷ the bound; null without a bound
 * @param memoryOf the process the memory figures describe: the benchmark's own (broker, simulator
 *     and worker in one JVM) or the worker's
 * @param peakHeapUsedMb largest heap in use, garbage included
 * @param peakHeapAfterGcMb largest heap left after a collection (what the process kept alive)
 * @param peakRssMb peak resident set size ({@code VmHWM}) of that process; null where the operating
 *     system does not say
 * @param cpuCores CPU while the run was driven, in cores on average, by component ({@link CpuUse}),
 *     then the total: this JVM's threads, and with {@code --worker-process} the worker process as
 *     "worker"
 */
public record RunFigures(
    String name,
    int commands,
    int users,
    double elapsedSeconds,
    double commandsPerSecond,
    long pingOneRequests,
    double pingOneRequestsPerSecond,
    double steadyPingOneRequestsPerSecond,
    Map<Integer, Long> pingOneRequestsByStatus,
    double share429,
    Map<String, Long> repliesByStatus,
    int unanswered,
    LatencySummary latency,
    double inFlightMean,
    double inFlightMax,
    Double limiterRateMean,
    Double limiterRateMin,
    int createsChecked,
    int orderViolations,
    int usersWithOrderViolations,
    Bound bound,
    Double efficiency,
    String memoryOf,
    double peakHeapUsedMb,
    double peakHeapAfterGcMb,
    Double peakRssMb,
    Map<String, Double> cpuCores) {

  public RunFigures {
    cpuCores = Collections.unmodifiableMap(new LinkedHashMap<>(cpuCores));
    // Sorted, so the table and the JSON list statuses in a stable order.
    pingOneRequestsByStatus = Collections.unmodifiableMap(new TreeMap<>(pingOneRequestsByStatus));
    repliesByStatus = Collections.unmodifiableMap(new TreeMap<>(repliesByStatus));
  }
}
