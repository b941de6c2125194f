package dev.pairingworker.pingone;

/**
 * The worker application's client credentials. {@link #toString()} never shows the secret.
 *
 * @param basicAuth true for CLIENT_SECRET_BASIC (HTTP Basic), false for CLIENT_SECRET_POST (form
 *     fields)
 */
public record ClientCredentials(String clientId, String clientSecret, boolean basicAuth) {
  @Override
  public String toString() {
    return "ClientCredentials[clientId="
        + clientId
        + ", clientSecret=****, basicAuth="
        + basicAuth
        + "]";
  }
}
