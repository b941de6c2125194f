package dev.pairingworker.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairingworker.command.Op;
import dev.pairingworker.pingone.AccessToken;
import dev.pairingworker.pingone.CallOutcome;
import dev.pairingworker.pingone.ClientCredentials;
import dev.pairingworker.pingone.PairingKeysApi;
import dev.pairingworker.pingone.PingOneObserver;
import dev.pairingworker.pingone.PingOneRequest;
import dev.pairingworker.pingone.TokenProvider;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The project's own PingOne client (a {@link TokenProvider} and the {@link PairingKeysApi}), wired
 * as {@code worker.PingOneClient} wires them, minus retries and rate limiting: a contract check
 * wants PingOne's first answer, not the worker's recovery from it.
 */
final class ContractClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final ContractTarget target;
  private final TokenProvider tokens;
  private final PairingKeysApi api;

  ContractClient(ContractTarget target) {
    this.target = target;
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(
                "https".equals(target.apiUrl().getScheme())
                    ? HttpClient.Version.HTTP_2
                    : HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    ClientCredentials credentials =
        new ClientCredentials(target.clientId(), target.clientSecret(), target.basicAuth());
    Clock clock = Clock.systemUTC();
    tokens =
        new TokenProvider(
            http,
            target.tokenUrl(),
            credentials,
            Duration.ofMinutes(5),
            TIMEOUT,
            clock,
            new ObjectMapper(),
            PingOneObserver.NONE);
    api = new PairingKeysApi(http, target.apiUrl(), TIMEOUT, clock, PingOneObserver.NONE);
  }

  /**
   * A token from the target's token endpoint; fails the check with the endpoint's status if
   * refused.
   */
  AccessToken token() {
    return await("token request to " + target.tokenUrl(), tokens.token());
  }

  /** A token the API cannot know. */
  static AccessToken bogusToken() {
    Instant farAway = Instant.now().plus(Duration.ofHours(1));
    return new AccessToken("not-a-pingone-token", farAway, farAway);
  }

  Answer create(String transactionId, AccessToken token) {
    return send(
        "create",
        new PingOneRequest(
            Op.CREATE, target.environmentId(), target.userId(), null, null, transactionId, null),
        token);
  }

  Answer get(String step, String pairingKeyId, String transactionId, AccessToken token) {
    return onKey(Op.GET, step, pairingKeyId, transactionId, token);
  }

  Answer delete(String step, String pairingKeyId, String transactionId, AccessToken token) {
    return onKey(Op.DELETE, step, pairingKeyId, transactionId, token);
  }

  private Answer onKey(
      Op op, String step, String pairingKeyId, String transactionId, AccessToken token) {
    return send(
        step,
        new PingOneRequest(
            op, target.environmentId(), target.userId(), pairingKeyId, null, transactionId, null),
        token);
  }

  private Answer send(String step, PingOneRequest request, AccessToken token) {
    CallOutcome outcome = await(step, api.send(request, token));
    if (outcome instanceof CallOutcome.Answered answered) {
      return Answer.of(step, answered.response());
    }
    throw new AssertionError(step + ": no answer from " + target.name() + ": " + outcome);
  }

  private static <T> T await(String what, java.util.concurrent.CompletableFuture<T> future) {
    try {
      return future.get(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      // TokenException messages carry the status and OAuth error only, never credentials.
      throw new AssertionError(what + " failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError(what + " did not complete within " + TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(what + " was interrupted", e);
    }
  }
}
