package dev.pairingworker.bench;

import dev.pairingworker.client.CommandClient;
import dev.pairingworker.config.WorkerConfig;
import dev.pairingworker.metrics.Metric;
import dev.pairingworker.simulator.PingOneSimulator;
import dev.pairingworker.simulator.SimulatorSettings;
import dev.pairingworker.testkit.SimulatedPingOne;
import dev.pairingworker.worker.Worker;
import io.micrometer.core.instrument.Gauge;
import java.time.Duration;
import java.util.Map;

/**
 * The product's worker, started in-process as {@code run} would start it, against its own
 * simulator.
 */
final class WorkerRun {
  private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(30);

  private WorkerRun() {}

  static RunFigures measure(BenchOptions options, Map<String, Object> kafka, String run)
      throws Exception {
    return measure(options, kafka, run, new Variant("worker", Map.of()));
  }

  /** A run of the worker with the variant's settings, named after it. */
  static RunFigures measure(
      BenchOptions options, Map<String, Object> kafka, String run, Variant variant)
      throws Exception {
    BenchTopics topics = BenchTopics.create(kafka, run, options.partitions());
    try (PingOneSimulator simulator = BenchSimulator.start(options);
        Worker worker =
            Worker.start(config(options, kafka, topics, run, simulator, variant.settings()));
        CommandClient client =
            new CommandClient(kafka, topics.commands(), topics.replies())
                .awaitListening(LISTEN_TIMEOUT)) {
      Gauge inFlight = worker.metrics().registry().get(Metric.IN_FLIGHT.meterName()).gauge();
      Gauge rate = worker.metrics().registry().get(Metric.RATE_LIMIT.meterName()).gauge();
      Measurement measurement = new Measurement(simulator, client, inFlight::value, rate::value);
      measurement.warmUp(run, options.warmup());
      Bound bound =
          Bound.of(
              options.inFlight(), options.latency(), options.simRateLimit(), options.rateLimit());
      return measurement.measure(
          variant.name(),
          Workload.creates(run, options).seededIn(simulator),
          options.users(),
          bound,
          options.produceRate(),
          options.timeout());
    }
  }

  private static WorkerConfig config(
      BenchOptions options,
      Map<String, Object> kafka,
      BenchTopics topics,
      String run,
      PingOneSimulator simulator,
      Map<String, String> variant) {
    Map<String, String> settings = settings(options, kafka, topics, run, simulator);
    settings.putAll(variant);
    settings.put("metrics.port", "0");
    return WorkerConfig.of(settings);
  }

  /** The worker's configuration for a run, as {@code run --config} would read it. */
  static Map<String, String> settings(
      BenchOptions options,
      Map<String, Object> kafka,
      BenchTopics topics,
      String run,
      PingOneSimulator simulator) {
    return SimulatedPingOne.workerSettings(
            simulator, SimulatorSettings.defaults(), Workload.ENVIRONMENT_ID)
        .kafka(kafka.get("bootstrap.servers").toString())
        .group(run)
        .topics(topics.commands(), topics.replies(), topics.deadLetter())
        .set("worker.max.in-flight", Integer.toString(options.inFlight()))
        .set("worker.max.buffered", Integer.toString(options.maxBuffered()))
        .set("pingone.rate.limit", Integer.toString(options.rateLimit()))
        .toMap();
  }
}
