package dev.pairingworker.config;

import dev.pairingworker.command.CommandPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Keys that bound what the writers of the commands topic can make the worker do, and what it
 * reveals (read with {@link WorkerConfig#get}). {@code docs/security.md} explains what each one
 * protects.
 */
public final class SecuritySettings {
  /** The PingOne environments commands may target; empty = any. */
  public static final ConfigKey<List<String>> ENVIRONMENTS_ALLOWED =
      ConfigKey.builder("pingone.environments.allowed", ValueType.UUID_LIST)
          .defaultValue("")
          .emptyAllowed()
          .doc(
              "Environments (comma-separated lowercase UUIDs) a command may target; a command for"
                  + " any other is REJECTED with ENVIRONMENT_NOT_ALLOWED and never reaches PingOne."
                  + " Empty allows every environment the worker app can reach, with a warning at"
                  + " start-up.")
          .build();

  /** A file holding the client secret, instead of {@code pingone.client.secret}. */
  public static final ConfigKey<Path> CLIENT_SECRET_FILE =
      ConfigKey.builder("pingone.client.secret.file", ValueType.FILE)
          .derivedDefault("not set", values -> Optional.empty())
          .doc(
              "File holding the client secret (a Kubernetes or Docker secret), read once at"
                  + " start-up; one trailing newline is dropped. Set exactly one of this and"
                  + " pingone.client.secret (neither with private_key_jwt).")
          .build();

  /** Which {@code kafka_replyTopic} values a command may ask for. */
  public static final ConfigKey<String> REPLY_TOPIC_PATTERN =
      ConfigKey.builder("worker.reply-topic.pattern", ValueType.REGEX)
          .derivedDefault(
              "`worker.topic.replies` and `<worker.topic.replies>.<suffix>`",
              values ->
                  values.find(WorkerSettings.REPLIES_TOPIC).map(CommandPolicy::replyTopicsUnder))
          .emptyAllowed()
          .doc(
              "Java regex a command's kafka_replyTopic header must match in full; otherwise the"
                  + " command is REJECTED (REPLY_TOPIC_NOT_ALLOWED) and answered on"
                  + " worker.topic.replies. By default worker.topic.replies itself and the topics"
                  + " under its name, e.g. `pairing-replies.onboarding-1` for"
                  + " worker.topic.replies=pairing-replies (a Spring ReplyingKafkaTemplate names"
                  + " its reply topic in every request): create them as the operator and grant"
                  + " their readers a prefixed ACL on `<worker.topic.replies>.`. Empty allows only"
                  + " worker.topic.replies itself. Replies carry pairing codes: allow only topics"
                  + " whose readers may see them, e.g. `onboarding\\.replies\\..*`.")
          .build();

  /** Largest command record accepted. */
  public static final ConfigKey<Integer> MAX_RECORD_BYTES =
      ConfigKey.builder("worker.max.record.bytes", ValueType.INT)
          .defaultValue("65536")
          .validator(Validator.between(1024, 16 * 1024 * 1024))
          .doc(
              "Largest command record (key, value and headers, in bytes; 1024 to 16777216) the"
                  + " worker reads; a larger one is REJECTED with RECORD_TOO_LARGE without being"
                  + " parsed.")
          .build();

  /** Whether replies carry the pairing code. */
  public static final ConfigKey<Boolean> REPLY_INCLUDE_CODE =
      ConfigKey.builder("worker.reply.include-code", ValueType.BOOLEAN)
          .defaultValue("true")
          .doc(
              "Whether the reply's pairingKey keeps its secret `code`. Set false when the reply"
                  + " consumers need only the key ID: the code then appears nowhere but in PingOne.")
          .build();

  static final List<ConfigKey<?>> ALL =
      List.of(
          ENVIRONMENTS_ALLOWED,
          CLIENT_SECRET_FILE,
          REPLY_TOPIC_PATTERN,
          MAX_RECORD_BYTES,
          REPLY_INCLUDE_CODE);

  private SecuritySettings() {}
}
