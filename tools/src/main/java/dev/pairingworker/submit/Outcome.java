package dev.pairingworker.submit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One answered row, as written to the results file.
 *
 * @param code the secret pairing code; {@code null} unless the caller asked for codes
 */
public record Outcome(
    String transactionId,
    String status,
    String pairingKeyId,
    String httpStatus,
    String errorCode,
    String errorMessage,
    String code) {
  static final List<String> COLUMNS =
      List.of("transactionId", "status", "pairingKeyId", "httpStatus", "errorCode", "errorMessage");
  static final String CODE_COLUMN = "code";

  /** Reads a reply; the pairing code is kept only when {@code includeCode}. */
  public static Outcome fromReply(String transactionId, JsonNode reply, boolean includeCode) {
    JsonNode key = reply.path("pairingKey");
    String keyId = text(key.path("id"));
    return new Outcome(
        transactionId,
        text(reply.path("status")),
        keyId.isEmpty() ? text(reply.path("pairingKeyId")) : keyId,
        text(reply.path("httpStatus")),
        text(reply.path("error").path("code")),
        text(reply.path("error").path("message")),
        includeCode ? text(key.path("code")) : null);
  }

  static List<String> header(boolean includeCodes) {
    List<String> header = new ArrayList<>(COLUMNS);
    if (includeCodes) {
      header.add(CODE_COLUMN);
    }
    return header;
  }

  List<String> fields(boolean includeCodes) {
    List<String> fields =
        new ArrayList<>(
            List.of(transactionId, status, pairingKeyId, httpStatus, errorCode, errorMessage));
    if (includeCodes) {
      fields.add(code == null ? "" : code);
    }
    return fields;
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? "" : node.asText();
  }
}
