package dev.pairingworker.cli;

import dev.pairingworker.simulator.LatencyModel;
import dev.pairingworker.simulator.PingOneSimulator;
import dev.pairingworker.simulator.SimulatorSettings;
import java.io.IOException;
import dev.pairingworker.config.Durations;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code simulate --port N}: the PingOne simulator alone, for local runs and users' own tests. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = "Run the PingOne simulator (token endpoint and pairing-key API) until Ctrl-C.")
final class SimulateCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "8080", description = "Port (0 = any free port). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind. Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(names = "--client-id", defaultValue = "simulator-client", description = "Accepted client id.")
  String clientId;

  @Option(names = "--client-secret", defaultValue = "simulator-secret", description = "Accepted client secret.")
  String clientSecret;

  @Option(names = "--latency", defaultValue = "0ms", description = "Fixed latency per request, e.g. 50ms.")
  String latency;

  @Option(names = "--token-lifetime", defaultValue = "1h", description = "Access-token lifetime, e.g. 5s, 1h.")
  String tokenLifetime;

  @Override
  public Integer call() throws IOException, InterruptedException {
    SimulatorSettings settings =
        SimulatorSettings.defaults()
            .withHost(host)
            .withPort(port)
            .withCredentials(clientId, clientSecret)
            .withLatency(LatencyModel.fixed(Durations.parse("--latency", latency)))
            .withTokenLifetime(Durations.parse("--token-lifetime", tokenLifetime));
    PingOneSimulator simulator = PingOneSimulator.start(settings);
    System.out.printf(
        "PingOne simulator listening%n  pingone.api.url=%s%n  pingone.auth.url=%s%n  pingone.client.id=%s%n",
        simulator.apiBaseUrl(), simulator.authBaseUrl(), clientId);
    CountDownLatch forever = new CountDownLatch(1);
    Shutdown.onSignal(simulator);
    forever.await();
    return 0;
  }

}
