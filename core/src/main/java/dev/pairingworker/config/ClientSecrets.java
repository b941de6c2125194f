package dev.pairingworker.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the client secret comes from: {@code pingone.client.secret} (file or environment) or the
 * file named by {@code pingone.client.secret.file}, exactly one of them. Messages name the keys and
 * the path, never the content.
 */
final class ClientSecrets {
  private static final String BOTH =
      WorkerSettings.CLIENT_SECRET.name() + " or " + SecuritySettings.CLIENT_SECRET_FILE.name();

  private ClientSecrets() {}

  /** The secret, or empty with the reason added to {@code errors}. */
  static Optional<Secret> resolve(
      ConfigValues values, boolean secretSet, boolean fileSet, List<String> errors) {
    if (secretSet && fileSet) {
      errors.add(BOTH + ": set only one of them, not both");
      return Optional.empty();
    }
    if (!secretSet && !fileSet) {
      errors.add(
          BOTH
              + ": one of them is required; set "
              + WorkerSettings.CLIENT_SECRET.envVariable()
              + " or name a secret file");
      return Optional.empty();
    }
    if (secretSet) {
      return values.find(WorkerSettings.CLIENT_SECRET).map(Secret::of);
    }
    return values.find(SecuritySettings.CLIENT_SECRET_FILE).flatMap(path -> read(path, errors));
  }

  private static Optional<Secret> read(Path path, List<String> errors) {
    String name = SecuritySettings.CLIENT_SECRET_FILE.name();
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      // The exception's message could quote the file (a malformed-input report does not, but
      // nothing here should depend on that): only its type is shown.
      errors.add(name + ": cannot read " + path + " (" + e.getClass().getSimpleName() + ")");
      return Optional.empty();
    }
    String secret = withoutTrailingNewline(text);
    if (secret.isEmpty()) {
      errors.add(name + ": " + path + " is empty");
      return Optional.empty();
    }
    return Optional.of(Secret.of(secret));
  }

  /** Drops one trailing newline ({@code \n} or {@code \r\n}), as echo and most editors add it. */
  static String withoutTrailingNewline(String text) {
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }
}
