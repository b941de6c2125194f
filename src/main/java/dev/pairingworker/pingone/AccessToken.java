package dev.pairingworker.pingone;

import java.time.Instant;

/** A bearer token and when it stops being valid. {@link #toString()} never shows the token. */
public record AccessToken(String value, Instant expiresAt) {
  @Override
  public String toString() {
    return "AccessToken[expiresAt=" + expiresAt + "]";
  }
}
