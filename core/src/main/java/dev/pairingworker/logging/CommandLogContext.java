package dev.pairingworker.logging;

import dev.pairingworker.command.Command;
import dev.pairingworker.command.ExternalIds;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The MDC fields of the log lines about one command, set only while {@link #run} logs. Commands run
 * on shared pool threads, so the fields are removed again afterwards: nothing leaks into the next
 * command's lines. Only identifiers go here, never secrets or pairing codes.
 */
public final class CommandLogContext {
  /** The transaction ID as sent to PingOne in {@code X-Ping-External-Transaction-ID}. */
  public static final String TRANSACTION_ID = "transactionId";

  public static final String OP = "op";
  public static final String ENVIRONMENT_ID = "environmentId";
  public static final String USER_ID = "userId";

  /** PingOne's {@code Correlation-Id} response header, when an answer arrived. */
  public static final String CORRELATION_ID = "pingOneCorrelationId";

  private final Map<String, String> fields = new LinkedHashMap<>();

  private CommandLogContext() {}

  /** The fields of a valid command, plus PingOne's correlation ID when known (may be null). */
  public static CommandLogContext of(Command command, String correlationId) {
    return new CommandLogContext()
        .put(TRANSACTION_ID, ExternalIds.forHeader(command.transactionId()))
        .put(OP, command.op().wireName())
        .put(ENVIRONMENT_ID, command.environmentId())
        .put(USER_ID, command.userId())
        .put(CORRELATION_ID, correlationId);
  }

  /**
   * The fields known of a rejected record: its transaction ID and op as sent (sanitised, they are
   * untrusted text), either may be null.
   */
  public static CommandLogContext ofRejected(String transactionId, String op) {
    return new CommandLogContext()
        .put(TRANSACTION_ID, transactionId == null ? null : ExternalIds.forHeader(transactionId))
        .put(OP, op == null ? null : ExternalIds.forHeader(op));
  }

  /** The fields this context sets, in order. */
  public Map<String, String> fields() {
    return Map.copyOf(fields);
  }

  /** Runs {@code logging} with the fields in the MDC, and removes them afterwards. */
  public void run(Runnable logging) {
    fields.forEach(MDC::put);
    try {
      logging.run();
    } finally {
      fields.keySet().forEach(MDC::remove);
    }
  }

  private CommandLogContext put(String key, String value) {
    if (value != null) {
      fields.put(key, value);
    }
    return this;
  }
}
