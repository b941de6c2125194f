package dev.pairingworker.cli;

import dev.pairingworker.worker.CommonPool;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code pairing-worker.jar}. */
@Command(
    name = "pairing-worker",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Executes PingOne MFA pairing-key commands from Kafka and publishes the replies.",
    subcommands = {
      RunCommand.class,
      DemoCommand.class,
      SimulateCommand.class,
      BenchCommand.class,
      SubmitCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // First: before anything creates the common pool or a CompletableFuture.
    CommonPool.configure();
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
