package dev.pairingworker.submit;

import dev.pairingworker.command.Op;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A parsed input file: the rows to send, the rows refused, and the run ID their transaction IDs
 * derive from.
 */
public record BatchFile(String runId, List<SubmitRow> rows, List<InvalidRow> invalid) {
  public BatchFile {
    rows = List.copyOf(rows);
    invalid = List.copyOf(invalid);
  }

  /**
   * Parses {@code content} for {@code op}. Without an explicit run ID, one is derived from the
   * content and the op, so the same input yields the same transaction IDs on every run.
   */
  public static BatchFile parse(String content, Op op, String runId) {
    String id = runId == null ? defaultRunId(content, op) : runId;
    return new RowParser(op, id).parse(content);
  }

  /** {@code submit-} and 16 hex digits of SHA-256 over the op and the file content. */
  public static String defaultRunId(String content, Op op) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((op.wireName() + "\n").getBytes(StandardCharsets.UTF_8));
      byte[] digest = sha.digest(content.getBytes(StandardCharsets.UTF_8));
      return "submit-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
