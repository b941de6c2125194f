package dev.pairingworker.bench;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/** Samples the calls in flight and the heap at a fixed period while a run is driven. */
final class ResourceSampler implements AutoCloseable {
  static final Duration PERIOD = Duration.ofMillis(10);

  private final DoubleSupplier inFlight;
  private final HeapWatcher heap = new HeapWatcher();
  private final ScheduledExecutorService timer;
  // Guarded by this: written by the timer thread, read by the caller of stop().
  private double inFlightSum;
  private double inFlightMax;
  private long samples;

  /**
   * Figures of one sampled period.
   *
   * @param inFlightMean mean of the in-flight samples
   * @param inFlightMax largest in-flight sample
   * @param samples how many samples were taken
   * @param peakHeapUsedBytes the largest heap in use (garbage included)
   * @param peakHeapAfterGcBytes the largest heap left after a collection (0 when none ran)
   */
  record Figures(
      double inFlightMean, double inFlightMax, long samples, long peakHeapUsedBytes, long peakHeapAfterGcBytes) {}

  private ResourceSampler(DoubleSupplier inFlight) {
    this.inFlight = inFlight;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "bench-sampler");
              thread.setDaemon(true);
              return thread;
            });
  }

  static ResourceSampler start(DoubleSupplier inFlight) {
    ResourceSampler sampler = new ResourceSampler(inFlight);
    sampler.timer.scheduleAtFixedRate(sampler::sample, 0, PERIOD.toNanos(), TimeUnit.NANOSECONDS);
    return sampler;
  }

  private synchronized void sample() {
    double now = inFlight.getAsDouble();
    inFlightSum += now;
    inFlightMax = Math.max(inFlightMax, now);
    samples++;
    heap.sample();
  }

  /** Stops sampling and returns the figures. */
  Figures stop() throws InterruptedException {
    close();
    if (!timer.awaitTermination(5, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the sampler did not stop");
    }
    return figures();
  }

  private synchronized Figures figures() {
    return new Figures(
        samples == 0 ? 0 : inFlightSum / samples,
        inFlightMax,
        samples,
        heap.peakUsedBytes(),
        heap.peakAfterGcBytes());
  }

  @Override
  public void close() {
    timer.shutdown();
    heap.close();
  }
}
