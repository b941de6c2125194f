package dev.pairingworker.bench;

import dev.pairingworker.simulator.RecordedRequest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares, per user, the order in which PingOne received the creates with the order they were
 * produced. A request is a violation when an earlier arrival for the same user came from a later
 * position. Retries of one command (same transaction ID, e.g. after a 429) are not violations: they
 * repeat a position.
 */
final class OrderCheck {
  private OrderCheck() {}

  /**
   * The result.
   *
   * @param createsChecked create requests of this run that PingOne received (retries included)
   * @param violations requests that arrived after a request of a later position for the same user
   * @param usersAffected users with at least one violation
   */
  record Result(int createsChecked, int violations, int usersAffected) {}

  static Result check(List<RecordedRequest> requests, Workload workload) {
    Map<Integer, Integer> highestPosition = new HashMap<>();
    Set<Integer> usersAffected = new HashSet<>();
    int checked = 0;
    int violations = 0;
    for (RecordedRequest request : requests) {
      Workload.PlannedCommand command = workload.byKey(request.transactionId());
      if (request.isTokenRequest() || !"POST".equals(request.method()) || command == null) {
        continue;
      }
      checked++;
      Integer highest = highestPosition.get(command.user());
      if (highest != null && command.position() < highest) {
        violations++;
        usersAffected.add(command.user());
      } else {
        highestPosition.put(command.user(), command.position());
      }
    }
    return new Result(checked, violations, usersAffected.size());
  }
}
