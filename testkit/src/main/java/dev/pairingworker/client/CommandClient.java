package dev.pairingworker.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The producing side of the contract: sends command records and hands back the reply for each key.
 * Used by the demo and the tests; it reads the reply topic without a consumer group, from the end
 * it saw at start.
 */
public final class CommandClient implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final KafkaConsumer<byte[], byte[]> replies;
  private final String commandsTopic;
  private final Map<String, CompletableFuture<ConsumerRecord<byte[], byte[]>>> waiting =
      new ConcurrentHashMap<>();
  private final Thread listener;
  private final CountDownLatch listening = new CountDownLatch(1);
  private volatile boolean running = true;

  public CommandClient(Map<String, Object> kafkaSettings, String commandsTopic, String replyTopic) {
    this.commandsTopic = commandsTopic;
    Map<String, Object> producerSettings = new HashMap<>(kafkaSettings);
    producerSettings.put(
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    producerSettings.put(
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    producerSettings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    this.producer = new KafkaProducer<>(producerSettings);
    Map<String, Object> consumerSettings = new HashMap<>(kafkaSettings);
    consumerSettings.put(
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    consumerSettings.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    consumerSettings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.replies = new KafkaConsumer<>(consumerSettings);
    this.listener = new Thread(() -> listen(replyTopic), "reply-listener");
    listener.setDaemon(true);
    listener.start();
  }

  /**
   * Waits until the reply listener is positioned, so no reply sent after this returns can be
   * missed.
   */
  public CommandClient awaitListening(Duration timeout) throws InterruptedException {
    if (!listening.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("the reply topic could not be read within " + timeout);
    }
    return this;
  }

  /** Sends a command; {@code headers} values are sent as UTF-8. */
  public CompletableFuture<RecordMetadata> send(
      byte[] key, byte[] value, Map<String, String> headers) {
    return send(null, key, value, headers);
  }

  /**
   * Sends a command to {@code partition} of the commands topic, or where the producer's partitioner
   * puts its key when null: a producer that keeps each user's commands in one partition.
   */
  public CompletableFuture<RecordMetadata> send(
      Integer partition, byte[] key, byte[] value, Map<String, String> headers) {
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(commandsTopic, partition, key, value);
    headers.forEach(
        (name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
    CompletableFuture<RecordMetadata> sent = new CompletableFuture<>();
    producer.send(
        record,
        (metadata, failure) -> {
          if (failure == null) {
            sent.complete(metadata);
          } else {
            sent.completeExceptionally(failure);
          }
        });
    return sent;
  }

  public CompletableFuture<RecordMetadata> send(
      String key, String json, Map<String, String> headers) {
    return send(null, key, json, headers);
  }

  /** As {@link #send(Integer, byte[], byte[], Map)}, with a text key and value. */
  public CompletableFuture<RecordMetadata> send(
      Integer partition, String key, String json, Map<String, String> headers) {
    return send(
        partition,
        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        json == null ? null : json.getBytes(StandardCharsets.UTF_8),
        headers);
  }

  /** The first reply with this key seen since the client started (completes when it arrives). */
  public CompletableFuture<ConsumerRecord<byte[], byte[]>> reply(String key) {
    return waiting.computeIfAbsent(key, k -> new CompletableFuture<>());
  }

  /**
   * Forgets the reply seen for {@code key}, so {@link #reply(String)} waits for the next one: call
   * it before sending a command again with the same key.
   */
  public void forget(String key) {
    waiting.remove(key);
  }

  private void listen(String topic) {
    try {
      List<TopicPartition> partitions =
          replies.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      replies.assign(partitions);
      replies.seekToEnd(partitions);
      partitions.forEach(replies::position);
      listening.countDown();
      while (running) {
        for (ConsumerRecord<byte[], byte[]> record : replies.poll(Duration.ofMillis(100))) {
          String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
          reply(key).complete(record);
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      replies.close();
    }
  }

  /** A header's value as text, or null. */
  public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    running = false;
    replies.wakeup();
    producer.close(Duration.ofSeconds(5));
    try {
      listener.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
