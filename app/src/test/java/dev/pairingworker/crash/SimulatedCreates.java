package dev.pairingworker.crash;

import dev.pairingworker.simulator.RecordedRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The creates PingOne (the simulator) carried out, from its request log. */
final class SimulatedCreates {
  private SimulatedCreates() {}

  /** Successful creates (POST …/pairingKeys answered 201) per transaction ID. */
  static Map<String, Long> perTransaction(List<RecordedRequest> requests) {
    return requests.stream()
        .filter(SimulatedCreates::isCreate)
        .filter(r -> r.status() == 201)
        .collect(Collectors.groupingBy(RecordedRequest::transactionId, Collectors.counting()));
  }

  /** Transaction IDs of every create request PingOne received, whatever its answer. */
  static Set<String> requested(List<RecordedRequest> requests) {
    return requests.stream()
        .filter(SimulatedCreates::isCreate)
        .map(RecordedRequest::transactionId)
        .collect(Collectors.toSet());
  }

  private static boolean isCreate(RecordedRequest request) {
    return request.method().equals("POST") && request.path().endsWith("/pairingKeys");
  }

  /** Transaction IDs PingOne created a key for more than once. */
  static List<String> duplicated(Map<String, Long> creates) {
    return creates.entrySet().stream()
        .filter(e -> e.getValue() > 1)
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }
}
