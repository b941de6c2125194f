package dev.pairingworker.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The error part of a reply: PingOne's own error for FAILED, a worker code for REJECTED.
 *
 * @param id PingOne's error id, when PingOne answered
 * @param details PingOne's {@code details} array as returned, or null
 * @param target for worker codes, the field or header at fault
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplyError(String code, String message, JsonNode details, String id, String target) {
  public static ReplyError worker(String code, String message) {
    return new ReplyError(code, message, null, null, null);
  }

  static ReplyError of(Rejection rejection) {
    return new ReplyError(rejection.code(), rejection.message(), null, null, rejection.target());
  }
}
