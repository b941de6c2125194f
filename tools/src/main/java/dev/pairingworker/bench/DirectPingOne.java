package dev.pairingworker.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairingworker.pingone.CallSlots;
import dev.pairingworker.pingone.ClientCredentials;
import dev.pairingworker.pingone.PairingKeysApi;
import dev.pairingworker.pingone.PingOneCaller;
import dev.pairingworker.pingone.PingOneObserver;
import dev.pairingworker.pingone.RateLimiter;
import dev.pairingworker.pingone.RetryPolicy;
import dev.pairingworker.pingone.RetrySettings;
import dev.pairingworker.pingone.Scheduler;
import dev.pairingworker.pingone.TokenProvider;
import dev.pairingworker.pipeline.PingOneStep;
import dev.pairingworker.simulator.PingOneSimulator;
import dev.pairingworker.simulator.SimulatorSettings;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * The project's PingOne client wired by hand for the serial baseline: the same calls, token
 * handling, retries and rate limiter the worker uses, with a single call slot. Built from public
 * APIs only, so the baseline shares nothing with the worker's wiring.
 *
 * @param executor runs one command and builds its reply
 * @param slots the single call slot; its use is the baseline's calls in flight
 */
record DirectPingOne(PingOneStep executor, CallSlots slots) {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REFRESH_BEFORE = Duration.ofSeconds(60);

  static DirectPingOne connect(PingOneSimulator simulator, int rateLimit, ObjectMapper json) {
    Clock clock = Clock.systemUTC();
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    SimulatorSettings sim = SimulatorSettings.defaults();
    TokenProvider tokens =
        new TokenProvider(
            http,
            simulator.tokenUrl(Workload.ENVIRONMENT_ID),
            new ClientCredentials(sim.clientId(), sim.clientSecret(), true),
            REFRESH_BEFORE,
            TIMEOUT,
            clock,
            json,
            PingOneObserver.NONE);
    PairingKeysApi api =
        new PairingKeysApi(http, simulator.apiBaseUrl(), TIMEOUT, clock, PingOneObserver.NONE);
    CallSlots slots = new CallSlots(1);
    PingOneCaller caller =
        new PingOneCaller(
            api,
            tokens,
            slots,
            RateLimiter.adaptive(rateLimit, clock),
            RetryPolicy.withBackoff(RetrySettings.defaults(), clock),
            clock,
            PingOneObserver.NONE,
            Scheduler.on(java.util.concurrent.ForkJoinPool.commonPool()));
    return new DirectPingOne(new PingOneStep(caller, json, clock, true), slots);
  }
}
