package dev.pairingworker.bench;

import dev.pairingworker.simulator.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What PingOne (the simulator) saw of the API in one window of time, by the arrival instant it
 * recorded for each request: the requests it admitted and those it answered 429, over the window
 * and in each of its whole seconds (was the rate steady, were the 429s one burst or everywhere?).
 * Token requests are left out, as the simulator's rate limit leaves them out.
 *
 * @param seconds the window's length
 * @param admitted API requests that arrived in the window and were not answered 429
 * @param rateLimited API requests that arrived in the window and were answered 429
 * @param fewestAdmittedInASecond the fewest admitted in one of the window's whole seconds, counted
 *     from its start (a last, partial second is left out); 0 in a window shorter than a second
 * @param mostAdmittedInASecond the most admitted in one of those seconds
 * @param secondsWith429 how many of those seconds had at least one 429
 */
record RequestWindow(
    double seconds,
    long admitted,
    long rateLimited,
    long fewestAdmittedInASecond,
    long mostAdmittedInASecond,
    int secondsWith429) {

  /** The API requests among {@code requests} that arrived in [{@code from}, {@code to}). */
  static RequestWindow of(List<RecordedRequest> requests, Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("an empty window: " + from + " to " + to);
    }
    Duration length = Duration.between(from, to);
    int wholeSeconds = (int) length.toSeconds();
    long[] admittedBySecond = new long[wholeSeconds];
    long[] rateLimitedBySecond = new long[wholeSeconds];
    long admitted = 0;
    long rateLimited = 0;
    for (RecordedRequest request : requests) {
      Instant at = request.receivedAt();
      if (request.isTokenRequest() || at.isBefore(from) || !at.isBefore(to)) {
        continue;
      }
      int second = (int) Duration.between(from, at).toSeconds();
      boolean refused = request.status() == 429;
      if (refused) {
        rateLimited++;
      } else {
        admitted++;
      }
      if (second < wholeSeconds) {
        (refused ? rateLimitedBySecond : admittedBySecond)[second]++;
      }
    }
    return new RequestWindow(
        length.toNanos() / 1e9,
        admitted,
        rateLimited,
        Arrays.stream(admittedBySecond).min().orElse(0),
        Arrays.stream(admittedBySecond).max().orElse(0),
        (int) Arrays.stream(rateLimitedBySecond).filter(count -> count > 0).count());
  }

  /** Admitted requests per second: what the licence was used for. */
  double admittedPerSecond() {
    return admitted / seconds;
  }

  /** The admitted rate as a share of {@code limit} requests per second; 0 without a limit. */
  double shareOfLimit(int limit) {
    return limit == 0 ? 0 : admittedPerSecond() / limit;
  }

  /** The share of the window's requests answered 429; 0 when none arrived. */
  double share429() {
    long total = admitted + rateLimited;
    return total == 0 ? 0 : rateLimited / (double) total;
  }
}
