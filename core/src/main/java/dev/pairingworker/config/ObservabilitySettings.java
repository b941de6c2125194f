package dev.pairingworker.config;

import dev.pairingworker.logging.LogFormat;
import java.util.List;

/** Keys for how the worker shows itself: logs (read with {@link WorkerConfig#get}). */
public final class ObservabilitySettings {
  /** Human or JSON log lines. */
  public static final ConfigKey<LogFormat> LOG_FORMAT =
      ConfigKey.builder("log.format", ValueType.oneOf(LogFormat.class, LogFormat::spelling))
          .defaultValue("human")
          .doc(
              "`human` (one readable line) or `json` (one JSON object per line, with the MDC fields"
                  + " transactionId, op, environmentId, userId and pingOneCorrelationId on lines about"
                  + " a command). The environment variable applies from the first line; a value in the"
                  + " file applies once the file is read.")
          .build();

  static final List<ConfigKey<?>> ALL = List.of(LOG_FORMAT);

  private ObservabilitySettings() {}
}
