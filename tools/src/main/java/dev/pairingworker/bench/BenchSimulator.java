package dev.pairingworker.bench;

import dev.pairingworker.simulator.PingOneSimulator;
import dev.pairingworker.simulator.SimulatorSettings;
import java.io.IOException;

/** Starts the PingOne simulator as a run's options ask. */
final class BenchSimulator {
  private static final int PINGONE_KEYS_PER_USER = 20;

  private BenchSimulator() {}

  static PingOneSimulator start(BenchOptions options) throws IOException {
    int perUser = (options.commands() + options.users() - 1) / options.users();
    return PingOneSimulator.start(
        SimulatorSettings.defaults()
            .withLatency(options.latencyModel())
            .withFaults(options.faultSettings())
            // More creates per user than PingOne's 20 keys would measure 400s, not the worker.
            .withMaxValidKeysPerUser(Math.max(PINGONE_KEYS_PER_USER, perUser)));
  }
}
