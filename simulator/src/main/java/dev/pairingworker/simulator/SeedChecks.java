package dev.pairingworker.simulator;

/** The checks seed records share; messages name the field and never a secret. */
final class SeedChecks {
  private SeedChecks() {}

  static void requireId(String id, String field) {
    if (!Ids.isValid(id)) {
      throw new IllegalArgumentException(field + " must be a lowercase UUID: " + id);
    }
  }

  static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
  }
}
