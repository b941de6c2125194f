package dev.pairingworker.pingone;

/**
 * One HTTP answer from PingOne's API. The body may hold a pairing code: never log it.
 *
 * @param correlationId PingOne's {@code Correlation-Id} response header, or null
 * @param retryAfter the raw {@code Retry-After} header, or null
 */
public record PingOneResponse(int status, byte[] body, String correlationId, String retryAfter) {
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  @Override
  public String toString() {
    return "PingOneResponse[status=" + status + ", correlationId=" + correlationId + "]";
  }
}
