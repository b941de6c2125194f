package dev.pairingworker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairingworker.command.CommandPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecuritySettingsTest {
  private static final String OTHER_ENV = "0b7c3a52-5d2e-4f0a-9c1b-2e3f4a5b6c7d";
  private static final String FILE_SECRET = "fr0m-the-File!";

  @TempDir Path dir;

  @Test
  void theDefaultsAllowAnyEnvironmentAndOnlyTheDefaultReplyTopicAndKeepTheCode() {
    WorkerConfig config = WorkerConfig.of(WorkerConfigTest.required());

    assertThat(config.get(SecuritySettings.ENVIRONMENTS_ALLOWED)).isEmpty();
    assertThat(config.get(SecuritySettings.REPLY_TOPIC_PATTERN))
        .isEqualTo(CommandPolicy.replyTopicsUnder(config.repliesTopic()));
    assertThat(config.get(SecuritySettings.MAX_RECORD_BYTES)).isEqualTo(65_536);
    assertThat(config.get(SecuritySettings.REPLY_INCLUDE_CODE)).isTrue();
  }

  @Test
  void theAllowListIsCommaSeparatedLowercaseUuids() {
    WorkerConfig config =
        WorkerConfigTest.with(
            "pingone.environments.allowed", WorkerConfigTest.ENV_ID + " , " + OTHER_ENV);

    assertThat(config.get(SecuritySettings.ENVIRONMENTS_ALLOWED))
        .containsExactly(WorkerConfigTest.ENV_ID, OTHER_ENV);
    assertThat(
            WorkerConfigTest.with("pingone.environments.allowed", " ")
                .get(SecuritySettings.ENVIRONMENTS_ALLOWED))
        .isEmpty();
  }

  @Test
  void anUppercaseOrMalformedEnvironmentIsRejected() {
    WorkerConfigTest.assertRejected(
        "pingone.environments.allowed",
        OTHER_ENV.toUpperCase() + ",x",
        "pingone.environments.allowed: invalid value '"
            + OTHER_ENV.toUpperCase()
            + ",x': must be a comma-separated list of lowercase UUIDs (8-4-4-4-12 hex digits)");
  }

  @Test
  void theDefaultReplyTopicPatternFollowsTheReplyTopicAndAnExplicitOneWins() {
    Map<String, String> settings = new java.util.HashMap<>(WorkerConfigTest.required());
    settings.put("worker.topic.replies", "pairing.replies");
    Pattern derived =
        Pattern.compile(WorkerConfig.of(settings).get(SecuritySettings.REPLY_TOPIC_PATTERN));
    settings.put("worker.reply-topic.pattern", "onboarding\\.replies\\..*");
    settings.put("worker.topic.replies", "other");

    assertThat(derived.matcher("pairing.replies.spring-1").matches()).isTrue();
    assertThat(derived.matcher("pairingXreplies").matches()).isFalse();
    assertThat(WorkerConfig.of(settings).get(SecuritySettings.REPLY_TOPIC_PATTERN))
        .isEqualTo("onboarding\\.replies\\..*");
    assertThat(
            WorkerConfigTest.with("worker.reply-topic.pattern", "")
                .get(SecuritySettings.REPLY_TOPIC_PATTERN))
        .isEmpty();
  }

  @Test
  void aReplyTopicPatternMustBeARegex() {
    assertThatThrownBy(() -> WorkerConfigTest.with("worker.reply-topic.pattern", "replies.(*"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "worker.reply-topic.pattern: invalid value 'replies.(*': must be a Java regular"
                + " expression (");
  }

  @Test
  void theSecretIsReadFromAFileWithoutOneTrailingNewline() throws IOException {
    WorkerConfig config = withSecretFile(FILE_SECRET + "\n");

    assertThat(config.clientSecret().reveal()).isEqualTo(FILE_SECRET);
    assertThat(withSecretFile(FILE_SECRET + " \r\n").clientSecret().reveal())
        .isEqualTo(FILE_SECRET + " ");
    assertThat(withSecretFile(FILE_SECRET + "\n\n").clientSecret().reveal())
        .isEqualTo(FILE_SECRET + "\n");
    assertThat(config.toString())
        .doesNotContain(FILE_SECRET)
        .contains("pingone.client.secret=****");
  }

  @Test
  void settingBothSecretsIsAnError() throws IOException {
    Map<String, String> settings = WorkerConfigTest.required();
    settings.put("pingone.client.secret.file", secretFile(FILE_SECRET).toString());

    assertThatThrownBy(() -> WorkerConfig.of(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "pingone.client.secret or pingone.client.secret.file: set only one of them, not both")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(WorkerConfigTest.SECRET));
  }

  @Test
  void anUnreadableSecretFileIsNamedWithItsPathButNotItsContent() {
    Path absent = dir.resolve("absent-secret");

    assertThatThrownBy(() -> withSecretFileAt(absent))
        .isInstanceOf(ConfigException.class)
        .hasMessage("pingone.client.secret.file: cannot read " + absent + " (NoSuchFileException)");
  }

  @Test
  void aSecretFileThatIsNotUtf8IsRefusedWithoutQuotingIt() throws IOException {
    Path file = dir.resolve("latin1-secret");
    Files.write(file, "gehe1m-\u00e4".getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> withSecretFileAt(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "pingone.client.secret.file: cannot read " + file + " (MalformedInputException)");
  }

  @Test
  void anEmptySecretFileIsAnError() throws IOException {
    Path file = secretFile("\n");

    assertThatThrownBy(() -> withSecretFileAt(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage("pingone.client.secret.file: " + file + " is empty");
  }

  @Test
  void theSecuritySettingsFollowTheResilienceSettingsInTheReference() {
    List<ConfigKey<?>> all = WorkerSettings.all();

    assertThat(all)
        .containsSubsequence(
            ResilienceSettings.AMBIGUOUS_CREATE, SecuritySettings.ENVIRONMENTS_ALLOWED);
    assertThat(all).containsAll(SecuritySettings.ALL);
  }

  private WorkerConfig withSecretFile(String content) throws IOException {
    return withSecretFileAt(secretFile(content));
  }

  private Path secretFile(String content) throws IOException {
    Path file = Files.createTempFile(dir, "secret", "");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private static WorkerConfig withSecretFileAt(Path file) {
    Map<String, String> settings = WorkerConfigTest.required();
    settings.remove("pingone.client.secret");
    settings.put("pingone.client.secret.file", file.toString());
    return WorkerConfig.of(settings);
  }
}
