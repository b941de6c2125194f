package dev.pairingworker.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The responder in front of the {@link Router} that makes PingOne misbehave: outages, the rate
 * limit and random faults, in that order (see {@link FaultSettings}); before them, the token
 * endpoint's own rate limit. Requests it does not fail pass through unchanged.
 */
final class FaultStage implements Responder {
  private static final Set<Integer> OUTAGE_STATUSES =
      Set.of(RecordedRequest.CONNECTION_RESET, 500, 502, 503, 504);

  private final Responder next;
  private final Clock clock;
  private final SlidingWindowLimit limiter = new SlidingWindowLimit();
  private final SlidingWindowLimit tokenLimiter = new SlidingWindowLimit();
  private volatile FaultDice dice;
  private volatile Outage outage;

  /** Every request fails with {@code status} until {@code end}. */
  private record Outage(Instant end, int status) {}

  FaultStage(Responder next, Clock clock, FaultSettings settings) {
    this.next = next;
    this.clock = clock;
    setFaults(settings);
  }

  void setFaults(FaultSettings settings) {
    dice = new FaultDice(Objects.requireNonNull(settings, "faults"));
  }

  FaultSettings faults() {
    return dice.settings();
  }

  void startOutage(Duration length, int status) {
    Objects.requireNonNull(length, "length");
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("outage length must be positive: " + length);
    }
    if (!OUTAGE_STATUSES.contains(status)) {
      throw new IllegalArgumentException(
          "outage status must be 0 (connection reset), 500, 502, 503 or 504: " + status);
    }
    outage = new Outage(clock.instant().plus(length), status);
  }

  void endOutage() {
    outage = null;
  }

  boolean inOutage() {
    Outage current = outage;
    return current != null && clock.instant().isBefore(current.end());
  }

  @Override
  public SimResponse respond(SimRequest request) {
    FaultDice current = dice;
    FaultSettings settings = current.settings();
    Instant now = request.receivedAt();
    boolean api = Router.isApiPath(request.path());
    if (!api
        && settings.tokenRateLimitPerSecond() > 0
        && tokenLimiter.tryAcquire(now, settings.tokenRateLimitPerSecond())
            instanceof SlidingWindowLimit.Refused refused) {
      return ApiErrors.rateLimited(refused.retryAfterSeconds());
    }
    if (!api && !settings.includeTokenEndpoint()) {
      return next.respond(request);
    }
    Outage down = outage;
    if (down != null && now.isBefore(down.end())) {
      return GatewayPages.maybeHtml(outageResponse(down, now), settings);
    }
    if (settings.rateLimitPerSecond() > 0
        && limiter.tryAcquire(now, settings.rateLimitPerSecond())
            instanceof SlidingWindowLimit.Refused refused) {
      return ApiErrors.rateLimited(refused.retryAfterSeconds());
    }
    FaultDice.Draw draw = current.roll();
    if (draw == null) {
      return next.respond(request);
    }
    if (draw.afterEffect()) {
      next.respond(request);
    }
    return GatewayPages.maybeHtml(draw.fault().response(settings.retryAfterSeconds()), settings);
  }

  /** A 503 tells the client when the outage ends, as a well-behaved gateway would. */
  private static SimResponse outageResponse(Outage down, Instant now) {
    return switch (down.status()) {
      case RecordedRequest.CONNECTION_RESET -> SimResponse.connectionReset();
      case 500 -> ApiErrors.unexpected();
      case 502 -> ApiErrors.badGateway();
      case 504 -> ApiErrors.gatewayTimeout();
      default ->
          ApiErrors.unavailable(ApiErrors.retryAfterSeconds(Duration.between(now, down.end())));
    };
  }
}
