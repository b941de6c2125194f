package dev.pairingworker.pingone;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What proves the client in one token request: an {@code Authorization} header value and form
 * fields added to {@code grant_type}. {@link #toString()} names the fields only: their values are
 * secrets or signed assertions.
 */
public record ClientProof(Optional<String> authorization, Map<String, String> formFields) {
  public ClientProof {
    formFields = Collections.unmodifiableMap(new LinkedHashMap<>(formFields));
  }

  /** A header only. */
  static ClientProof header(String authorization) {
    return new ClientProof(Optional.of(authorization), Map.of());
  }

  /** Form fields only, in the given order. */
  static ClientProof fields(Map<String, String> fields) {
    return new ClientProof(Optional.empty(), fields);
  }

  @Override
  public String toString() {
    return "ClientProof[authorization="
        + authorization.map(value -> "****").orElse("none")
        + ", formFields="
        + formFields.keySet()
        + "]";
  }
}
