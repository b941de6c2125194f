package dev.pairingworker.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.regex.Pattern;

/** A rule a parsed value must obey; the reason never repeats the value, which may be a secret. */
@FunctionalInterface
interface Validator<T> {
  void check(T value) throws InvalidValueException;

  Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
  Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+\\]|[a-zA-Z0-9._-]+):([0-9]{1,5})");
  Pattern IPV4_LOOPBACK = Pattern.compile("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");

  static <T> Validator<T> none() {
    return value -> {};
  }

  static Validator<Integer> between(int min, int max) {
    return value -> {
      if (value < min || value > max) {
        throw new InvalidValueException("must be between " + min + " and " + max);
      }
    };
  }

  static Validator<Duration> between(Duration min, Duration max) {
    return value -> {
      if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
        throw new InvalidValueException(
            "must be between " + shortForm(min) + " and " + shortForm(max));
      }
    };
  }

  /** {@code 90s}, {@code 10m}: the way a properties file writes it, not {@code PT10M}. */
  private static String shortForm(Duration duration) {
    long seconds = duration.getSeconds();
    if (duration.getNano() != 0) {
      return duration.toMillis() + "ms";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }

  static Validator<Duration> positive() {
    return value -> {
      if (value.isNegative() || value.isZero()) {
        throw new InvalidValueException("must be greater than zero");
      }
    };
  }

  static Validator<Duration> notNegative() {
    return value -> {
      if (value.isNegative()) {
        throw new InvalidValueException("must not be negative");
      }
    };
  }

  static Validator<String> topicName() {
    return value -> {
      if (!TOPIC.matcher(value).matches() || value.equals(".") || value.equals("..")) {
        throw new InvalidValueException(
            "must be a Kafka topic name: 1 to 249 of a-z A-Z 0-9 . _ - (and not . or ..)");
      }
    };
  }

  /** Kafka's rule for a {@code group.instance.id}, the same as a topic name's; or empty. */
  static Validator<String> emptyOrGroupInstanceId() {
    return value -> {
      if (!value.isEmpty()
          && (!TOPIC.matcher(value).matches() || value.equals(".") || value.equals(".."))) {
        throw new InvalidValueException(
            "must be empty or a Kafka group instance ID: 1 to 249 of a-z A-Z 0-9 . _ - (and not"
                + " . or ..)");
      }
    };
  }

  static Validator<String> hostPortList() {
    return value -> {
      for (String server : value.split(",", -1)) {
        var matcher = HOST_PORT.matcher(server.strip());
        if (!matcher.matches() || Integer.parseInt(matcher.group(2)) > 65535) {
          throw new InvalidValueException("must be a comma-separated list of host:port");
        }
      }
    };
  }

  /**
   * Credentials travel over this URL: plain http only where the traffic cannot leave the machine.
   */
  static Validator<URI> httpsOrLoopback() {
    return value -> {
      if (value.getScheme().equalsIgnoreCase("http") && !isLoopback(value.getHost())) {
        throw new InvalidValueException(
            "must use https; plain http is allowed only for localhost, 127.0.0.0/8 and [::1]");
      }
    };
  }

  private static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!IPV4_LOOPBACK.matcher(host).matches() && !host.startsWith("[")) {
      return false; // a name other than localhost may resolve anywhere
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress(); // a literal: no DNS lookup
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
