package dev.pairingworker.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns key → text pairs (file and environment already merged) into a {@link WorkerConfig}, or
 * every error.
 */
final class ConfigResolver {
  private static final Map<String, ConfigKey<?>> BY_NAME =
      WorkerSettings.all().stream().collect(Collectors.toMap(ConfigKey::name, Function.identity()));

  /** Kafka settings the worker derives from its own keys; setting them twice would be ambiguous. */
  private static final Map<String, String> OWNED_KAFKA_KEYS =
      Map.of(
          "kafka.group.id", "worker.group.id",
          "kafka.group.instance.id", "worker.instance.id",
          "kafka.transactional.id", "worker.transactional.id");

  private ConfigResolver() {}

  static WorkerConfig resolve(Map<String, String> settings) {
    List<String> errors = new ArrayList<>();
    new TreeMap<>(settings).keySet().forEach(name -> checkName(name).ifPresent(errors::add));
    ConfigValues values = new ConfigValues();
    for (ConfigKey<?> key : WorkerSettings.all()) {
      resolveInto(key, settings.get(key.name()), values, errors);
    }
    Optional<ClientAuth> clientAuth = ClientAuthResolver.resolve(values, settings, errors);
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    return new WorkerConfig(values, kafkaProperties(settings, values), clientAuth.orElseThrow());
  }

  /** Whether {@code name} is a defined key or a {@code kafka.*} passthrough. */
  static boolean isKnown(String name) {
    return checkName(name).isEmpty();
  }

  private static Optional<String> checkName(String name) {
    if (BY_NAME.containsKey(name)) {
      return Optional.empty();
    }
    if (OWNED_KAFKA_KEYS.containsKey(name)) {
      return Optional.of(name + ": not allowed; set " + OWNED_KAFKA_KEYS.get(name) + " instead");
    }
    if (name.startsWith(WorkerSettings.KAFKA_PREFIX)
        && name.length() > WorkerSettings.KAFKA_PREFIX.length()) {
      return Optional.empty();
    }
    return Optional.of(
        name + ": unknown key; check the spelling (only kafka.* keys are passed through)");
  }

  private static <T> void resolveInto(
      ConfigKey<T> key, String text, ConfigValues values, List<String> errors) {
    try {
      key.resolve(text, values).ifPresent(value -> values.put(key, value));
    } catch (ConfigException e) {
      errors.addAll(e.errors());
    }
  }

  private static Map<String, String> kafkaProperties(
      Map<String, String> settings, ConfigValues values) {
    Map<String, String> kafka = new TreeMap<>();
    settings.forEach(
        (name, text) -> {
          if (name.startsWith(WorkerSettings.KAFKA_PREFIX)) {
            kafka.put(name.substring(WorkerSettings.KAFKA_PREFIX.length()), text.strip());
          }
        });
    String bootstrap = WorkerSettings.BOOTSTRAP_SERVERS.name();
    kafka.put(
        bootstrap.substring(WorkerSettings.KAFKA_PREFIX.length()),
        values.get(WorkerSettings.BOOTSTRAP_SERVERS));
    return kafka;
  }
}
