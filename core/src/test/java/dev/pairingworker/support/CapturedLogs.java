package dev.pairingworker.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * Every log line written while open, as text with MDC and stack traces, from an appender on the
 * root logger; the worker's own loggers are lowered to DEBUG meanwhile.
 */
public final class CapturedLogs implements AutoCloseable {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
  private final Logger root;
  private final Logger worker;
  private final Level workerLevel;

  private CapturedLogs() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%level [%thread] %logger %mdc - %msg%n%ex{full}");
    encoder.start();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(bytes);
    appender.start();
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    worker = context.getLogger("dev.pairingworker");
    workerLevel = worker.getLevel();
    worker.setLevel(Level.DEBUG);
    root.addAppender(appender);
  }

  public static CapturedLogs start() {
    return new CapturedLogs();
  }

  /** Everything captured so far. */
  public String text() {
    synchronized (bytes) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
    worker.setLevel(workerLevel);
  }
}
