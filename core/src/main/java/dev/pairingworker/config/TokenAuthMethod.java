package dev.pairingworker.config;

import java.util.Locale;

/**
 * How the worker authenticates to the PingOne token endpoint: the worker app's Token Endpoint
 * Authentication Method in PingOne, which accepts exactly one of these per application.
 */
public enum TokenAuthMethod {
  /** Client id and secret in an HTTP Basic header; the default of Ping's own clients. */
  CLIENT_SECRET_BASIC,
  /** Client id and secret as {@code client_id} and {@code client_secret} form fields. */
  CLIENT_SECRET_POST,
  /** An RFC 7523 client assertion: a short-lived JWT signed with the client secret (HS256). */
  CLIENT_SECRET_JWT,
  /** An RFC 7523 client assertion signed with the worker's private key (RS256 or ES256). */
  PRIVATE_KEY_JWT;

  /** The spelling used in configuration, e.g. {@code client_secret_basic}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the worker needs the client secret for this method. */
  public boolean usesSecret() {
    return this != PRIVATE_KEY_JWT;
  }

  /** Whether the worker sends a signed JWT (a client assertion) for this method. */
  public boolean usesAssertion() {
    return this == CLIENT_SECRET_JWT || this == PRIVATE_KEY_JWT;
  }
}
