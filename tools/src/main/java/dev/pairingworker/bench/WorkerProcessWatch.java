package dev.pairingworker.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Watches a {@link WorkerProcess}: its RSS from {@code /proc/<pid>/status} and its heap, calls in
 * flight and rate limit from its {@code /metrics}, scraped at most every {@link #SCRAPE_PERIOD}, or
 * the period it is given (a scrape costs the worker CPU: every 250 ms took ~5 % of a cold worker's;
 * Prometheus scrapes every 15 s or more). The peak RSS is the kernel's own (VmHWM), whatever the
 * period. Until the process is attached and has answered a scrape, the gauges read NaN, which the
 * sampler skips.
 */
final class WorkerProcessWatch implements MemoryProbe {
  static final Duration SCRAPE_PERIOD = Duration.ofSeconds(1);
  private static final Duration SCRAPE_TIMEOUT = Duration.ofSeconds(2);
  private static final Map<String, String> HEAP = Map.of("area", "heap");
  private static final Map<String, String> NON_HEAP = Map.of("area", "nonheap");
  private static final String PINGONE_REQUESTS = "pairing_worker_pingone_request_seconds_count";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(SCRAPE_TIMEOUT).build();
  private final Duration scrapePeriod;
  private volatile WorkerProcess process;
  private volatile ProcessMemory memory;
  private long lastScrape;
  // Written by the sampler thread, read by others: volatile, each a single writer.
  private volatile double inFlight = Double.NaN;
  private volatile double limiterRate = Double.NaN;
  private volatile double pingOneRequests = Double.NaN;
  private volatile double pingOneRateLimited = Double.NaN;
  private volatile long peakHeapUsed;
  private volatile long peakHeapCommitted;
  private volatile long peakLiveData;
  private volatile long peakNonHeapUsed;
  private volatile long peakRss;
  private volatile long lastRss;
  private volatile long cpuNanos = -1;

  WorkerProcessWatch() {
    this(SCRAPE_PERIOD);
  }

  /** Scrapes at most every {@code scrapePeriod} when sampled ({@link #sampleNow} always does). */
  WorkerProcessWatch(Duration scrapePeriod) {
    this.scrapePeriod = scrapePeriod;
  }

  /** Starts watching the worker once it has started. */
  void attach(WorkerProcess worker) {
    this.memory = ProcessMemory.of(worker.pid());
    this.process = worker;
  }

  /** The worker's CPU time at the last sample; -1 before one. */
  long cpuNanos() {
    return cpuNanos;
  }

  double inFlight() {
    return inFlight;
  }

  double limiterRate() {
    return limiterRate;
  }

  /**
   * PingOne API calls the worker made so far, answered or not (its {@code
   * pairing_worker_pingone_request_seconds} timer's count, over every op and status), at the last
   * scrape; NaN before one.
   */
  double pingOneRequests() {
    return pingOneRequests;
  }

  /** Of those, the calls PingOne answered 429; NaN before a scrape. */
  double pingOneRateLimited() {
    return pingOneRateLimited;
  }

  @Override
  public synchronized void sample() {
    WorkerProcess worker = process;
    if (worker == null || !worker.isAlive()) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastScrape < scrapePeriod.toNanos()) {
      return;
    }
    lastScrape = now;
    sampleNow();
  }

  /** Reads the RSS and scrapes the metrics now, e.g. once more before the worker is stopped. */
  synchronized void sampleNow() {
    WorkerProcess worker = process;
    if (worker == null) {
      return;
    }
    memory.peakRssBytes().ifPresent(bytes -> peakRss = Math.max(peakRss, bytes));
    memory.rssBytes().ifPresent(bytes -> lastRss = bytes);
    long cpu = memory.cpuNanos();
    if (cpu >= 0) {
      cpuNanos = cpu;
    }
    String exposition = scrape(worker);
    if (exposition == null) {
      return;
    }
    inFlight = PrometheusText.sum(exposition, "pairing_worker_in_flight", Map.of());
    limiterRate = PrometheusText.sum(exposition, "pairing_worker_pingone_rate_limit", Map.of());
    // No series before the first call: none made yet.
    pingOneRequests = zeroIfNaN(PrometheusText.sum(exposition, PINGONE_REQUESTS, Map.of()));
    pingOneRateLimited =
        zeroIfNaN(PrometheusText.sum(exposition, PINGONE_REQUESTS, Map.of("status", "429")));
    peakHeapUsed = max(peakHeapUsed, exposition, "jvm_memory_used_bytes", HEAP);
    peakHeapCommitted = max(peakHeapCommitted, exposition, "jvm_memory_committed_bytes", HEAP);
    peakNonHeapUsed = max(peakNonHeapUsed, exposition, "jvm_memory_used_bytes", NON_HEAP);
    peakLiveData = max(peakLiveData, exposition, "jvm_gc_live_data_size_bytes", Map.of());
  }

  private static double zeroIfNaN(double value) {
    return Double.isNaN(value) ? 0 : value;
  }

  private static long max(long peak, String exposition, String metric, Map<String, String> labels) {
    double value = PrometheusText.sum(exposition, metric, labels);
    return Double.isNaN(value) ? peak : Math.max(peak, (long) value);
  }

  private String scrape(WorkerProcess worker) {
    HttpRequest request = HttpRequest.newBuilder(worker.metrics()).timeout(SCRAPE_TIMEOUT).build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body() : null;
    } catch (IOException e) {
      return null; // not listening yet, or gone
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /**
   * The peaks. The heap "after GC" is Micrometer's {@code jvm_gc_live_data_size_bytes}: the old
   * generation after a collection, what the worker kept alive.
   */
  @Override
  public Figures figures() {
    WorkerProcess worker = process;
    return new Figures(
        worker == null ? "worker process" : "worker process (pid " + worker.pid() + ")",
        peakHeapUsed,
        peakLiveData,
        peakRss == 0 ? OptionalLong.empty() : OptionalLong.of(peakRss));
  }

  /**
   * What only a worker process has: its RSS at the last sample and its committed heap and used
   * non-heap peaks.
   */
  long lastRssBytes() {
    return lastRss;
  }

  long peakHeapCommittedBytes() {
    return peakHeapCommitted;
  }

  long peakNonHeapUsedBytes() {
    return peakNonHeapUsed;
  }

  @Override
  public void close() {
    // nothing held: the process belongs to the caller
  }
}
