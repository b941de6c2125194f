package dev.pairingworker.submit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results CSV. Rows are appended as replies arrive, so an interrupted run leaves every answer
 * it received; a later run with the same input reads them back and does not send those rows again.
 */
final class ResultsFile implements AutoCloseable {
  private final BufferedWriter out;
  private final boolean includeCodes;

  private ResultsFile(BufferedWriter out, boolean includeCodes) {
    this.out = out;
    this.includeCodes = includeCodes;
  }

  /** Statuses by transaction ID of the rows an earlier run wrote; empty when there is no file. */
  static Map<String, String> earlierStatuses(Path file) throws IOException {
    Map<String, String> statuses = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return statuses;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      List<String> fields = Csv.fields(line);
      if (fields.size() >= 2 && !fields.get(1).isEmpty()) {
        statuses.put(fields.get(0), fields.get(1));
      }
    }
    return statuses;
  }

  /**
   * Opens the file for appending, writing the header when the file is new. Refuses a file whose
   * header differs (another layout, or codes asked for in one run and not the other).
   */
  static ResultsFile open(Path file, boolean includeCodes) throws IOException {
    String header = Csv.line(Outcome.header(includeCodes));
    boolean exists = Files.exists(file) && Files.size(file) > 0;
    if (exists) {
      String first = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
      if (!first.equals(header)) {
        throw new IOException(
            file + " has the header '" + first + "', not '" + header + "' (--include-codes?)");
      }
    }
    BufferedWriter out =
        Files.newBufferedWriter(
            file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    if (!exists) {
      out.write(header);
      out.newLine();
    }
    return new ResultsFile(out, includeCodes);
  }

  void write(Outcome outcome) throws IOException {
    out.write(Csv.line(outcome.fields(includeCodes)));
    out.newLine();
  }

  void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
