package dev.pairingworker.command;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the operator lets the writers of the commands topic ask for, checked while decoding so that
 * a command outside it never reaches PingOne.
 *
 * @param allowedEnvironments the environments a command may target; empty = any
 * @param replyTopics the {@code kafka_replyTopic} values allowed (matched in full)
 * @param maxRecordBytes the largest record (key, value and headers) that is parsed at all
 */
public record CommandPolicy(
    Set<String> allowedEnvironments, Pattern replyTopics, int maxRecordBytes) {

  /** The default of {@code worker.max.record.bytes}. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 64 * 1024;

  public CommandPolicy {
    allowedEnvironments = Set.copyOf(allowedEnvironments);
  }

  /**
   * The default of {@code worker.reply-topic.pattern}: {@code defaultReplyTopic} itself and the
   * topics named under it, {@code <defaultReplyTopic>.<anything>} (e.g. {@code
   * pairing-replies.onboarding-7f3a}, one per Spring requester instance). Such topics are the
   * operator's to create and to guard with one prefixed ACL on {@code <defaultReplyTopic>.}, so the
   * usual Spring setup works without letting a command send codes to a topic of its writer's
   * choosing. The name is quoted: a dot in it matches only a dot.
   */
  public static String replyTopicsUnder(String defaultReplyTopic) {
    return Pattern.quote(defaultReplyTopic) + "(?:\\.[a-zA-Z0-9._-]+)?";
  }

  /**
   * The policy from the configured values.
   *
   * @param replyTopicRegex {@code worker.reply-topic.pattern}; empty allows only {@code
   *     defaultReplyTopic}
   */
  public static CommandPolicy of(
      List<String> allowedEnvironments,
      String replyTopicRegex,
      String defaultReplyTopic,
      int maxRecordBytes) {
    Pattern topics =
        replyTopicRegex.isEmpty()
            ? Pattern.compile(Pattern.quote(defaultReplyTopic))
            : Pattern.compile(replyTopicRegex);
    return new CommandPolicy(Set.copyOf(allowedEnvironments), topics, maxRecordBytes);
  }

  /**
   * The worker's defaults: any environment, replies on {@code defaultReplyTopic} and the topics
   * {@linkplain #replyTopicsUnder under it}, records up to 64 KiB.
   */
  public static CommandPolicy defaults(String defaultReplyTopic) {
    return of(
        List.of(),
        replyTopicsUnder(defaultReplyTopic),
        defaultReplyTopic,
        DEFAULT_MAX_RECORD_BYTES);
  }

  boolean allowsEnvironment(String environmentId) {
    return allowedEnvironments.isEmpty() || allowedEnvironments.contains(environmentId);
  }

  boolean allowsReplyTopic(String topic) {
    return replyTopics.matcher(topic).matches();
  }
}
