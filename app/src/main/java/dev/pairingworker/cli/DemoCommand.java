package dev.pairingworker.cli;

import dev.pairingworker.demo.Demo;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo}: broker, simulator and worker in one process, with sample commands. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Start an in-process Kafka broker, the PingOne simulator and the worker; send sample commands",
      "(create, get, delete, an invalid and an expired one) and print the replies; then run until Ctrl-C."
    })
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--exit-after-samples", description = "Stop after printing the sample replies.")
  boolean exitAfterSamples;

  @Option(
      names = "--metrics-port",
      defaultValue = "9464",
      description = "Worker metrics port (0 = any). Default: ${DEFAULT-VALUE}.")
  int metricsPort;

  @Override
  public Integer call() throws Exception {
    Demo demo = Demo.start(System.out, metricsPort);
    if (exitAfterSamples) {
      try (demo) {
        demo.runSamples();
      }
      return 0;
    }
    Shutdown.onSignal(demo);
    demo.runSamples();
    System.out.println("\nThe worker keeps running. Press Ctrl-C to stop.");
    new CountDownLatch(1).await();
    return 0;
  }
}
