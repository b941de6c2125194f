package dev.pairingworker.cli;

import dev.pairingworker.command.Op;
import dev.pairingworker.config.ConfigException;
import dev.pairingworker.config.ConfigLoader;
import dev.pairingworker.config.WorkerConfig;
import dev.pairingworker.submit.BatchFile;
import dev.pairingworker.submit.BatchSubmitter;
import dev.pairingworker.submit.SubmitOptions;
import dev.pairingworker.submit.Tally;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code submit --config FILE --csv users.csv}: a CSV of users through the worker. */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = {
      "Send one command per CSV row (environmentId,userId[,pairingKeyId], optional header,",
      "optional transactionId column) and, with --wait, write the replies to a results CSV.",
      "Re-running with the same input sends no row twice. Exit 0 when every row was answered,",
      "1 when some were not (or could not be sent), 2 for bad configuration or input."
    })
final class SubmitCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      required = true,
      description =
          "Worker properties file: Kafka settings and topics (see docs/configuration.md).")
  Path config;

  @Option(names = "--csv", required = true, description = "Input rows.")
  Path csv;

  @Option(
      names = "--op",
      defaultValue = "create",
      description = "create, get or delete. Default: ${DEFAULT-VALUE}.")
  String op;

  @Option(names = "--wait", description = "Wait for the replies and write the results file.")
  boolean await;

  @Option(
      names = "--results",
      description =
          "Results CSV (default: the input's name with .results.csv); resumed if present.")
  Path results;

  @Option(
      names = "--include-codes",
      description = "Write the secret pairing codes into the results file (never to the terminal).")
  boolean includeCodes;

  @Option(
      names = "--run-id",
      description = "Prefix of the transaction IDs (default: derived from the input and --op).")
  String runId;

  @Option(
      names = "--timeout",
      defaultValue = "PT10M",
      description = "How long to wait for replies once all are sent (ISO-8601). Default: 10 min.")
  Duration timeout;

  @Override
  public Integer call() throws InterruptedException {
    WorkerConfig settings;
    Op operation;
    BatchFile file;
    try {
      settings = ConfigLoader.load(config, System.getenv());
      operation = Op.valueOf(op.toUpperCase(java.util.Locale.ROOT));
      file = BatchFile.parse(Files.readString(csv, StandardCharsets.UTF_8), operation, runId);
    } catch (ConfigException e) {
      System.err.println("Invalid configuration: " + e.getMessage());
      return 2;
    } catch (IllegalArgumentException e) {
      System.err.println("--op must be create, get or delete, not " + op);
      return 2;
    } catch (IOException e) {
      System.err.println("Cannot read " + csv + ": " + e);
      return 2;
    }
    SubmitOptions options =
        new SubmitOptions(
            operation, await, resultsFile(), includeCodes, timeout, System.console() != null);
    BatchSubmitter submitter =
        new BatchSubmitter(
            settings.kafkaProperties(),
            settings.commandsTopic(),
            settings.repliesTopic(),
            System.out,
            Clock.systemUTC());
    try {
      Tally tally = submitter.submit(file, options);
      System.out.println(
          await ? tally.summary() : "sent; replies go to " + settings.repliesTopic());
      return tally.unanswered() == 0 && tally.sendFailed() == 0 ? 0 : 1;
    } catch (IOException e) {
      System.err.println("Results file: " + e.getMessage());
      return 2;
    }
  }

  private Path resultsFile() {
    if (results != null) {
      return results;
    }
    String name = csv.getFileName().toString().replaceFirst("\\.csv$", "");
    return csv.resolveSibling(name + ".results.csv");
  }
}
