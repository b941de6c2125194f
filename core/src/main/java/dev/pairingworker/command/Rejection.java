package dev.pairingworker.command;

/**
 * Why a record is not a valid command. Rejected records never reach PingOne; they get a REJECTED
 * reply (when they have a key) and a dead-letter copy.
 *
 * @param code a worker error code, e.g. {@code INVALID_COMMAND}
 * @param target the field or header at fault, e.g. {@code userId} or {@code
 *     header:kafka_replyTopic}
 */
public record Rejection(String code, String message, String target) {
  public static final String INVALID_COMMAND = "INVALID_COMMAND";
  public static final String INVALID_KEY = "INVALID_KEY";
  public static final String INVALID_HEADER = "INVALID_HEADER";
  public static final String ENVIRONMENT_NOT_ALLOWED = "ENVIRONMENT_NOT_ALLOWED";
  public static final String REPLY_TOPIC_NOT_ALLOWED = "REPLY_TOPIC_NOT_ALLOWED";
  public static final String RECORD_TOO_LARGE = "RECORD_TOO_LARGE";

  static Rejection command(String target, String message) {
    return new Rejection(INVALID_COMMAND, message, target);
  }
}
