package dev.pairingworker.simulator;

/**
 * A failure the simulator can inject instead of an endpoint's answer. Each has its own probability
 * in {@link FaultSettings}; at most one fault hits a request.
 */
public enum Fault {
  /** 500 {@code UNEXPECTED_ERROR}. */
  INTERNAL_ERROR(500),
  /** 502 from PingOne's gateway. */
  BAD_GATEWAY(502),
  /** 503 without {@code Retry-After}. */
  UNAVAILABLE(503),
  /** 503 with {@code Retry-After: N} ({@link FaultSettings#retryAfterSeconds()}). */
  UNAVAILABLE_RETRY_AFTER(503),
  /** 504 from PingOne's gateway. */
  GATEWAY_TIMEOUT(504),
  /**
   * The TCP connection is closed without any HTTP response; recorded with status {@link
   * RecordedRequest#CONNECTION_RESET}.
   */
  CONNECTION_RESET(RecordedRequest.CONNECTION_RESET);

  private final int status;

  Fault(int status) {
    this.status = status;
  }

  /** The HTTP status the client sees, or {@link RecordedRequest#CONNECTION_RESET} for none. */
  public int status() {
    return status;
  }

  SimResponse response(int retryAfterSeconds) {
    return switch (this) {
      case INTERNAL_ERROR -> ApiErrors.unexpected();
      case BAD_GATEWAY -> ApiErrors.badGateway();
      case UNAVAILABLE -> ApiErrors.unavailable();
      case UNAVAILABLE_RETRY_AFTER -> ApiErrors.unavailable(retryAfterSeconds);
      case GATEWAY_TIMEOUT -> ApiErrors.gatewayTimeout();
      case CONNECTION_RESET -> SimResponse.connectionReset();
    };
  }
}
