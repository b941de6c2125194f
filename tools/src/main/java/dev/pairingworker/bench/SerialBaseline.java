package dev.pairingworker.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairingworker.command.CommandDecoder;
import dev.pairingworker.command.Decoded;
import dev.pairingworker.command.Reply;
import dev.pairingworker.command.ReplyRoute;
import dev.pairingworker.pipeline.CommandRun;
import dev.pairingworker.pipeline.PingOneStep;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The naive worker the real one is measured against: poll, then for each record call PingOne and
 * wait, send the reply and wait for the broker, and commit after each poll. Correct (at least once,
 * in order) and as slow as one call at a time makes it. Not the product's code path: only the
 * decoder and the executor are shared, so the comparison measures the dispatching, not the call.
 */
final class SerialBaseline implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(100);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final KafkaProducer<byte[], byte[]> producer;
  private final CommandDecoder decoder;
  private final PingOneStep executor;
  private final ObjectMapper json;
  private final String commandsTopic;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Throwable failure;

  private SerialBaseline(
      Map<String, Object> kafka,
      String group,
      BenchTopics topics,
      PingOneStep executor,
      ObjectMapper json) {
    this.consumer = new KafkaConsumer<>(consumerSettings(kafka, group));
    this.producer = new KafkaProducer<>(producerSettings(kafka));
    this.decoder = new CommandDecoder(json, topics.replies());
    this.executor = executor;
    this.json = json;
    this.commandsTopic = topics.commands();
    this.thread = new Thread(this::loop, "serial-baseline");
  }

  static SerialBaseline start(
      Map<String, Object> kafka,
      String group,
      BenchTopics topics,
      PingOneStep executor,
      ObjectMapper json) {
    SerialBaseline baseline = new SerialBaseline(kafka, group, topics, executor, json);
    baseline.thread.start();
    return baseline;
  }

  private void loop() {
    try {
      consumer.subscribe(List.of(commandsTopic));
      while (running) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        for (ConsumerRecord<byte[], byte[]> record : records) {
          answer(record);
        }
        if (!records.isEmpty()) {
          consumer.commitSync();
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | ExecutionException | JsonProcessingException e) {
      failure = e;
    } finally {
      consumer.close();
    }
  }

  private void answer(ConsumerRecord<byte[], byte[]> record)
      throws InterruptedException, ExecutionException, JsonProcessingException {
    Decoded decoded = decoder.decode(record);
    Reply reply;
    ReplyRoute route;
    if (decoded instanceof Decoded.Accepted accepted) {
      reply = executor.execute(CommandRun.of(accepted.command())).join();
      route = accepted.command().route();
    } else {
      Decoded.Rejected rejected = (Decoded.Rejected) decoded;
      reply = Reply.rejected(rejected, Instant.now());
      route = rejected.route();
    }
    producer
        .send(new ProducerRecord<>(route.topic(), route.key(), json.writeValueAsBytes(reply)))
        .get();
  }

  /** The error that stopped the loop by itself, or null. */
  Throwable failure() {
    return failure;
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
  }

  private static Map<String, Object> consumerSettings(Map<String, Object> kafka, String group) {
    Map<String, Object> settings = new HashMap<>(kafka);
    settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    settings.put(
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    settings.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return settings;
  }

  private static Map<String, Object> producerSettings(Map<String, Object> kafka) {
    Map<String, Object> settings = new HashMap<>(kafka);
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return settings;
  }
}
