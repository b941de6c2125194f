package dev.pairingworker.cli;

import dev.pairingworker.command.Op;
import dev.pairingworker.config.ConfigException;
import dev.pairingworker.config.ConfigLoader;
import dev.pairingworker.config.Durations;
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
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code submit --config FILE --csv users.csv}: a CSV of users through the worker. */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = {
      "Send one command per CSV row (environmentId,userId[,pairingKeyId]; optional header",
      "line, optional transactionId column); with --wait, write the replies to a results CSV.",
      "Re-running with the same input sends no row twice (see docs/submit.md).",
      "Exit 0 when every row was answered (whatever its status), 1 when some were not",
      "or could not be sent, 2 for bad configuration, options or input file."
    })
final class SubmitCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      required = true,
      description = "Worker properties file: Kafka settings and topics (docs/configuration.md).")
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
      description = "Results CSV, resumed if present. Default: <input name>.results.csv.")
  Path results;

  @Option(
      names = "--include-codes",
      description = "Write the secret pairing codes into the results file (never to the terminal).")
  boolean includeCodes;

  @Option(
      names = "--run-id",
      description = "Prefix of the transaction IDs. Default: derived from the input and --op.")
  String runId;

  @Option(
      names = "--timeout",
      defaultValue = "10m",
      description = "How long to wait for replies once all are sent. Default: ${DEFAULT-VALUE}.")
  String timeout;

  @Override
  public Integer call() throws InterruptedException {
    WorkerConfig settings;
    SubmitOptions options;
    BatchFile file;
    try {
      settings = ConfigLoader.load(config, System.getenv());
      options = options();
      file = BatchFile.parse(Files.readString(csv, StandardCharsets.UTF_8), options.op(), runId);
    } catch (ConfigException e) {
      System.err.println("Invalid configuration: " + e.getMessage());
      return 2;
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    } catch (IOException e) {
      System.err.println("Cannot read " + csv + ": " + e);
      return 2;
    }
    return submit(settings, file, options);
  }

  private int submit(WorkerConfig settings, BatchFile file, SubmitOptions options)
      throws InterruptedException {
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
    } catch (KafkaException | IllegalStateException e) {
      System.err.println("Kafka: " + e.getMessage());
      return 1;
    }
  }

  private SubmitOptions options() {
    Op operation =
        Arrays.stream(Op.values())
            .filter(o -> o.wireName().equals(op))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException("--op must be create, get or delete, not " + op));
    return new SubmitOptions(
        operation,
        await,
        resultsFile(),
        includeCodes,
        Durations.parse("--timeout", timeout),
        System.console() != null);
  }

  private Path resultsFile() {
    if (results != null) {
      return results;
    }
    String name = csv.getFileName().toString().replaceFirst("\\.csv$", "");
    return csv.resolveSibling(name + ".results.csv");
  }
}
