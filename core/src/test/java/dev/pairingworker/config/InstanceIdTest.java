package dev.pairingworker.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code worker.instance.id}: static group membership, off unless set. */
class InstanceIdTest {
  @Test
  void byDefaultTheWorkerIsADynamicMember() {
    WorkerConfig config = WorkerConfig.of(WorkerConfigTest.required());

    assertThat(config.get(WorkerSettings.INSTANCE_ID)).isEmpty();
    assertThat(WorkerSettings.INSTANCE_ID.defaultValue()).contains("");
    assertThat(config.kafkaProperties()).doesNotContainKey("group.instance.id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"pairing-worker-0", "worker_1.eu-west-1", "a"})
  void aPodNameIsAnInstanceId(String name) {
    assertThat(WorkerConfigTest.with("worker.instance.id", name).get(WorkerSettings.INSTANCE_ID))
        .isEqualTo(name);
  }

  @Test
  void surroundingWhitespaceIsDroppedAndABlankValueMeansNone() {
    assertThat(
            WorkerConfigTest.with("worker.instance.id", " worker-0 ")
                .get(WorkerSettings.INSTANCE_ID))
        .isEqualTo("worker-0");
    assertThat(WorkerConfigTest.with("worker.instance.id", "  ").get(WorkerSettings.INSTANCE_ID))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"worker 0", "worker/0", "pod:0", ".", "..", "é"})
  void whatKafkaWouldRefuseIsRejectedAtStartNamingTheKey(String name) {
    WorkerConfigTest.assertRejected(
        "worker.instance.id",
        name,
        "worker.instance.id: invalid value '"
            + name.strip()
            + "': must be empty or a Kafka group instance ID: 1 to 249 of a-z A-Z 0-9 . _ - (and"
            + " not . or ..)");
  }

  @Test
  void anInstanceIdLongerThanKafkaAllowsIsRejected() {
    String name = "w".repeat(250);
    WorkerConfigTest.assertRejected(
        "worker.instance.id",
        name,
        "worker.instance.id: invalid value '"
            + name
            + "': must be empty or a Kafka group instance ID: 1 to 249 of a-z A-Z 0-9 . _ - (and"
            + " not . or ..)");
    assertThat(
            WorkerConfigTest.with("worker.instance.id", "w".repeat(249))
                .get(WorkerSettings.INSTANCE_ID))
        .hasSize(249);
  }

  @Test
  void theKafkaGroupInstanceIdIsRejectedInFavourOfTheWorkersKey() {
    WorkerConfigTest.assertRejected(
        "kafka.group.instance.id",
        "worker-0",
        "kafka.group.instance.id: not allowed; set worker.instance.id instead");
  }

  @Test
  void itHasAnEnvironmentVariableLikeEveryKey() {
    assertThat(WorkerSettings.INSTANCE_ID.envVariable())
        .isEqualTo("PAIRING_WORKER_WORKER_INSTANCE_ID");
  }
}
