package dev.pairingworker.contract;

import java.net.URI;

/**
 * Where the pairing-key contract runs: a PingOne tenant or the simulator. {@link #toString()} never
 * shows the client secret.
 *
 * @param name what the target is, for failure messages (e.g. "the simulator", "PingOne tenant
 *     (EU)")
 * @param tokenUrl {@code {auth}/{environmentId}/as/token}
 * @param apiUrl the management API base, including {@code /v1}
 * @param basicAuth true for CLIENT_SECRET_BASIC, false for CLIENT_SECRET_POST
 * @param userId an existing user of the environment, who receives the short-lived test key
 */
public record ContractTarget(
    String name,
    URI tokenUrl,
    URI apiUrl,
    String clientId,
    String clientSecret,
    boolean basicAuth,
    String environmentId,
    String userId) {

  @Override
  public String toString() {
    return "ContractTarget["
        + name
        + ", tokenUrl="
        + tokenUrl
        + ", apiUrl="
        + apiUrl
        + ", clientId="
        + clientId
        + ", clientSecret=****, basicAuth="
        + basicAuth
        + ", environmentId="
        + environmentId
        + ", userId="
        + userId
        + "]";
  }
}
