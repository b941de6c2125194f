package dev.pairingworker.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command consumer's settings per group protocol: the classic protocol gets the cooperative
 * assignor; the consumer protocol (KIP-848) gets no classic-only setting, which it would refuse.
 */
class KafkaClientsTest {
  private static final String GROUP = "pairing-worker";
  private static final CloseOptions NOW = CloseOptions.timeout(Duration.ZERO);

  private static Map<String, Object> user(String... keysAndValues) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("bootstrap.servers", "localhost:9092");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      settings.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return settings;
  }

  @Test
  void underTheClassicProtocolTheDefaultTheAssignmentIsCooperative() {
    Map<String, Object> consumer = KafkaClients.consumer(user(), GROUP, "", 1000);

    assertThat(consumer)
        .containsEntry(
            ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
            CooperativeStickyAssignor.class.getName())
        .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, GROUP)
        .doesNotContainKey(ConsumerConfig.GROUP_PROTOCOL_CONFIG)
        .doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
  }

  @ParameterizedTest
  @ValueSource(strings = {"classic", "CLASSIC", " Classic "})
  void anExplicitClassicProtocolInAnyCaseIsTheSame(String protocol) {
    Map<String, Object> consumer =
        KafkaClients.consumer(user("group.protocol", protocol), GROUP, "", 1000);

    assertThat(consumer)
        .containsEntry(
            ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
            CooperativeStickyAssignor.class.getName());
  }

  @Test
  void underTheClassicProtocolTheOperatorsAssignorWins() {
    Map<String, Object> consumer =
        KafkaClients.consumer(
            user("partition.assignment.strategy", RangeAssignor.class.getName()), GROUP, "", 1000);

    assertThat(consumer)
        .containsEntry(
            ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
  }

  @ParameterizedTest
  @ValueSource(strings = {"consumer", "CONSUMER"})
  void underTheConsumerProtocolNoClassicOnlySettingIsSet(String protocol) {
    Map<String, Object> consumer =
        KafkaClients.consumer(
            user("group.protocol", protocol, "group.remote.assignor", "range"), GROUP, "", 1000);

    assertThat(consumer)
        .doesNotContainKeys(
            ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
            ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
            ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG)
        .containsEntry(ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol)
        .containsEntry(ConsumerConfig.GROUP_REMOTE_ASSIGNOR_CONFIG, "range")
        .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
  }

  @Test
  void theProtocolIsReadFromTheKafkaSettings() {
    assertThat(KafkaClients.groupProtocol(user())).isEqualTo(GroupProtocol.CLASSIC);
    assertThat(KafkaClients.groupProtocol(user("group.protocol", "Consumer")))
        .isEqualTo(GroupProtocol.CONSUMER);
    // Not ours to judge: the consumer refuses it with Kafka's own message.
    assertThat(KafkaClients.groupProtocol(user("group.protocol", "streams")))
        .isEqualTo(GroupProtocol.CLASSIC);
  }

  /** The regression of issue 13: the consumer protocol refused the worker's settings. */
  @ParameterizedTest
  @EnumSource(GroupProtocol.class)
  void theCommandConsumerCanBeBuiltUnderBothProtocolsWithAndWithoutAnInstanceId(
      GroupProtocol protocol) {
    for (String instanceId : new String[] {"", "pairing-worker-0"}) {
      Map<String, Object> settings =
          KafkaClients.consumer(user("group.protocol", protocol.name()), GROUP, instanceId, 1000);

      KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings);
      try {
        assertThat(consumer.groupMetadata().groupInstanceId())
            .isEqualTo(instanceId.isEmpty() ? Optional.empty() : Optional.of(instanceId));
      } finally {
        consumer.close(NOW);
      }
    }
  }

  @Test
  void underTheConsumerProtocolAClassicOnlySettingTheOperatorAddsIsRefusedByKafkaNamingIt() {
    Map<String, Object> settings =
        KafkaClients.consumer(
            user("group.protocol", "consumer", "session.timeout.ms", "6000"), GROUP, "", 1000);

    assertThatThrownBy(() -> new KafkaConsumer<byte[], byte[]>(settings).close())
        .isInstanceOf(KafkaException.class)
        .hasMessageContaining("session.timeout.ms cannot be set when group.protocol=CONSUMER");
  }

  @Test
  void theInstanceIdBecomesTheGroupInstanceIdAndNothingElseCanSetIt() {
    assertThat(KafkaClients.consumer(user(), GROUP, "pairing-worker-0", 1000))
        .containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "pairing-worker-0");
    assertThat(KafkaClients.consumer(user("group.instance.id", "other"), GROUP, "", 1000))
        .doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
  }

  @Test
  void theLedgerReaderIsInNoGroupWhateverTheGroupSettings() {
    Map<String, Object> reader =
        KafkaClients.ledgerReader(
            user(
                "group.protocol", "consumer",
                "group.remote.assignor", "uniform",
                "group.id", "g",
                "group.instance.id", "i"));

    assertThat(reader)
        .doesNotContainKeys(
            ConsumerConfig.GROUP_PROTOCOL_CONFIG,
            ConsumerConfig.GROUP_REMOTE_ASSIGNOR_CONFIG,
            ConsumerConfig.GROUP_ID_CONFIG,
            ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    new KafkaConsumer<byte[], byte[]>(reader).close(NOW);
  }

  @Test
  void noClientRegistersJmxBeansUnlessTheOperatorAsksForThem() {
    String jmx = "org.apache.kafka.common.metrics.JmxReporter";
    assertThat(KafkaClients.consumer(user(), GROUP, "", 1000))
        .containsEntry("metric.reporters", "");
    assertThat(KafkaClients.ledgerReader(user())).containsEntry("metric.reporters", "");
    assertThat(KafkaClients.producer(user())).containsEntry("metric.reporters", "");
    assertThat(KafkaClients.transactionalProducer(user(), "t"))
        .containsEntry("metric.reporters", "");

    assertThat(KafkaClients.consumer(user("metric.reporters", jmx), GROUP, "", 1000))
        .containsEntry("metric.reporters", jmx);
    assertThat(KafkaClients.ledgerReader(user("metric.reporters", jmx)))
        .containsEntry("metric.reporters", jmx);
    assertThat(KafkaClients.producer(user("metric.reporters", jmx)))
        .containsEntry("metric.reporters", jmx);
    new KafkaConsumer<byte[], byte[]>(KafkaClients.ledgerReader(user())).close(NOW);
  }
}
