package dev.pairingworker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The processing-guarantee keys: defaults, the derived transactional ID, and their errors. */
class ProcessingSettingsTest {
  @Test
  void atLeastOnceIsTheDefaultAndTransactionsAreCommittedEvery100Milliseconds() {
    WorkerConfig config = WorkerConfig.of(WorkerConfigTest.required());

    assertThat(config.get(ProcessingSettings.GUARANTEE))
        .isEqualTo(ProcessingGuarantee.AT_LEAST_ONCE);
    assertThat(config.get(ProcessingSettings.TRANSACTION_INTERVAL))
        .isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void exactlyOnceIsSpelledAsInTheReferenceInAnyCase() {
    assertThat(
            WorkerConfigTest.with("worker.processing.guarantee", "EXACTLY_ONCE")
                .get(ProcessingSettings.GUARANTEE))
        .isEqualTo(ProcessingGuarantee.EXACTLY_ONCE);
  }

  @Test
  void theTransactionalIdIsDerivedFromTheGroupAndIsTheSameOnEveryResolution() {
    String first =
        WorkerConfigTest.with("worker.group.id", "onboarding")
            .get(ProcessingSettings.TRANSACTIONAL_ID);
    String again =
        WorkerConfigTest.with("worker.group.id", "onboarding")
            .get(ProcessingSettings.TRANSACTIONAL_ID);

    assertThat(first).startsWith("pairing-worker-onboarding-").hasSizeGreaterThan(26);
    assertThat(again).isEqualTo(first);
  }

  @Test
  void anExplicitTransactionalIdWins() {
    assertThat(
            WorkerConfigTest.with("worker.transactional.id", "worker-0")
                .get(ProcessingSettings.TRANSACTIONAL_ID))
        .isEqualTo("worker-0");
  }

  @Test
  void anUnknownGuaranteeIsRejectedNamingTheChoices() {
    assertThatThrownBy(() -> WorkerConfigTest.with("worker.processing.guarantee", "exactly-once"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "worker.processing.guarantee: invalid value 'exactly-once': must be one of"
                + " at_least_once, exactly_once");
  }

  @Test
  void aZeroTransactionIntervalIsRejected() {
    assertThatThrownBy(() -> WorkerConfigTest.with("worker.transaction.interval", "0ms"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "worker.transaction.interval: invalid value '0ms': must be greater than zero");
  }

  @Test
  void theKafkaTransactionalIdIsRejectedInFavourOfTheWorkersKey() {
    Map<String, String> settings = WorkerConfigTest.required();
    settings.put("kafka.transactional.id", "mine");

    assertThatThrownBy(() -> WorkerConfig.of(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "kafka.transactional.id: not allowed; set worker.transactional.id instead");
  }
}
