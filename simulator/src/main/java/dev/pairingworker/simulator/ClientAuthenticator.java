package dev.pairingworker.simulator;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a token request authenticated an application of the environment, by the one
 * method that application is configured with. Any failure is {@code invalid_client} (RFC 6749 §5.2)
 * without saying which check failed, as an authorization server should.
 *
 * <p>Client assertions (RFC 7523 §3): {@code iss} and {@code sub} are the client id, {@code aud}
 * names the token endpoint URL, {@code exp} is in the future, {@code nbf} (when present) is not,
 * {@code jti} is present and not seen before from that client while the assertion is valid.
 */
final class ClientAuthenticator {

  /** How the authentication ended. */
  sealed interface Authentication {}

  record Authenticated(ApplicationSeed application) implements Authentication {}

  /** 401 invalid_client; {@code reason} is for the simulator's debug log only. */
  record Unauthenticated(String reason) implements Authentication {}

  private final Map<String, Instant> seenJwtIds = new ConcurrentHashMap<>();

  Authentication authenticate(
      EnvironmentState environment,
      PresentedCredentials.Presented presented,
      Set<String> audiences,
      Instant now,
      boolean lenient) {
    if (presented instanceof PresentedCredentials.Basic basic) {
      return basic(environment, basic, lenient);
    }
    if (presented instanceof PresentedCredentials.Post post) {
      return post(environment, post, lenient);
    }
    if (presented instanceof PresentedCredentials.Assertion assertion) {
      return assertion(environment, assertion, audiences, now);
    }
    return new Unauthenticated(((PresentedCredentials.Failed) presented).problem().name());
  }

  private Authentication basic(
      EnvironmentState environment, PresentedCredentials.Basic basic, boolean lenient) {
    Optional<ApplicationSeed> app = environment.client(basic.clientId());
    if (app.isPresent() && accepts(app.get(), SeededAuthMethod.CLIENT_SECRET_BASIC, lenient)) {
      return PresentedCredentials.equal(basic.clientSecret(), app.get().clientSecret())
          ? new Authenticated(app.get())
          : new Unauthenticated("wrong secret");
    }
    // Before issue 14 the simulator compared Basic credentials as sent; lenient still does.
    Optional<ApplicationSeed> raw = lenient ? environment.client(basic.rawId()) : Optional.empty();
    if (raw.isPresent()
        && accepts(raw.get(), SeededAuthMethod.CLIENT_SECRET_BASIC, true)
        && PresentedCredentials.equal(basic.rawSecret(), raw.get().clientSecret())) {
      return new Authenticated(raw.get());
    }
    return new Unauthenticated(app.isEmpty() ? "unknown client" : "not CLIENT_SECRET_BASIC");
  }

  private Authentication post(
      EnvironmentState environment, PresentedCredentials.Post post, boolean lenient) {
    Optional<ApplicationSeed> app = environment.client(post.clientId());
    if (app.isEmpty()) {
      return new Unauthenticated("unknown client");
    }
    if (!accepts(app.get(), SeededAuthMethod.CLIENT_SECRET_POST, lenient)) {
      return new Unauthenticated("not CLIENT_SECRET_POST");
    }
    return PresentedCredentials.equal(post.clientSecret(), app.get().clientSecret())
        ? new Authenticated(app.get())
        : new Unauthenticated("wrong secret");
  }

  /**
   * Whether the application accepts the method; a lenient tenant lets its default application use
   * Basic or form fields alike, as the simulator did before.
   */
  private static boolean accepts(ApplicationSeed app, SeededAuthMethod method, boolean lenient) {
    if (app.authMethod() == method) {
      return true;
    }
    boolean secretMethods =
        app.authMethod() == SeededAuthMethod.CLIENT_SECRET_BASIC
            || app.authMethod() == SeededAuthMethod.CLIENT_SECRET_POST;
    return lenient && secretMethods;
  }

  private Authentication assertion(
      EnvironmentState environment,
      PresentedCredentials.Assertion presented,
      Set<String> audiences,
      Instant now) {
    Optional<ClientAssertion> parsed = ClientAssertion.parse(presented.jwt());
    if (parsed.isEmpty()) {
      return new Unauthenticated("malformed assertion");
    }
    ClientAssertion jwt = parsed.get();
    String clientId = jwt.issuer();
    if (clientId == null
        || !clientId.equals(jwt.subject())
        || (presented.clientId() != null && !presented.clientId().equals(clientId))) {
      return new Unauthenticated("iss, sub and client_id differ");
    }
    Optional<ApplicationSeed> app = environment.client(clientId);
    if (app.isEmpty()) {
      return new Unauthenticated("unknown client");
    }
    if (!signatureValid(app.get(), jwt)) {
      return new Unauthenticated("method or signature");
    }
    return claimsValid(jwt, clientId, audiences, now)
        ? new Authenticated(app.get())
        : new Unauthenticated("claims");
  }

  private static boolean signatureValid(ApplicationSeed app, ClientAssertion jwt) {
    return switch (app.authMethod()) {
      case CLIENT_SECRET_JWT ->
          JwsSignatures.isSecretAlgorithm(jwt.alg())
              && JwsSignatures.verifyWithSecret(
                  jwt.alg(), jwt.signingInput(), jwt.signature(), app.clientSecret());
      case PRIVATE_KEY_JWT ->
          JwsSignatures.isKeyAlgorithm(jwt.alg())
              && JwsSignatures.verifyWithKey(
                  jwt.alg(),
                  jwt.signingInput(),
                  jwt.signature(),
                  PublicKeys.parse(app.publicKeyPem(), "publicKey"));
      case CLIENT_SECRET_BASIC, CLIENT_SECRET_POST -> false;
    };
  }

  private boolean claimsValid(
      ClientAssertion jwt, String clientId, Set<String> audiences, Instant now) {
    Instant expiresAt = jwt.expiresAt();
    Instant notBefore = jwt.notBefore();
    String jwtId = jwt.jwtId();
    if (!jwt.isFor(audiences)
        || expiresAt == null
        || !now.isBefore(expiresAt)
        || (notBefore != null && now.isBefore(notBefore))
        || jwtId == null) {
      return false;
    }
    seenJwtIds.values().removeIf(until -> !now.isBefore(until));
    // putIfAbsent makes the check and the record one step: two racing replays cannot both pass.
    return seenJwtIds.putIfAbsent(clientId + '\n' + jwtId, expiresAt) == null;
  }
}
