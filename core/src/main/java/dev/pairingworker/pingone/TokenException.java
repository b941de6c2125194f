package dev.pairingworker.pingone;

/**
 * PingOne did not issue a token. The message holds the HTTP status and OAuth error code only, never
 * the request or the credentials.
 */
public final class TokenException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int httpStatus;

  public TokenException(int httpStatus, String message) {
    super(message);
    this.httpStatus = httpStatus;
  }

  public TokenException(String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = 0;
  }

  /** The token endpoint's HTTP status, or 0 when it could not be reached. */
  public int httpStatus() {
    return httpStatus;
  }
}
