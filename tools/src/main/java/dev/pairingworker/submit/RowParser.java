package dev.pairingworker.submit;

import dev.pairingworker.command.Op;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads rows {@code environmentId,userId[,pairingKeyId]}, or columns named by a header line. */
final class RowParser {
  /** The pattern the worker (and PingOne's SDK) accepts; anything else would be REJECTED. */
  private static final Pattern UUID =
      Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

  private static final int MAX_TRANSACTION_ID_BYTES = 1024;
  private static final List<String> POSITIONAL = List.of("environmentid", "userid", "pairingkeyid");

  private final Op op;
  private final String runId;
  private final List<SubmitRow> rows = new ArrayList<>();
  private final List<InvalidRow> invalid = new ArrayList<>();
  private final Set<String> transactionIds = new HashSet<>();
  private List<String> columns = POSITIONAL;

  RowParser(Op op, String runId) {
    this.op = op;
    this.runId = runId;
  }

  BatchFile parse(String content) {
    // Spreadsheets save UTF-8 CSV with a byte-order mark, which would hide the header.
    String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int line = i + 1;
      if (lines[i].isBlank()) {
        continue;
      }
      List<String> fields = Csv.fields(lines[i]);
      if (rows.isEmpty() && invalid.isEmpty() && isHeader(fields)) {
        columns = fields.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
        continue;
      }
      row(line, fields);
    }
    return new BatchFile(runId, rows, invalid);
  }

  private static boolean isHeader(List<String> fields) {
    return fields.stream().anyMatch(f -> f.equalsIgnoreCase("environmentId"));
  }

  private void row(int line, List<String> fields) {
    if (fields.size() > columns.size()) {
      invalid.add(new InvalidRow(line, "more fields than columns (" + columns.size() + ")"));
      return;
    }
    String env = field(fields, "environmentid");
    String user = field(fields, "userid");
    String keyId = field(fields, "pairingkeyid");
    String given = field(fields, "transactionid");
    String reason = problem(env, user, keyId, given);
    if (reason != null) {
      invalid.add(new InvalidRow(line, reason));
      return;
    }
    String transactionId = given.isEmpty() ? runId + "-" + line : given;
    if (!transactionIds.add(transactionId)) {
      invalid.add(new InvalidRow(line, "transactionId repeats an earlier row's"));
      return;
    }
    rows.add(new SubmitRow(line, transactionId, env, user, op.needsPairingKeyId() ? keyId : null));
  }

  private String problem(String env, String user, String keyId, String transactionId) {
    if (!UUID.matcher(env).matches()) {
      return "environmentId must be a lowercase UUID";
    }
    if (!UUID.matcher(user).matches()) {
      return "userId must be a lowercase UUID";
    }
    if (op.needsPairingKeyId() && !UUID.matcher(keyId).matches()) {
      return "pairingKeyId must be a lowercase UUID for " + op.wireName();
    }
    if (!op.needsPairingKeyId() && !keyId.isEmpty()) {
      return "pairingKeyId is not used by create (wrong --op?)";
    }
    if (transactionId.getBytes(StandardCharsets.UTF_8).length > MAX_TRANSACTION_ID_BYTES) {
      return "transactionId is longer than " + MAX_TRANSACTION_ID_BYTES + " bytes";
    }
    if (transactionId.chars().anyMatch(Character::isISOControl)) {
      return "transactionId contains control characters";
    }
    return null;
  }

  private String field(List<String> fields, String column) {
    int index = columns.indexOf(column);
    return index < 0 || index >= fields.size() ? "" : fields.get(index);
  }
}
