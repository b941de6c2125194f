package dev.pairingworker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairingworker.support.ProjectRoot;
import dev.pairingworker.support.Schemas;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's examples are real: its commands match the build, its JSON matches the published
 * schemas.
 */
class ReadmeTest {
  private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

  @Test
  void theCommandExampleIsAValidCommandAndTheReplyExampleAValidReply() throws Exception {
    List<String> blocks = jsonBlocks(Files.readString(ProjectRoot.resolve("README.md")));

    assertThat(blocks).hasSize(2);
    assertThat(Schemas.errors(Schemas.COMMAND, blocks.get(0))).isEmpty();
    assertThat(Schemas.errors(Schemas.REPLY, blocks.get(1))).isEmpty();
  }

  @Test
  void namesTheTwoCommandsThatCiRuns() throws Exception {
    String readme = Files.readString(ProjectRoot.resolve("README.md"));
    String ci = Files.readString(ProjectRoot.resolve(".ci", "run"));

    assertThat(readme)
        .contains("mvn -B -q -DskipTests package && java -jar target/pairing-worker.jar demo")
        .contains("mvn -B verify");
    assertThat(ci).contains("mvn -B verify");
  }

  private static List<String> jsonBlocks(String markdown) {
    List<String> out = new ArrayList<>();
    Matcher m = JSON_BLOCK.matcher(markdown);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
