package dev.pairingworker.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairingworker.config.ResilienceSettings;
import dev.pairingworker.config.WorkerConfig;
import dev.pairingworker.pingone.AdaptiveRateLimiter;
import dev.pairingworker.pingone.CallSlots;
import dev.pairingworker.pingone.ClientAuthentication;
import dev.pairingworker.pingone.PairingKeysApi;
import dev.pairingworker.pingone.PingOneCaller;
import dev.pairingworker.pingone.PingOneObserver;
import dev.pairingworker.pingone.RateLimiter;
import dev.pairingworker.pingone.RecentKeys;
import dev.pairingworker.pingone.RetryPolicy;
import dev.pairingworker.pingone.RetrySettings;
import dev.pairingworker.pingone.Scheduler;
import dev.pairingworker.pingone.TokenProvider;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The PingOne side of the worker, built from the configuration. */
record PingOneClient(
    PingOneCaller caller, CallSlots slots, RateLimiter limiter, ExecutorService executor) {

  static PingOneClient create(
      WorkerConfig config, Clock clock, ObjectMapper json, PingOneObserver observer) {
    requireHostnameVerification();
    // Named threads: log lines written on completion of a call show where they came from.
    ExecutorService executor =
        Executors.newFixedThreadPool(executorThreads(), Worker.daemon("pingone-http"));
    HttpClient http =
        HttpClient.newBuilder()
            .executor(executor)
            .connectTimeout(config.connectTimeout())
            // https negotiates HTTP/2; plain http (loopback simulators) stays on HTTP/1.1, no h2c
            // upgrade
            .version(
                "https".equals(config.apiUrl().getScheme())
                    ? HttpClient.Version.HTTP_2
                    : HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    TokenProvider tokens =
        new TokenProvider(
            http,
            config.tokenUrl(),
            ClientAuthentication.of(config.clientId(), config.clientAuth(), clock),
            config.tokenRefreshBefore(),
            config.requestTimeout(),
            clock,
            json,
            observer,
            config.get(ResilienceSettings.RETRY_AFTER_CAP));
    PairingKeysApi api =
        new PairingKeysApi(http, config.apiUrl(), config.requestTimeout(), clock, observer);
    CallSlots slots = new CallSlots(config.maxInFlight());
    RateLimiter limiter = RateLimiter.adaptive(config.get(ResilienceSettings.RATE_LIMIT), clock);
    RetryPolicy retries = RetryPolicy.withBackoff(retrySettings(config), clock);
    return new PingOneClient(
        new PingOneCaller(
            api,
            tokens,
            slots,
            limiter,
            retries,
            clock,
            observer,
            Scheduler.on(executor),
            new RecentKeys(config.get(ResilienceSettings.NOT_FOUND_GRACE), clock)),
        slots,
        limiter,
        executor);
  }

  /**
   * Threads running the HTTP client's completions (parsing the response, building and sending the
   * reply, starting the next call). None of that blocks, so a few threads per core keep up; a
   * cached pool grows a thread per call in flight, whose stacks and malloc arenas cost memory for
   * no throughput (measured in docs/benchmarks.md, "Memory").
   */
  static int executorThreads() {
    return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
  }

  /** The JDK switch that turns off hostname verification in {@code java.net.http}. */
  static final String NO_HOSTNAME_VERIFICATION =
      "jdk.internal.httpclient.disableHostnameVerification";

  /** The token and the client secret go over this TLS connection: a forged host must not pass. */
  static void requireHostnameVerification() {
    String disabled = System.getProperty(NO_HOSTNAME_VERIFICATION);
    if (disabled != null && !disabled.equalsIgnoreCase("false")) {
      throw new IllegalStateException(
          "the system property "
              + NO_HOSTNAME_VERIFICATION
              + " turns off TLS hostname verification towards PingOne; remove it");
    }
  }

  /** The limiter's current rate, when there is a limit. */
  OptionalDouble currentRate() {
    return limiter instanceof AdaptiveRateLimiter adaptive
        ? OptionalDouble.of(adaptive.currentRate())
        : OptionalDouble.empty();
  }

  private static RetrySettings retrySettings(WorkerConfig config) {
    return new RetrySettings(
        config.get(ResilienceSettings.RETRY_MAX_ATTEMPTS),
        config.get(ResilienceSettings.RETRY_MAX_TOTAL_TIME),
        config.get(ResilienceSettings.RETRY_BASE_DELAY),
        config.get(ResilienceSettings.RETRY_MAX_DELAY),
        config.get(ResilienceSettings.RETRY_AFTER_CAP),
        config.get(ResilienceSettings.AMBIGUOUS_CREATE));
  }
}
