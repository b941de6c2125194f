package dev.pairingworker.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairingworker.command.Command;
import dev.pairingworker.command.Op;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class LogFormatTest {
  private static final Logger log = LoggerFactory.getLogger(LogFormatTest.class);
  private static final String ENV = "5a1e0c2d-3b4f-4a6e-8d7c-9f0e1d2c3b4a";
  private static final String USER = "b6b2f190-beb8-4a5d-a4ad-6137df7f993d";

  private final PrintStream realOut = System.out;

  @AfterEach
  void backToHuman() {
    System.setOut(realOut);
    System.clearProperty(LogFormat.PROPERTY);
    LogFormat.HUMAN.reconfigure((LoggerContext) LoggerFactory.getILoggerFactory());
  }

  @Test
  void jsonLinesCarryTheCommandFieldsInTheMdc() throws Exception {
    String out =
        captured(
            LogFormat.JSON,
            () ->
                CommandLogContext.of(command("onboarding-4711"), "corr-1")
                    .run(() -> log.info("done")));

    JsonNode line = new ObjectMapper().readTree(out.lines().findFirst().orElseThrow());
    assertThat(line.path("level").asText()).isEqualTo("INFO");
    assertThat(line.path("formattedMessage").asText()).isEqualTo("done");
    assertThat(line.path("mdc").properties())
        .extracting(Map.Entry::getKey)
        .containsExactly("transactionId", "op", "environmentId", "userId", "pingOneCorrelationId");
    assertThat(line.path("mdc").path("transactionId").asText()).isEqualTo("onboarding-4711");
    assertThat(line.path("mdc").path("pingOneCorrelationId").asText()).isEqualTo("corr-1");
  }

  @Test
  void theMdcIsClearedAfterEachCommandSoPoolThreadsDoNotLeakIt() {
    MDC.clear();
    CommandLogContext.of(command("t-1"), "corr-1").run(() -> log.debug("x"));
    assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
  }

  @Test
  void theTransactionIdIsTheOneSentToPingOne() {
    assertThat(CommandLogContext.of(command("bestellung-ü1"), null).fields())
        .containsEntry("transactionId", "bestellung-_1")
        .doesNotContainKey("pingOneCorrelationId");
  }

  @Test
  void humanIsOneReadableLine() {
    String out = captured(LogFormat.HUMAN, () -> log.info("hello"));
    assertThat(out)
        .matches(
            "(?s)\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[.*\\] d\\.p\\.l\\.LogFormatTest - hello\\R");
  }

  private String captured(LogFormat format, Runnable logging) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    // The console appender takes System.out when it starts, that is when the format is applied.
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    format.reconfigure((LoggerContext) LoggerFactory.getILoggerFactory());
    logging.run();
    System.setOut(realOut);
    return buffer.toString(StandardCharsets.UTF_8);
  }

  private static Command command(String transactionId) {
    return new Command(transactionId, Op.CREATE, ENV, USER, null, null, null, null, null, null);
  }
}
