package dev.pairingworker.pingone;

import java.time.Instant;
import java.util.Optional;

/**
 * PingOne did not issue a token. The message holds the HTTP status and OAuth error code only, never
 * the request or the credentials.
 */
public final class TokenException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int httpStatus;
  private final Instant retryAt;

  public TokenException(int httpStatus, String message) {
    this(httpStatus, message, null);
  }

  /**
   * @param retryAt when the token endpoint may be asked again (from its {@code Retry-After}), or
   *     null when it said nothing
   */
  public TokenException(int httpStatus, String message, Instant retryAt) {
    super(message);
    this.httpStatus = httpStatus;
    this.retryAt = retryAt;
  }

  public TokenException(String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = 0;
    this.retryAt = null;
  }

  /** The token endpoint's HTTP status, or 0 when it could not be reached. */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * When the token endpoint may be asked again: its {@code Retry-After} on a 429 or 503, capped;
   * until then the {@link TokenProvider} does not ask, and callers get this failure.
   */
  public Optional<Instant> retryAt() {
    return Optional.ofNullable(retryAt);
  }
}
