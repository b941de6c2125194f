package dev.pairingworker.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * One request the simulator received, with the response status it chose.
 *
 * @param receivedAt when the request arrived, by the simulator's clock
 * @param method the HTTP method
 * @param path the raw (still percent-encoded) request path, without the query
 * @param transactionId the {@code X-Ping-External-Transaction-ID} value as the client sent it (its
 *     UTF-8 bytes decoded), or {@code null} when absent
 * @param sessionId the {@code X-Ping-External-Session-ID} value as sent, or {@code null} when
 *     absent
 * @param token the state of the bearer token; always {@link TokenState#NONE} for token-endpoint
 *     requests
 * @param status the HTTP status of the response, or {@link #CONNECTION_RESET} when the connection
 *     was closed without one
 * @param correlationId the {@code Correlation-Id} header of the response (generated but never sent
 *     for a connection reset)
 * @param retryAfter the {@code Retry-After} the response carried, or {@code null} when none; with
 *     {@link #receivedAt} it tells when the client may come back
 */
public record RecordedRequest(
    Instant receivedAt,
    String method,
    String path,
    String transactionId,
    String sessionId,
    TokenState token,
    int status,
    String correlationId,
    Duration retryAfter) {

  /**
   * The {@link #status} of a request whose connection was closed without any HTTP response (an
   * injected {@link Fault#CONNECTION_RESET} or an outage that resets connections).
   */
  public static final int CONNECTION_RESET = 0;

  /** The transaction id as PingOne would write it to its audit log, or {@code null} when absent. */
  public String auditTransactionId() {
    return transactionId == null ? null : AuditedId.of(transactionId);
  }

  /** The session id as PingOne would write it to its audit log, or {@code null} when absent. */
  public String auditSessionId() {
    return sessionId == null ? null : AuditedId.of(sessionId);
  }

  /** The earliest time the response allowed the client to retry, or {@code null} without one. */
  public Instant retryNotBefore() {
    return retryAfter == null ? null : receivedAt.plus(retryAfter);
  }

  /** True for requests to the token endpoint ({@code /{environmentId}/as/token}). */
  public boolean isTokenRequest() {
    return path.endsWith("/as/token");
  }
}
