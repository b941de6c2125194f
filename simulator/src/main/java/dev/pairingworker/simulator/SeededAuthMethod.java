package dev.pairingworker.simulator;

/**
 * The token endpoint authentication method of a seeded application (PingOne's {@code
 * tokenEndpointAuthMethod}); an application has exactly one.
 */
public enum SeededAuthMethod {
  /** HTTP Basic: id and secret, each form-url-encoded, then base64 (RFC 6749 §2.3.1). */
  CLIENT_SECRET_BASIC,
  /** {@code client_id} and {@code client_secret} form fields. */
  CLIENT_SECRET_POST,
  /** A JWT client assertion (RFC 7523) signed with the client secret: HS256, HS384 or HS512. */
  CLIENT_SECRET_JWT,
  /**
   * A JWT client assertion signed with the private key whose public key is registered: RS256–512 or
   * ES256–512.
   */
  PRIVATE_KEY_JWT
}
