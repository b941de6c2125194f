package dev.pairingworker.pingone;

import java.time.Instant;

/**
 * A bearer token, when it stops being valid, and when the worker fetches the next one. {@link
 * #toString()} never shows the token.
 */
public record AccessToken(String value, Instant expiresAt, Instant refreshAt) {
  @Override
  public String toString() {
    return "AccessToken[expiresAt=" + expiresAt + ", refreshAt=" + refreshAt + "]";
  }
}
