package dev.pairingworker.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Keys for retries and the client-side rate limit against PingOne (read with {@link
 * WorkerConfig#get}).
 */
public final class ResilienceSettings {
  /** Client-side limit of PingOne API calls per second per worker instance. */
  public static final ConfigKey<Integer> RATE_LIMIT =
      ConfigKey.builder("pingone.rate.limit", ValueType.INT)
          .defaultValue("30")
          .validator(Validator.between(0, 100_000))
          .doc(
              "PingOne API calls per second (0 = no client-side limit), for the whole consumer group"
                  + " by default (pingone.rate.limit.scope): each worker paces at the share of the"
                  + " commands topic's partitions it owns, recomputed at every rebalance, and at 98 %"
                  + " of that to absorb network jitter. It slows down by itself when PingOne answers"
                  + " 429 anyway (other clients share the license) and recovers when the 429s stop."
                  + " PingOne's limits are per license and one IP gets at most 35 % of it: set this"
                  + " to the part of the license the workers may use.")
          .build();

  /** Attempts per command. */
  public static final ConfigKey<Integer> RETRY_MAX_ATTEMPTS =
      ConfigKey.builder("pingone.retry.max-attempts", ValueType.INT)
          .defaultValue("8")
          .validator(Validator.between(1, 100))
          .doc(
              "PingOne calls per command at most, first attempt included. Retried: 408, 429, 500,"
                  + " 502, 503, 504 and I/O failures; never 400, 403, 404, 409.")
          .build();

  /** Time budget per command. */
  public static final ConfigKey<Duration> RETRY_MAX_TOTAL_TIME =
      ConfigKey.builder("pingone.retry.max-total-time", ValueType.DURATION)
          .defaultValue("2m")
          .validator(Validator.positive())
          .doc("No retry starts later than this after the command's first attempt.")
          .build();

  /** First back-off step. */
  public static final ConfigKey<Duration> RETRY_BASE_DELAY =
      ConfigKey.builder("pingone.retry.base-delay", ValueType.DURATION)
          .defaultValue("200ms")
          .validator(Validator.positive())
          .doc("Back-off base: attempt n waits a random time up to base × 2^(n-1) (full jitter).")
          .build();

  /** Back-off cap. */
  public static final ConfigKey<Duration> RETRY_MAX_DELAY =
      ConfigKey.builder("pingone.retry.max-delay", ValueType.DURATION)
          .defaultValue("30s")
          .validator(Validator.positive())
          .doc("Upper bound of one back-off wait (Retry-After excepted).")
          .build();

  /** Largest Retry-After honoured. */
  public static final ConfigKey<Duration> RETRY_AFTER_CAP =
      ConfigKey.builder("pingone.retry.retry-after-cap", ValueType.DURATION)
          .defaultValue("120s")
          .validator(Validator.positive())
          .doc(
              "A 429 or 503 whose Retry-After asks for longer than this is answered FAILED instead of"
                  + " retried. A command is never retried sooner than its Retry-After.")
          .build();

  /** What to do with a create whose outcome is unknown. */
  public static final ConfigKey<RateLimitScope> RATE_LIMIT_SCOPE =
      ConfigKey.builder(
              "pingone.rate.limit.scope",
              ValueType.oneOf(RateLimitScope.class, s -> s.name().toLowerCase(Locale.ROOT)))
          .defaultValue("group")
          .doc(
              "Whose budget pingone.rate.limit is: `group` (all workers of worker.group.id share"
                  + " it; each paces at the share of the commands topic's partitions it owns) or"
                  + " `worker` (each worker may use all of it).")
          .build();

  public static final ConfigKey<AmbiguousCreate> AMBIGUOUS_CREATE =
      ConfigKey.builder(
              "pingone.retry.ambiguous-create",
              ValueType.oneOf(AmbiguousCreate.class, c -> c.name().toLowerCase(Locale.ROOT)))
          .defaultValue("answer")
          .doc(
              "A create whose request may have reached PingOne without a usable answer (read timeout,"
                  + " reset after sending, 502, 504): `answer` replies FAILED with OUTCOME_UNKNOWN;"
                  + " `retry` tries again, which may leave a second, unclaimed key that expires"
                  + " (10 minutes by default) and counts towards the user's 20 keys meanwhile.")
          .build();

  static final List<ConfigKey<?>> ALL =
      List.of(
          RATE_LIMIT,
          RATE_LIMIT_SCOPE,
          RETRY_MAX_ATTEMPTS,
          RETRY_MAX_TOTAL_TIME,
          RETRY_BASE_DELAY,
          RETRY_MAX_DELAY,
          RETRY_AFTER_CAP,
          AMBIGUOUS_CREATE);

  private ResilienceSettings() {}
}
