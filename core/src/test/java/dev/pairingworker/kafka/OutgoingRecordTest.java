package dev.pairingworker.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class OutgoingRecordTest {
  private static final ProducerRecord<byte[], byte[]> CUSTOM_REPLY =
      new ProducerRecord<>("custom-replies", bytes("key"), bytes("reply"));

  @Test
  void aRecordWithAFallbackGoesThereAfterThreeRefusals() {
    OutgoingRecord reply = new OutgoingRecord(CUSTOM_REPLY, "replies");

    assertThat(reply.redirectDue(2)).isFalse();
    assertThat(reply.redirectDue(3)).isTrue();

    OutgoingRecord redirected = reply.redirected();
    assertThat(redirected.record().topic()).isEqualTo("replies");
    assertThat(redirected.record().key()).isEqualTo(bytes("key"));
    assertThat(redirected.record().value()).isEqualTo(bytes("reply"));
    assertThat(redirected.record().headers().lastHeader(OutgoingRecord.REDIRECTED_HEADER).value())
        .isEqualTo(bytes("custom-replies"));
    assertThat(redirected.redirectDue(10)).as("redirected once only").isFalse();
  }

  @Test
  void aRecordAlreadyOnItsFallbackTopicOrWithoutOneStaysWhereItIs() {
    assertThat(new OutgoingRecord(CUSTOM_REPLY, "custom-replies").redirectDue(10)).isFalse();
    assertThat(OutgoingRecord.of(CUSTOM_REPLY).redirectDue(10)).isFalse();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
