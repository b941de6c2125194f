package dev.pairingworker.pingone;

import dev.pairingworker.config.ClientAuth;
import dev.pairingworker.config.TokenAuthMethod;
import java.net.URI;
import java.time.Clock;

/**
 * How the worker proves who it is to the token endpoint, one of the methods PingOne accepts: {@link
 * ClientCredentials} (the secret in a Basic header or in form fields) or a {@link ClientAssertion}
 * (a JWT signed with the secret or a private key).
 */
public interface ClientAuthentication {
  /**
   * The proof for one token request to {@code tokenUrl}; an assertion is new for every request.
   *
   * @throws TokenException when an assertion cannot be signed (the message names no key)
   */
  ClientProof proof(URI tokenUrl);

  /** The method {@code auth} was configured with, for the client {@code clientId}. */
  static ClientAuthentication of(String clientId, ClientAuth auth, Clock clock) {
    return switch (auth.method()) {
      case CLIENT_SECRET_BASIC, CLIENT_SECRET_POST ->
          new ClientCredentials(
              clientId,
              auth.secret().orElseThrow().reveal(),
              auth.method() == TokenAuthMethod.CLIENT_SECRET_BASIC);
      case CLIENT_SECRET_JWT ->
          new ClientAssertion(
              clientId,
              JwsSigner.hmac(auth.algorithm().orElseThrow(), auth.secret().orElseThrow()),
              auth.assertionLifetime(),
              clock);
      case PRIVATE_KEY_JWT ->
          new ClientAssertion(
              clientId,
              JwsSigner.privateKey(
                  auth.algorithm().orElseThrow(),
                  auth.signingKey().orElseThrow().privateKey(),
                  auth.signingKey().orElseThrow().keyId()),
              auth.assertionLifetime(),
              clock);
    };
  }
}
