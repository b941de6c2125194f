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
  private final DoubleSupplier limiterRate;
  private final HeapWatcher heap = new HeapWatcher();
  private final ScheduledExecutorService timer;
  // Guarded by this: written by the timer thread, read by the caller of stop().
  private double inFlightSum;
  private double inFlightMax;
  private long samples;
  private double rateSum;
  private double rateMin = Double.NaN;
  private long rateSamples;

  /**
   * Figures of one sampled period.
   *
   * @param inFlightMean mean of the in-flight samples
   * @param inFlightMax largest in-flight sample
   * @param samples how many samples were taken
   * @param peakHeapUsedBytes the largest heap in use (garbage included)
   * @param peakHeapAfterGcBytes the largest heap left after a collection (0 when none ran)
   * @param limiterRateMean mean of the client-side rate limiter's current rate; NaN without a
   *     limiter
   * @param limiterRateMin lowest sample of it (after 429s); NaN without a limiter
   */
  record Figures(
      double inFlightMean,
      double inFlightMax,
      long samples,
      long peakHeapUsedBytes,
      long peakHeapAfterGcBytes,
      double limiterRateMean,
      double limiterRateMin) {}

  private ResourceSampler(DoubleSupplier inFlight, DoubleSupplier limiterRate) {
    this.inFlight = inFlight;
    this.limiterRate = limiterRate;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "bench-sampler");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** {@code limiterRate} answers NaN when there is no client-side limit. */
  static ResourceSampler start(DoubleSupplier inFlight, DoubleSupplier limiterRate) {
    ResourceSampler sampler = new ResourceSampler(inFlight, limiterRate);
    sampler.timer.scheduleAtFixedRate(sampler::sample, 0, PERIOD.toNanos(), TimeUnit.NANOSECONDS);
    return sampler;
  }

  private synchronized void sample() {
    double now = inFlight.getAsDouble();
    inFlightSum += now;
    inFlightMax = Math.max(inFlightMax, now);
    samples++;
    double rate = limiterRate.getAsDouble();
    if (!Double.isNaN(rate)) {
      rateSum += rate;
      rateMin = Double.isNaN(rateMin) ? rate : Math.min(rateMin, rate);
      rateSamples++;
    }
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
        heap.peakAfterGcBytes(),
        rateSamples == 0 ? Double.NaN : rateSum / rateSamples,
        rateMin);
  }

  @Override
  public void close() {
    timer.shutdown();
    heap.close();
  }
}
