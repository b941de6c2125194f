package dev.pairingworker.submit;

import dev.pairingworker.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code submit} run by a test: in this JVM (its stdout captured) or as a process. */
record SubmitRun(int exitCode, String output) {
  /** Runs the command line in this JVM; the output is also passed on to the test's stdout. */
  static SubmitRun inProcess(Path config, String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    int exitCode;
    try {
      exitCode = Main.commandLine().execute(arguments(config, args));
    } finally {
      System.setOut(original);
    }
    String output = bytes.toString(StandardCharsets.UTF_8);
    original.print(output);
    return new SubmitRun(exitCode, output);
  }

  /** Starts the command line as a process writing to {@code log}. */
  static Process process(Path config, Path log, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    command.addAll(List.of(arguments(config, args)));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static String[] arguments(Path config, String... args) {
    List<String> all = new ArrayList<>(List.of("submit", "--config", config.toString()));
    all.addAll(List.of(args));
    return all.toArray(String[]::new);
  }
}
