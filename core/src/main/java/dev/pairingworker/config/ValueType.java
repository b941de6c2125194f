package dev.pairingworker.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * How the text of one key becomes a typed value. Parsers are strict ({@code 1.0} is not an int,
 * {@code yes} not a boolean) and their reasons never repeat the value, which may be a secret.
 *
 * @param name the type as the configuration reference shows it
 * @param parser turns stripped, non-empty text into a value
 */
record ValueType<T>(String name, Parser<T> parser) {
  /** Parses stripped, non-empty text. */
  @FunctionalInterface
  interface Parser<T> {
    T parse(String text) throws InvalidValueException;
  }

  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
  private static final Pattern SHORT_DURATION = Pattern.compile("([0-9]+)(ms|s|m|h|d)");
  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  static final ValueType<String> STRING = new ValueType<>("string", text -> text);

  static final ValueType<Integer> INT = new ValueType<>("int", ValueType::parseInt);

  static final ValueType<Boolean> BOOLEAN = new ValueType<>("boolean", ValueType::parseBoolean);

  static final ValueType<Duration> DURATION = new ValueType<>("duration", ValueType::parseDuration);

  static final ValueType<String> LOWERCASE_UUID = new ValueType<>("UUID", ValueType::parseUuid);

  static final ValueType<URI> URL = new ValueType<>("URL", ValueType::parseUrl);

  /** Comma-separated lowercase UUIDs; empty text is the empty list. */
  static final ValueType<List<String>> UUID_LIST =
      new ValueType<>("comma-separated UUIDs", ValueType::parseUuidList);

  /** A Java regular expression, kept as text; empty text stays empty. */
  static final ValueType<String> REGEX = new ValueType<>("Java regex", ValueType::parseRegex);

  static final ValueType<Path> FILE = new ValueType<>("file path", ValueType::parsePath);

  T parse(String text) throws InvalidValueException {
    return parser.parse(text);
  }

  /** An enum matched case-insensitively against {@code spelling} of each constant. */
  static <E extends Enum<E>> ValueType<E> oneOf(Class<E> type, Function<E, String> spelling) {
    E[] constants = type.getEnumConstants();
    String allowed = Arrays.stream(constants).map(spelling).collect(Collectors.joining(", "));
    return new ValueType<>(
        "one of " + allowed,
        text -> {
          for (E constant : constants) {
            if (spelling.apply(constant).equalsIgnoreCase(text)) {
              return constant;
            }
          }
          throw new InvalidValueException("must be one of " + allowed);
        });
  }

  private static Integer parseInt(String text) throws InvalidValueException {
    if (!INTEGER.matcher(text).matches()) {
      throw new InvalidValueException("must be an integer");
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new InvalidValueException("must be an integer between -2147483648 and 2147483647");
    }
  }

  private static Boolean parseBoolean(String text) throws InvalidValueException {
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidValueException("must be true or false");
    };
  }

  private static Duration parseDuration(String text) throws InvalidValueException {
    Matcher shortForm = SHORT_DURATION.matcher(text);
    try {
      if (shortForm.matches()) {
        long amount = Long.parseLong(shortForm.group(1));
        return switch (shortForm.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
      }
      return Duration.parse(text.toUpperCase(Locale.ROOT));
    } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
      throw new InvalidValueException(
          "must be a duration such as 500ms, 30s, 5m, 1h, 7d or ISO-8601 (PT30S)");
    }
  }

  private static String parseUuid(String text) throws InvalidValueException {
    if (!UUID.matcher(text).matches()) {
      throw new InvalidValueException(
          "must be a lowercase UUID (8-4-4-4-12 hex digits, e.g."
              + " 3f2a0c1e-8b5d-4e6f-9a7b-1c2d3e4f5a6b)");
    }
    return text;
  }

  private static List<String> parseUuidList(String text) throws InvalidValueException {
    List<String> ids = new ArrayList<>();
    if (text.isEmpty()) {
      return List.copyOf(ids);
    }
    for (String id : text.split(",", -1)) {
      if (!UUID.matcher(id.strip()).matches()) {
        throw new InvalidValueException(
            "must be a comma-separated list of lowercase UUIDs (8-4-4-4-12 hex digits)");
      }
      ids.add(id.strip());
    }
    return List.copyOf(ids);
  }

  private static String parseRegex(String text) throws InvalidValueException {
    try {
      Pattern.compile(text);
      return text;
    } catch (PatternSyntaxException e) {
      throw new InvalidValueException(
          "must be a Java regular expression (" + e.getDescription() + ")");
    }
  }

  private static Path parsePath(String text) throws InvalidValueException {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new InvalidValueException("must be a file path");
    }
  }

  /** An absolute http(s) URL with a host; a trailing slash is dropped so paths can be appended. */
  private static URI parseUrl(String text) throws InvalidValueException {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new InvalidValueException("must be a URL such as https://api.pingone.com/v1");
    }
    String scheme = uri.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
        || uri.getHost() == null) {
      throw new InvalidValueException("must be an absolute http(s) URL with a host");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw new InvalidValueException("must not contain user info, a query or a fragment");
    }
    String normalised = text.endsWith("/") ? text.replaceAll("/+$", "") : text;
    return URI.create(normalised);
  }
}
