package dev.pairingworker.simulator;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Objects;
import java.util.UUID;

/**
 * An application of a seeded environment.
 *
 * @param id the application id, a lowercase UUID (what a create's {@code applications[].id} names)
 * @param kind native (may be named by a pairing key) or worker (gets tokens)
 * @param clientId the OAuth client id; for a worker, unique in its environment (PingOne uses the
 *     application id; any text is accepted here)
 * @param clientSecret the secret for {@code CLIENT_SECRET_BASIC}, {@code _POST} and {@code _JWT};
 *     {@code null} otherwise
 * @param authMethod the one token endpoint authentication method the application accepts
 * @param publicKeyPem the registered public key for {@code PRIVATE_KEY_JWT}: an X.509 {@code
 *     -----BEGIN PUBLIC KEY-----} PEM of an RSA or EC key; {@code null} otherwise
 * @param mfaRole whether the application was granted a role that may manage pairing keys (PingOne's
 *     Identity Data Admin or an MFA role); without it the API answers 403
 */
public record ApplicationSeed(
    String id,
    ApplicationKind kind,
    String clientId,
    String clientSecret,
    SeededAuthMethod authMethod,
    String publicKeyPem,
    boolean mfaRole) {

  public ApplicationSeed {
    SeedChecks.requireId(id, "application id");
    Objects.requireNonNull(kind, "application " + id + ": kind must not be null");
    if (kind == ApplicationKind.WORKER) {
      SeedChecks.requireText(clientId, "application " + id + ": clientId");
      Objects.requireNonNull(authMethod, "application " + id + ": authMethod must not be null");
      if (authMethod == SeededAuthMethod.PRIVATE_KEY_JWT) {
        // Parsed now so that a bad key fails the seed, not the first token request.
        PublicKeys.parse(publicKeyPem, "application " + id + ": publicKey");
      } else {
        SeedChecks.requireText(clientSecret, "application " + id + ": clientSecret");
      }
    }
  }

  /**
   * A worker application with the MFA role using {@code CLIENT_SECRET_BASIC}; its id is derived
   * from the client id, so the same client id always gives the same application.
   */
  public static ApplicationSeed worker(String clientId, String clientSecret) {
    return new ApplicationSeed(
        derivedId(clientId),
        ApplicationKind.WORKER,
        clientId,
        clientSecret,
        SeededAuthMethod.CLIENT_SECRET_BASIC,
        null,
        true);
  }

  /** A native application (a mobile app that pairing keys may name). */
  public static ApplicationSeed nativeApp(String id) {
    return new ApplicationSeed(id, ApplicationKind.NATIVE, null, null, null, null, false);
  }

  /** The same application with another authentication method (and key, for private_key_jwt). */
  public ApplicationSeed withAuthMethod(SeededAuthMethod method, String newPublicKeyPem) {
    return new ApplicationSeed(id, kind, clientId, clientSecret, method, newPublicKeyPem, mfaRole);
  }

  /** The same application with or without the MFA role. */
  public ApplicationSeed withMfaRole(boolean granted) {
    return new ApplicationSeed(id, kind, clientId, clientSecret, authMethod, publicKeyPem, granted);
  }

  /** The X.509 PEM of a public key, as {@link #publicKeyPem} and the seed file's want it. */
  public static String pem(PublicKey publicKey) {
    return PublicKeys.pem(publicKey);
  }

  static String derivedId(String clientId) {
    return UUID.nameUUIDFromBytes(clientId.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** Keeps the secret out of logs and assertion messages. */
  @Override
  public String toString() {
    return "ApplicationSeed[id="
        + id
        + ", kind="
        + kind
        + ", clientId="
        + clientId
        + ", clientSecret=****, authMethod="
        + authMethod
        + ", mfaRole="
        + mfaRole
        + "]";
  }
}
