package dev.pairingworker.pingone;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The worker application's client id and secret, sent as {@code client_secret_basic} or {@code
 * client_secret_post}. {@link #toString()} never shows the secret.
 *
 * @param basicAuth true for CLIENT_SECRET_BASIC (HTTP Basic), false for CLIENT_SECRET_POST (form
 *     fields)
 */
public record ClientCredentials(String clientId, String clientSecret, boolean basicAuth)
    implements ClientAuthentication {

  @Override
  public ClientProof proof(URI tokenUrl) {
    if (basicAuth) {
      // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and Base64-encoded,
      // so a ':' in the id or the secret cannot split the pair in the wrong place.
      String pair = FormEncoding.encode(clientId) + ":" + FormEncoding.encode(clientSecret);
      return ClientProof.header(
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("client_id", clientId);
    fields.put("client_secret", clientSecret);
    return ClientProof.fields(fields);
  }

  @Override
  public String toString() {
    return "ClientCredentials[clientId="
        + clientId
        + ", clientSecret=****, basicAuth="
        + basicAuth
        + "]";
  }
}
