package dev.pairingworker.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The typed values resolved so far, by key; a key whose text was invalid has no value. */
final class ConfigValues {
  private final Map<ConfigKey<?>, Object> values = new LinkedHashMap<>();

  <T> void put(ConfigKey<T> key, T value) {
    values.put(key, value);
  }

  <T> Optional<T> find(ConfigKey<T> key) {
    return Optional.ofNullable(key.cast(values.get(key)));
  }

  <T> T get(ConfigKey<T> key) {
    return find(key).orElseThrow(() -> new IllegalStateException(key.name() + " was not resolved"));
  }
}
