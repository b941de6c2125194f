package dev.pairingworker.bench;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/** Samples the calls in flight and the memory at a fixed period while a run is driven. */
final class ResourceSampler implements AutoCloseable {
  static final Duration PERIOD = Duration.ofMillis(10);

  private final DoubleSupplier inFlight;
  private final DoubleSupplier limiterRate;
  private final MemoryProbe memory;
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
   * @param memory the memory peaks
   * @param limiterRateMean mean of the client-side rate limiter's current rate; NaN without a
   *     limiter
   * @param limiterRateMin lowest sample of it (after 429s); NaN without a limiter
   */
  record Figures(
      double inFlightMean,
      double inFlightMax,
      long samples,
      MemoryProbe.Figures memory,
      double limiterRateMean,
      double limiterRateMin) {}

  private ResourceSampler(DoubleSupplier inFlight, DoubleSupplier limiterRate, MemoryProbe memory) {
    this.inFlight = inFlight;
    this.limiterRate = limiterRate;
    this.memory = memory;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "bench-sampler");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * {@code limiterRate} answers NaN when there is no client-side limit; {@code memory} is closed
   * with the sampler.
   */
  static ResourceSampler start(
      DoubleSupplier inFlight, DoubleSupplier limiterRate, MemoryProbe memory) {
    ResourceSampler sampler = new ResourceSampler(inFlight, limiterRate, memory);
    sampler.timer.scheduleAtFixedRate(sampler::sample, 0, PERIOD.toNanos(), TimeUnit.NANOSECONDS);
    return sampler;
  }

  private synchronized void sample() {
    memory.sample();
    double now = inFlight.getAsDouble();
    // NaN while a worker process is not yet answering: no sample.
    if (!Double.isNaN(now)) {
      inFlightSum += now;
      inFlightMax = Math.max(inFlightMax, now);
      samples++;
    }
    double rate = limiterRate.getAsDouble();
    if (!Double.isNaN(rate)) {
      rateSum += rate;
      rateMin = Double.isNaN(rateMin) ? rate : Math.min(rateMin, rate);
      rateSamples++;
    }
  }

  /** Stops sampling and returns the figures. */
  Figures stop() throws InterruptedException {
    timer.shutdown();
    if (!timer.awaitTermination(5, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the sampler did not stop");
    }
    Figures figures = figures();
    memory.close();
    return figures;
  }

  private synchronized Figures figures() {
    return new Figures(
        samples == 0 ? 0 : inFlightSum / samples,
        inFlightMax,
        samples,
        memory.figures(),
        rateSamples == 0 ? Double.NaN : rateSum / rateSamples,
        rateMin);
  }

  @Override
  public void close() {
    timer.shutdown();
    memory.close();
  }
}
