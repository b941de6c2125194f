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
          .defaultValue("16")
          .validator(Validator.between(1, 100))
          .doc(
              "PingOne calls per command at most, first attempt included. Retried: 408, 429, 500,"
                  + " 502, 503, 504 and I/O failures; never 400, 403, 409, nor a 404 (except"
                  + " within pingone.retry.not-found-grace of the key's creation). 16 makes a"
                  + " create that meets independent transient failures on 30 % of its calls fail"
                  + " once in 230 million (8 did once in 15,000); in an outage the time budget"
                  + " (max-total-time) ends a command at about the same attempt.")
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

  /** Whose budget the rate limit is. */
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

  /** What to do with a create whose outcome is unknown. */
  public static final ConfigKey<AmbiguousCreate> AMBIGUOUS_CREATE =
      ConfigKey.builder(
              "pingone.retry.ambiguous-create",
              ValueType.oneOf(AmbiguousCreate.class, c -> c.name().toLowerCase(Locale.ROOT)))
          .defaultValue("retry")
          .doc(
              "A create whose request may have reached PingOne without a usable answer (read timeout,"
                  + " reset after sending, 502, 504), or that the ledger saw start but never"
                  + " complete (the worker died in between): `retry` (default) calls again, so the"
                  + " create ends SUCCEEDED unless PingOne refuses it, and reports each such attempt"
                  + " in the reply's ambiguousAttempts and in"
                  + " pairing_worker_pingone_ambiguous_outcomes_total{action=\"retried\"}: each may"
                  + " have left a second, unclaimed key that expires (10 minutes by default) and"
                  + " counts towards the user's 20 keys meanwhile. `answer` never calls twice and"
                  + " replies FAILED with OUTCOME_UNKNOWN instead.")
          .build();

  /** How long a 404 for a key this worker just created is taken for replication lag. */
  public static final ConfigKey<Duration> NOT_FOUND_GRACE =
      ConfigKey.builder("pingone.retry.not-found-grace", ValueType.DURATION)
          .defaultValue("2s")
          .validator(Validator.notNegative())
          .doc(
              "A get or delete answered 404 for a key this worker created less than this long ago"
                  + " is retried (back-off as usual, the last attempt once this has passed) before"
                  + " it is answered: PingOne may answer 404 for a resource read right after its"
                  + " creation. A delete says alreadyAbsent only after that. Keys created by other"
                  + " workers, or longer ago, get their 404 answered at once. The worker remembers"
                  + " the keys it created within this window (at most 20,000); 0 turns it off.")
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
          AMBIGUOUS_CREATE,
          NOT_FOUND_GRACE);

  private ResilienceSettings() {}
}
