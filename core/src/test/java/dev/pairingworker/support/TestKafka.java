package dev.pairingworker.support;

import dev.pairingworker.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One real Kafka broker for the whole test JVM: a Testcontainers {@code apache/kafka} container
 * when Docker is available, otherwise the in-process KRaft broker. {@code -Dtest.kafka=embedded} or
 * {@code =container} forces one.
 */
public final class TestKafka {
  private static final String IMAGE = "apache/kafka:4.1.1";
  private static String bootstrapServers;

  private TestKafka() {}

  public static synchronized String bootstrapServers() {
    if (bootstrapServers == null) {
      bootstrapServers = useContainer() ? startContainer() : startEmbedded();
    }
    return bootstrapServers;
  }

  public static Map<String, Object> clientSettings() {
    return Map.of("bootstrap.servers", bootstrapServers());
  }

  private static boolean useContainer() {
    String choice = System.getProperty("test.kafka", "auto");
    if (choice.equals("embedded")) {
      return false;
    }
    return choice.equals("container") || DockerClientFactory.instance().isDockerAvailable();
  }

  @SuppressWarnings("resource") // stopped by the shutdown hook
  private static String startContainer() {
    KafkaContainer kafka = new KafkaContainer(IMAGE);
    kafka.start();
    Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop));
    return kafka.getBootstrapServers();
  }

  private static String startEmbedded() {
    try {
      EmbeddedKafkaBroker broker =
          new EmbeddedKafkaBroker(Files.createTempDirectory("test-kafka")).start();
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
      return broker.bootstrapServers();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
