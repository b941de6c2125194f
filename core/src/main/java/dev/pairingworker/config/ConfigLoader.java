package dev.pairingworker.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the worker's configuration: a properties file, overridden key by key by environment
 * variables named as {@link EnvNames} describes. Keys that are neither defined in {@link
 * WorkerSettings} nor {@code kafka.*} are rejected, so a misspelt key fails at start instead of
 * being ignored.
 */
public final class ConfigLoader {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

  private ConfigLoader() {}

  /**
   * Loads {@code propertiesFile} (UTF-8) and applies {@code env} on top.
   *
   * @throws ConfigException when the file is missing or unreadable, or any value is invalid
   */
  public static WorkerConfig load(Path propertiesFile, Map<String, String> env) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      throw new ConfigException("configuration file " + propertiesFile + ": not found");
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException(
          "configuration file " + propertiesFile + ": cannot be read (" + e.getMessage() + ")");
    }
    return fromProperties(properties, env);
  }

  /**
   * Resolves {@code properties} with {@code env} on top.
   *
   * @throws ConfigException naming every invalid, missing or unknown key
   */
  public static WorkerConfig fromProperties(Properties properties, Map<String, String> env) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String name : properties.stringPropertyNames()) {
      settings.put(name, properties.getProperty(name));
    }
    settings.putAll(fromEnvironment(env));
    return ConfigResolver.resolve(settings);
  }

  /**
   * The variables of {@code bin/pairing-worker}, the launcher, which share the prefix: they are not
   * settings.
   */
  static final Set<String> LAUNCHER_VARIABLES =
      Set.of("PAIRING_WORKER_JAR", "PAIRING_WORKER_JVM_OPTIONS", "PAIRING_WORKER_JVM_OPTIONS_FILE");

  /**
   * The settings {@code env} overrides, by key; variables that match no key are ignored with a
   * warning (the launcher's own variables silently).
   */
  static Map<String, String> fromEnvironment(Map<String, String> env) {
    Map<String, String> settings = new LinkedHashMap<>();
    env.forEach(
        (variable, text) ->
            EnvNames.toKey(variable)
                .filter(key -> !LAUNCHER_VARIABLES.contains(variable))
                .ifPresent(
                    key -> {
                      if (ConfigResolver.isKnown(key)) {
                        settings.put(key, text);
                      } else {
                        LOG.warn(
                            "Ignoring environment variable {}: no key {} exists", variable, key);
                      }
                    }));
    return settings;
  }
}
