package dev.pairingworker.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairingworker.support.Schemas;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandDecoderTest {
  private static final String ENV = "5a1e0c2d-3b4f-4a6e-8d7c-9f0e1d2c3b4a";
  private static final String USER = "b6b2f190-beb8-4a5d-a4ad-6137df7f993d";
  private static final String KEY = "7487f7a1-47e1-44ce-986d-5ea6c953ef6a";
  private final CommandDecoder decoder = new CommandDecoder(Json.mapper(), "replies");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'op':'create','environmentId':'" + ENV + "','userId':'" + USER + "'}",
        "{'op':'create','environmentId':'"
            + ENV
            + "','userId':'"
            + USER
            + "','body':{'applications':[{'id':'"
            + KEY
            + "'}]}}",
        "{'op':'get','environmentId':'"
            + ENV
            + "','userId':'"
            + USER
            + "','pairingKeyId':'"
            + KEY
            + "'}",
        "{'op':'delete','environmentId':'"
            + ENV
            + "','userId':'"
            + USER
            + "','pairingKeyId':'"
            + KEY
            + "','expiresAt':'2026-12-01T09:00:00Z'}",
        "{'op':'get','environmentId':'"
            + ENV
            + "','userId':'"
            + USER
            + "','pairingKeyId':'"
            + KEY
            + "','expiresAt':'2026-12-01T10:00:00+01:00'}"
      })
  void acceptsWhatTheSchemaAccepts(String single) {
    String json = single.replace('\'', '"');
    assertThat(Schemas.errors(Schemas.COMMAND, json)).isEmpty();
    assertThat(decoder.decode(record("tx", json))).isInstanceOf(Decoded.Accepted.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'op':'list','environmentId':'" + ENV + "','userId':'" + USER + "'}",
        "{'environmentId':'" + ENV + "','userId':'" + USER + "'}",
        "{'op':'get','environmentId':'" + ENV + "','userId':'" + USER + "'}",
        "{'op':'create','environmentId':'"
            + ENV
            + "','userId':'"
            + USER
            + "','pairingKeyId':'"
            + KEY
            + "'}",
        "{'op':'get','environmentId':'"
            + ENV
            + "','userId':'"
            + USER
            + "','pairingKeyId':'"
            + KEY
            + "','body':{}}",
        "{'op':'get','environmentId':'"
            + ENV
            + "','userId':'../"
            + USER
            + "','pairingKeyId':'"
            + KEY
            + "'}",
        "{'op':'get','environmentId':'" + ENV + "','userId':'%2e%2e','pairingKeyId':'" + KEY + "'}",
        "{'op':'get','environmentId':'"
            + ENV
            + "','userId':'"
            + USER
            + "?x=1','pairingKeyId':'"
            + KEY
            + "'}",
        "{'op':'get','environmentId':'"
            + ENV
            + "','userId':'"
            + USER
            + "#','pairingKeyId':'"
            + KEY
            + "'}",
        "{'op':'get','environmentId':'"
            + ENV
            + "','userId':'"
            + USER
            + "\\r\\nX: y','pairingKeyId':'"
            + KEY
            + "'}",
        "{'op':'get','environmentId':'"
            + ENV
            + "','userId':'B6B2F190-BEB8-4A5D-A4AD-6137DF7F993D','pairingKeyId':'"
            + KEY
            + "'}",
        "{'op':'create','environmentId':'"
            + ENV
            + "','userId':'"
            + USER
            + "','expiresAt':'tomorrow'}",
        "{'op':'create','environmentId':'" + ENV + "','userId':'" + USER + "','extra':1}",
        "{'op':'create','environmentId':'" + ENV + "','userId':'" + USER + "','body':[1]}",
        "{'op':'create','environmentId':7,'userId':'" + USER + "'}",
        "[]"
      })
  void rejectsWhatTheSchemaRejects(String single) {
    String json = single.replace('\'', '"');
    assertThat(Schemas.errors(Schemas.COMMAND, json)).isNotEmpty();
    Decoded decoded = decoder.decode(record("tx", json));
    assertThat(decoded).isInstanceOf(Decoded.Rejected.class);
    assertThat(((Decoded.Rejected) decoded).rejection().code())
        .isEqualTo(Rejection.INVALID_COMMAND);
  }

  @Test
  void decodesEveryField() {
    String json =
        ("{'op':'create','environmentId':'"
                + ENV
                + "','userId':'"
                + USER
                + "','body':{'policy':{'id':'"
                + KEY
                + "'}},'expiresAt':'2026-12-01T09:00:00Z'}")
            .replace('\'', '"');
    ConsumerRecord<byte[], byte[]> record = record("tx-1", json);
    record.headers().add(CommandDecoder.SESSION_ID_HEADER, "s-1".getBytes(StandardCharsets.UTF_8));
    record
        .headers()
        .add(CommandDecoder.REPLY_TOPIC_HEADER, "my-replies".getBytes(StandardCharsets.UTF_8));
    record.headers().add(CommandDecoder.CORRELATION_ID_HEADER, new byte[] {1, 2, 3});

    CommandDecoder decoder =
        new CommandDecoder(
            Json.mapper(), "replies", CommandPolicy.of(List.of(), "my-.*", "replies", 65_536));
    Command command = ((Decoded.Accepted) decoder.decode(record)).command();

    assertThat(command.transactionId()).isEqualTo("tx-1");
    assertThat(command.op()).isEqualTo(Op.CREATE);
    assertThat(command.environmentId()).isEqualTo(ENV);
    assertThat(command.userId()).isEqualTo(USER);
    assertThat(command.pairingKeyId()).isNull();
    assertThat(command.body().path("policy").path("id").asText()).isEqualTo(KEY);
    assertThat(command.expiresAt()).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
    assertThat(command.sessionId()).isEqualTo("s-1");
    assertThat(command.route().topic()).isEqualTo("my-replies");
    assertThat(command.route().correlationId()).containsExactly(1, 2, 3);
    assertThat(command.source()).isEqualTo(new RecordSource("commands", 0, 42));
  }

  @Test
  void aRecordWithoutKeyIsRejectedWithoutAReplyKey() {
    Decoded decoded = decoder.decode(record(null, "{}"));
    assertThat(decoded)
        .isInstanceOfSatisfying(
            Decoded.Rejected.class,
            r -> {
              assertThat(r.rejection().code()).isEqualTo(Rejection.INVALID_KEY);
              assertThat(r.route().key()).isNull();
            });
  }

  @Test
  void aKeyThatIsNotUtf8IsRejected() {
    ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>(
            "commands",
            0,
            42,
            new byte[] {(byte) 0xff, (byte) 0xfe},
            "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(((Decoded.Rejected) decoder.decode(record)).rejection().code())
        .isEqualTo(Rejection.INVALID_KEY);
  }

  @Test
  void aSessionHeaderWithControlCharactersIsRejected() {
    ConsumerRecord<byte[], byte[]> record = record("tx", "{}");
    record
        .headers()
        .add(
            CommandDecoder.SESSION_ID_HEADER,
            "a\r\nInjected: yes".getBytes(StandardCharsets.UTF_8));
    Decoded.Rejected rejected = (Decoded.Rejected) decoder.decode(record);
    assertThat(rejected.rejection().code()).isEqualTo(Rejection.INVALID_HEADER);
    assertThat(rejected.rejection().target()).isEqualTo("header:X-Ping-External-Session-ID");
  }

  @Test
  void anInvalidReplyTopicIsRejectedAndTheReplyGoesToTheDefaultTopic() {
    ConsumerRecord<byte[], byte[]> record = record("tx", "{}");
    record
        .headers()
        .add(CommandDecoder.REPLY_TOPIC_HEADER, "../etc".getBytes(StandardCharsets.UTF_8));
    Decoded.Rejected rejected = (Decoded.Rejected) decoder.decode(record);
    assertThat(rejected.rejection().code()).isEqualTo(Rejection.INVALID_HEADER);
    assertThat(rejected.route().topic()).isEqualTo("replies");
  }

  private static ConsumerRecord<byte[], byte[]> record(String key, String value) {
    return new ConsumerRecord<>(
        "commands",
        0,
        42,
        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        value.getBytes(StandardCharsets.UTF_8));
  }
}
