package dev.pairingworker.cli;

import dev.pairingworker.worker.CommonPool;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code pairing-worker.jar}. */
@Command(
    name = "pairing-worker",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Executes PingOne MFA pairing-key commands from Kafka and publishes the replies.")
public final class Main implements Runnable {
  /**
   * The subcommands, in the order the usage lists them. picocli builds its model of a command by
   * reflection when the command is added, and {@code bench}'s has dozens of options: a worker
   * started with {@code run} builds only {@code run}'s (docs/benchmarks.md, section 0).
   */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("run", RunCommand::new);
    SUBCOMMANDS.put("demo", DemoCommand::new);
    SUBCOMMANDS.put("simulate", SimulateCommand::new);
    SUBCOMMANDS.put("bench", BenchCommand::new);
    SUBCOMMANDS.put("submit", SubmitCommand::new);
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // First: before anything creates the common pool or a CompletableFuture.
    CommonPool.configure();
    System.exit(commandLine(args).execute(args));
  }

  /**
   * The command line for {@code args}: when the first argument names a subcommand, with that
   * subcommand only; otherwise (no argument, an option, a mistyped name) with all of them, so that
   * the usage and picocli's "did you mean" list every one.
   */
  public static CommandLine commandLine(String... args) {
    CommandLine line = new CommandLine(new Main());
    Supplier<Object> named = args.length == 0 ? null : SUBCOMMANDS.get(args[0]);
    if (named != null) {
      line.addSubcommand(named.get());
    } else {
      SUBCOMMANDS.values().forEach(subcommand -> line.addSubcommand(subcommand.get()));
    }
    return line;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
