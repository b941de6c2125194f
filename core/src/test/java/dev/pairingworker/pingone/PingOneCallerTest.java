package dev.pairingworker.pingone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pairingworker.command.Json;
import dev.pairingworker.command.Op;
import dev.pairingworker.simulator.Fault;
import dev.pairingworker.simulator.FaultSettings;
import dev.pairingworker.simulator.MutableClock;
import dev.pairingworker.simulator.PingOneSimulator;
import dev.pairingworker.simulator.RecordedRequest;
import dev.pairingworker.simulator.SimulatorSettings;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PingOne caller against the simulator over real HTTP, without Kafka: retries, the refresh
 * after a 401, abandonment and the call slot. Time is virtual: the caller's clock and scheduler are
 * injected, so a Retry-After of seconds costs no wall-clock time and every wait is recorded.
 */
class PingOneCallerTest {
  private static final String ENV = "5a1e0c2d-3b4f-4a6e-8d7c-9f0e1d2c3b4a";
  private static final String USER = "b6b2f190-beb8-4a5d-a4ad-6137df7f993d";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
  private final VirtualScheduler scheduler = new VirtualScheduler(clock);
  private final CallSlots slots = new CallSlots(1);
  private PingOneSimulator simulator;
  private PingOneCaller caller;

  @BeforeEach
  void start() throws Exception {
    simulator = PingOneSimulator.start(SimulatorSettings.defaults().withUsers(ENV, List.of(USER)));
    HttpClient http = HttpClient.newHttpClient();
    Duration timeout = Duration.ofSeconds(10);
    TokenProvider tokens =
        new TokenProvider(
            http,
            simulator.tokenUrl(ENV),
            new ClientCredentials("simulator-client", "simulator-secret", true),
            Duration.ofMinutes(1),
            timeout,
            clock,
            Json.mapper(),
            PingOneObserver.NONE);
    PairingKeysApi api =
        new PairingKeysApi(http, simulator.apiBaseUrl(), timeout, clock, PingOneObserver.NONE);
    caller =
        new PingOneCaller(
            api,
            tokens,
            slots,
            RateLimiter.unlimited(),
            new BackoffRetryPolicy(RetrySettings.defaults(), clock, () -> 0.5),
            clock,
            PingOneObserver.NONE,
            scheduler);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void aCreateAnswered503WithRetryAfterIsRetriedNoSoonerThanPingOneSaid() {
    simulator.setFaults(
        FaultSettings.none()
            .withProbability(Fault.UNAVAILABLE_RETRY_AFTER, 1.0)
            .withRetryAfterSeconds(3));
    scheduler.onFirstWait(delay -> simulator.setFaults(FaultSettings.none()));

    CallResult result = caller.call(create(), CallContext.NONE).join();

    assertThat(status(result)).isEqualTo(201);
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(scheduler.waited()).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    assertThat(apiRequests()).extracting(RecordedRequest::status).containsExactly(503, 201);
    assertThat(slots.inUse()).isZero();
  }

  @Test
  void aProxys503WithAnHtmlPageIsClassifiedByItsStatusAndRetriedAfterItsRetryAfter() {
    simulator.setFaults(
        FaultSettings.none()
            .withProbability(Fault.UNAVAILABLE_RETRY_AFTER, 1.0)
            .withRetryAfterSeconds(3)
            .withHtmlGatewayErrors(true));
    scheduler.onFirstWait(delay -> simulator.setFaults(FaultSettings.none()));

    CallResult result = caller.call(create(), CallContext.NONE).join();

    assertThat(status(result)).isEqualTo(201);
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(scheduler.waited()).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    assertThat(apiRequests()).extracting(RecordedRequest::status).containsExactly(503, 201);
    assertThat(slots.inUse()).isZero();
  }

  @Test
  void aGetThatKeepsGettingHtml503sIsRetriedUntilTheRetriesAreSpentAndEndsAnswered503()
      throws Exception {
    String keyId = createdKeyId();
    simulator.setFaults(
        FaultSettings.none().withProbability(Fault.UNAVAILABLE, 1.0).withHtmlGatewayErrors(true));

    CallResult result = caller.call(get(keyId), CallContext.NONE).join();

    // Retried until the attempts or the total time of the defaults run out, whichever comes first
    // (the virtual clock moves by each back-off).
    assertThat(status(result)).isEqualTo(503);
    assertThat(result.attempts())
        .isGreaterThan(RetrySettings.defaults().maxAttempts() / 2)
        .isLessThanOrEqualTo(RetrySettings.defaults().maxAttempts());
    assertThat(apiRequests()).hasSize(result.attempts()).allMatch(r -> r.status() == 503);
  }

  @Test
  void aTransientFailureOfAGetIsRetriedUntilItSucceeds() throws Exception {
    String keyId = createdKeyId();
    simulator.setFaults(FaultSettings.none().withProbability(Fault.INTERNAL_ERROR, 1.0));
    scheduler.onFirstWait(delay -> simulator.setFaults(FaultSettings.none()));

    CallResult result = caller.call(get(keyId), CallContext.NONE).join();

    assertThat(status(result)).isEqualTo(200);
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(scheduler.waits()).isNotEmpty();
    assertThat(apiRequests()).extracting(RecordedRequest::status).containsExactly(500, 200);
  }

  @Test
  void aBadRequestIsNotRetried() {
    CallResult result =
        caller.call(get("00000000-0000-4000-8000-000000000000"), CallContext.NONE).join();

    assertThat(status(result)).isEqualTo(404);
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(scheduler.waits()).isEmpty();
  }

  @Test
  void a401GetsOneFreshTokenAndTheCallIsRepeatedWithIt() {
    caller.prefetchToken().join();
    simulator.expireAllTokens();

    CallResult result = caller.call(create(), CallContext.NONE).join();

    assertThat(status(result)).isEqualTo(201);
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(apiRequests()).extracting(RecordedRequest::status).containsExactly(401, 201);
    assertThat(tokenRequests()).isEqualTo(2);
    assertThat(scheduler.waits()).as("no back-off before the repeat").isEmpty();
  }

  @Test
  void aCallAbandonedWhileBackingOffStopsAndSendsNothingMore() {
    CompletableFuture<CallResult> call = abandonedAtItsFirstBackOff(create(), Fault.UNAVAILABLE);

    assertThatThrownBy(call::join)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            Abandoned.class,
            a -> assertThat(a.ambiguousAttempts()).as("503: PingOne did nothing").isZero());
    assertThat(apiRequests()).hasSize(1);
    assertThat(slots.inUse()).as("the slot is given back").isZero();
  }

  @Test
  void aCreateAbandonedAfterAGatewayTimeoutReportsItsAmbiguousAttempt() {
    CompletableFuture<CallResult> call =
        abandonedAtItsFirstBackOff(create(), Fault.GATEWAY_TIMEOUT);

    assertThatThrownBy(call::join)
        .cause()
        .isInstanceOfSatisfying(
            Abandoned.class,
            a -> assertThat(a.ambiguousAttempts()).as("a 504 may have created a key").isOne());
    assertThat(apiRequests()).hasSize(1);
    assertThat(slots.inUse()).isZero();
  }

  @Test
  void aGetAbandonedAfterAGatewayTimeoutReportsNoAmbiguousAttempt() throws Exception {
    String keyId = createdKeyId();
    CompletableFuture<CallResult> call =
        abandonedAtItsFirstBackOff(get(keyId), Fault.GATEWAY_TIMEOUT);

    assertThatThrownBy(call::join)
        .cause()
        .isInstanceOfSatisfying(Abandoned.class, a -> assertThat(a.ambiguousAttempts()).isZero());
    assertThat(apiRequests()).hasSize(1);
  }

  @Test
  void aCallAbandonedAfterBeforeFirstSendRanButBeforeItsRequestNeverSends() {
    CompletableFuture<Void> recorded = new CompletableFuture<>();
    AtomicBoolean abandoned = new AtomicBoolean();
    CallContext context =
        new CallContext() {
          @Override
          public boolean abandoned() {
            return abandoned.get();
          }

          @Override
          public CompletableFuture<Void> beforeFirstSend() {
            return recorded;
          }
        };

    CompletableFuture<CallResult> call = caller.call(create(), context);
    abandoned.set(true); // the partition goes while the STARTED entry is being written
    recorded.complete(null);

    assertThatThrownBy(call::join)
        .cause()
        .isInstanceOfSatisfying(Abandoned.class, a -> assertThat(a.ambiguousAttempts()).isZero());
    assertThat(apiRequests()).as("nothing reaches PingOne").isEmpty();
    assertThat(slots.inUse()).isZero();
  }

  @Test
  void aCallAbandonedWhileWaitingForASlotNeverSendsAndLeavesTheSlotToTheNext() {
    slots.acquire().join(); // the only slot, taken by another call
    AtomicBoolean abandoned = new AtomicBoolean();
    CompletableFuture<CallResult> waiting = caller.call(create(), abandoned::get);
    CompletableFuture<CallResult> next = caller.call(create(), CallContext.NONE);

    abandoned.set(true);
    slots.release();

    assertThatThrownBy(waiting::join).cause().isInstanceOf(Abandoned.class);
    assertThat(status(next.join())).isEqualTo(201);
    assertThat(apiRequests()).hasSize(1);
    assertThat(slots.inUse()).isZero();
  }

  @Test
  void beforeFirstSendRunsOnceAndTheFirstRequestWaitsForIt() {
    simulator.setFaults(FaultSettings.none().withProbability(Fault.UNAVAILABLE, 1.0));
    scheduler.onFirstWait(delay -> simulator.setFaults(FaultSettings.none()));
    CompletableFuture<Void> recorded = new CompletableFuture<>();
    AtomicInteger runs = new AtomicInteger();
    CallContext context =
        new CallContext() {
          @Override
          public boolean abandoned() {
            return false;
          }

          @Override
          public CompletableFuture<Void> beforeFirstSend() {
            runs.incrementAndGet();
            return recorded;
          }
        };

    CompletableFuture<CallResult> call = caller.call(create(), context);
    await("nothing is sent before it completes")
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(5))
        .until(() -> apiRequests().isEmpty());
    assertThat(slots.inUse()).as("it runs holding the slot").isOne();

    recorded.complete(null);
    assertThat(status(call.join())).isEqualTo(201);
    assertThat(runs).as("not again for the retry").hasValue(1);
    assertThat(apiRequests()).hasSize(2);
    assertThat(slots.inUse()).isZero();
  }

  @Test
  void aFailedBeforeFirstSendAbandonsTheCallWithoutSending() {
    CallContext context =
        new CallContext() {
          @Override
          public boolean abandoned() {
            return false;
          }

          @Override
          public CompletableFuture<Void> beforeFirstSend() {
            return CompletableFuture.failedFuture(new IllegalStateException("ledger closed"));
          }
        };

    CompletableFuture<CallResult> call = caller.call(create(), context);

    assertThatThrownBy(call::join).cause().isInstanceOf(Abandoned.class);
    assertThat(apiRequests()).isEmpty();
    assertThat(slots.inUse()).isZero();
  }

  /**
   * Calls {@code request} while PingOne answers every request with {@code fault}; the command is
   * abandoned (its partition revoked) as the caller starts its first back-off.
   */
  private CompletableFuture<CallResult> abandonedAtItsFirstBackOff(
      PingOneRequest request, Fault fault) {
    simulator.setFaults(FaultSettings.none().withProbability(fault, 1.0));
    AtomicBoolean abandoned = new AtomicBoolean();
    scheduler.onFirstWait(delay -> abandoned.set(true));
    return caller.call(request, abandoned::get);
  }

  private String createdKeyId() throws Exception {
    CallResult created = caller.call(create(), CallContext.NONE).join();
    String body =
        new String(
            ((CallOutcome.Answered) created.outcome()).response().body(), StandardCharsets.UTF_8);
    simulator.clearRequests();
    scheduler.clear();
    return Json.mapper().readTree(body).get("id").asText();
  }

  private static PingOneRequest create() {
    return new PingOneRequest(Op.CREATE, ENV, USER, null, null, "caller-test", null);
  }

  private static PingOneRequest get(String keyId) {
    return new PingOneRequest(Op.GET, ENV, USER, keyId, null, "caller-test", null);
  }

  private static int status(CallResult result) {
    return ((CallOutcome.Answered) result.outcome()).response().status();
  }

  private List<RecordedRequest> apiRequests() {
    return simulator.requests().stream().filter(r -> !r.isTokenRequest()).toList();
  }

  private long tokenRequests() {
    return simulator.requests().stream().filter(RecordedRequest::isTokenRequest).count();
  }

  /**
   * A scheduler whose waits take no time: each moves the virtual clock by its delay and completes
   * at once. It remembers every wait, and can act on the first.
   */
  private static final class VirtualScheduler implements Scheduler {
    private final MutableClock clock;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private volatile Consumer<Duration> onFirstWait = delay -> {};

    VirtualScheduler(MutableClock clock) {
      this.clock = clock;
    }

    @Override
    public CompletableFuture<Void> after(Duration delay) {
      if (delay.isZero() || delay.isNegative()) {
        return CompletableFuture.completedFuture(null);
      }
      if (waits.isEmpty()) {
        onFirstWait.accept(delay);
      }
      waits.add(delay);
      clock.advance(delay);
      return CompletableFuture.completedFuture(null);
    }

    void onFirstWait(Consumer<Duration> action) {
      this.onFirstWait = action;
    }

    List<Duration> waits() {
      return waits;
    }

    Duration waited() {
      return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }

    void clear() {
      waits.clear();
    }
  }
}
