package dev.pairingworker.pingone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code client_secret_jwt} and {@code private_key_jwt}: RFC 7523 §2.2 client authentication with a
 * JWT. Each token request gets a new assertion: {@code iss} and {@code sub} the client id, {@code
 * aud} the token endpoint's URL, {@code iat} now, {@code exp} a short lifetime later, and a random
 * {@code jti} so a captured assertion cannot be replayed once PingOne has seen it. {@code
 * client_id} is sent too (RFC 7521 §4.2 allows it), so the server finds the client before it reads
 * the JWT.
 */
public final class ClientAssertion implements ClientAuthentication {
  /** RFC 7523 §2.2. */
  public static final String ASSERTION_TYPE =
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String clientId;
  private final JwsSigner signer;
  private final Duration lifetime;
  private final Clock clock;

  public ClientAssertion(String clientId, JwsSigner signer, Duration lifetime, Clock clock) {
    if (lifetime.getSeconds() < 1) {
      throw new IllegalArgumentException("lifetime must be at least 1s, was " + lifetime);
    }
    this.clientId = clientId;
    this.signer = signer;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  @Override
  public ClientProof proof(URI tokenUrl) {
    long issuedAt = clock.instant().getEpochSecond();
    ObjectNode claims = JSON.createObjectNode();
    claims.put("iss", clientId);
    claims.put("sub", clientId);
    claims.put("aud", tokenUrl.toString());
    claims.put("iat", issuedAt);
    claims.put("exp", issuedAt + lifetime.getSeconds());
    claims.put("jti", UUID.randomUUID().toString());
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("client_id", clientId);
    fields.put("client_assertion_type", ASSERTION_TYPE);
    fields.put("client_assertion", signer.sign(claims));
    return ClientProof.fields(fields);
  }

  @Override
  public String toString() {
    return "ClientAssertion[clientId=" + clientId + ", " + signer + ", lifetime=" + lifetime + "]";
  }
}
