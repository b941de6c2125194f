package dev.pairingworker.support;

import dev.pairingworker.broker.EmbeddedKafkaBroker;
import dev.pairingworker.broker.EmbeddedKafkaBroker.ScramUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;

/**
 * A broker of its own (not the shared {@link TestKafka} one) that authenticates clients with
 * SCRAM-SHA-512 on a {@code SASL_PLAINTEXT} listener and enforces ACLs. Each user gets a random
 * password; {@value #ADMIN} is the super user that creates topics and grants ACLs.
 */
public final class ScramKafka implements AutoCloseable {
  public static final String ADMIN = "admin";
  public static final String MECHANISM = "SCRAM-SHA-512";

  private final EmbeddedKafkaBroker broker;
  private final Map<String, String> passwords;

  private ScramKafka(List<String> users) {
    Map<String, String> passwords = new LinkedHashMap<>();
    passwords.put(ADMIN, "pw-" + UUID.randomUUID());
    users.forEach(user -> passwords.put(user, "pw-" + UUID.randomUUID()));
    this.passwords = Map.copyOf(passwords);
    try {
      broker =
          new EmbeddedKafkaBroker(
                  Files.createTempDirectory("scram-kafka"), new ScramUsers(ADMIN, passwords))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts a broker knowing {@value #ADMIN} and {@code users}. */
  public static ScramKafka start(String... users) {
    return new ScramKafka(List.of(users));
  }

  public String password(String user) {
    return passwords.get(user);
  }

  /** Kafka client settings for {@code user} with the given password (right or wrong). */
  public Map<String, Object> clientSettings(String user, String password) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("bootstrap.servers", broker.saslBootstrapServers());
    settings.put("security.protocol", "SASL_PLAINTEXT");
    settings.put("sasl.mechanism", MECHANISM);
    settings.put("sasl.jaas.config", jaas(user, password));
    return settings;
  }

  public Map<String, Object> clientSettings(String user) {
    return clientSettings(user, password(user));
  }

  /** The same settings as the worker's {@code kafka.*} keys. */
  public Map<String, String> workerSettings(String user, String password) {
    Map<String, String> settings = new HashMap<>();
    clientSettings(user, password).forEach((k, v) -> settings.put("kafka." + k, v.toString()));
    return settings;
  }

  public String saslBootstrapServers() {
    return broker.saslBootstrapServers();
  }

  /** Creates the topics (one partition each) as {@value #ADMIN}. */
  public void createTopics(String... topics) {
    try (Admin admin = Admin.create(clientSettings(ADMIN))) {
      admin
          .createTopics(List.of(topics).stream().map(t -> new NewTopic(t, 1, (short) 1)).toList())
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not create topics", e);
    }
  }

  /** Grants the ACLs as {@value #ADMIN} and waits until the broker has them. */
  public void grant(List<AclBinding> acls) {
    try (Admin admin = Admin.create(clientSettings(ADMIN))) {
      admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
      // The controller has them; the broker's authorizer applies them a moment later.
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> admin.describeAcls(AclBindingFilter.ANY).values().get().containsAll(acls));
    } catch (Exception e) {
      throw new IllegalStateException("could not create ACLs", e);
    }
  }

  /** Reads partition 0 of {@code topic} as {@value #ADMIN} until {@code count} records came. */
  public List<ConsumerRecord<byte[], byte[]>> read(String topic, int count) {
    TopicPartition partition = new TopicPartition(topic, 0);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            clientSettings(ADMIN), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
              });
      return records;
    }
  }

  /** An ALLOW ACL for {@code user} on a literal resource name, from any host. */
  public static AclBinding allow(
      String user, ResourceType type, String name, AclOperation operation) {
    return new AclBinding(
        new ResourcePattern(type, name, PatternType.LITERAL),
        new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
  }

  @Override
  public void close() {
    broker.close();
  }

  private static String jaas(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\";";
  }
}
