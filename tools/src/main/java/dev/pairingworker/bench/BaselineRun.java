package dev.pairingworker.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairingworker.client.CommandClient;
import dev.pairingworker.command.Json;
import dev.pairingworker.simulator.PingOneSimulator;
import java.time.Duration;
import java.util.Map;

/**
 * The {@link SerialBaseline} on a smaller workload with as many commands per user as the worker's,
 * against a fresh simulator with the same settings and fresh topics.
 */
final class BaselineRun {
  private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(30);

  private BaselineRun() {}

  static RunFigures measure(BenchOptions options, Map<String, Object> kafka, String run)
      throws Exception {
    int commands = options.baselineCommands();
    int users =
        (int) Math.max(1, Math.round((double) commands * options.users() / options.commands()));
    BenchTopics topics = BenchTopics.create(kafka, run, options.partitions());
    ObjectMapper json = Json.mapper();
    try (PingOneSimulator simulator = BenchSimulator.start(options)) {
      DirectPingOne pingOne = DirectPingOne.connect(simulator, options.rateLimit(), json);
      try (SerialBaseline baseline =
              SerialBaseline.start(kafka, run, topics, pingOne.executor(), json);
          CommandClient client =
              new CommandClient(kafka, topics.commands(), topics.replies())
                  .awaitListening(LISTEN_TIMEOUT)) {
        Measurement measurement =
            new Measurement(simulator, client, () -> pingOne.slots().inUse(), () -> Double.NaN);
        // The serial baseline is slow: a long warm-up would take minutes and barely change it.
        measurement.warmUp(run, Measurement.MIN_WARM_UP_COMMANDS);
        Bound bound = Bound.of(1, options.latency(), options.simRateLimit(), options.rateLimit());
        RunFigures figures =
            measurement.measure(
                "serial-baseline",
                Workload.creates(run, commands, users, options.userRuns()).seededIn(simulator),
                users,
                bound,
                options.produceRate(),
                options.timeout());
        if (baseline.failure() != null) {
          throw new IllegalStateException("the serial baseline failed", baseline.failure());
        }
        return figures;
      }
    }
  }
}
