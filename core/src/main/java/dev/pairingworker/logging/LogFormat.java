package dev.pairingworker.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import java.util.Locale;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * How log lines are written: {@code human} (one readable line) or {@code json} (one JSON object per
 * line, MDC fields included). {@code logback.xml} picks the appender named after the format from
 * the system property {@value #PROPERTY}, else the environment variable {@code
 * PAIRING_WORKER_LOG_FORMAT}, else {@code human} — so the environment works from the very first
 * line, before any configuration file is read. {@link #use} applies the value of the {@code
 * log.format} key once the file is loaded.
 */
public enum LogFormat {
  HUMAN,
  JSON;

  /** System property read by {@code logback.xml}; it wins over the environment variable. */
  public static final String PROPERTY = "pairing-worker.log.format";

  /** The context property in which {@code logback.xml} records the format it chose. */
  static final String CHOSEN = "LOG_FORMAT";

  /** The spelling in settings and in {@code logback.xml}'s appender names. */
  public String spelling() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reconfigures Logback for this format, unless it already writes it. */
  public void use() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext context)
        || spelling().equals(context.getProperty(CHOSEN))) {
      return;
    }
    reconfigure(context);
  }

  /** Reloads {@code logback.xml} with this format. */
  void reconfigure(LoggerContext context) {
    System.setProperty(PROPERTY, spelling());
    context.reset();
    try {
      new ContextInitializer(context).autoConfig();
    } catch (JoranException e) {
      throw new IllegalStateException("log.format " + spelling() + ": cannot configure Logback", e);
    }
  }
}
