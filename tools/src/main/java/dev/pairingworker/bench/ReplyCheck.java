package dev.pairingworker.bench;

import dev.pairingworker.simulator.RecordedRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every reply on a run's reply topic against the commands of its workload, and every create PingOne
 * (the simulator) answered 201: did each command get exactly one SUCCEEDED reply, and one pairing
 * key? A command handed over at a rebalance may be answered twice (its reply was sent, its offset
 * not yet committed): the second reply is a ledger replay, counted here, not a failure.
 *
 * @param commands commands of the workload
 * @param exactlyOneSucceeded commands with exactly one reply, and that reply SUCCEEDED
 * @param succeeded commands with at least one SUCCEEDED reply
 * @param withoutReply commands with no reply at all
 * @param withoutSuccess commands with replies but none SUCCEEDED
 * @param withDuplicates commands with more than one reply
 * @param duplicateReplies replies beyond the first of their command
 * @param replays replies from the transaction ledger ({@code replay: true})
 * @param secondCreates creates PingOne answered 201 more than once for one transaction ID: a second
 *     pairing key for the user (must be 0)
 */
public record ReplyCheck(
    int commands,
    int exactlyOneSucceeded,
    int succeeded,
    int withoutReply,
    int withoutSuccess,
    int withDuplicates,
    long duplicateReplies,
    long replays,
    long secondCreates) {

  /**
   * One reply read from the reply topic.
   *
   * @param key the record key: the command's transaction ID
   * @param status the reply's {@code status}
   * @param replay the reply's {@code replay} flag
   */
  public record Reply(String key, String status, boolean replay) {}

  static ReplyCheck of(Workload workload, List<Reply> replies, List<RecordedRequest> requests) {
    Map<String, Integer> repliesByKey = new HashMap<>();
    Map<String, Integer> successesByKey = new HashMap<>();
    long replays = 0;
    for (Reply reply : replies) {
      if (workload.byKey(reply.key()) == null) {
        continue; // not one of this workload's commands
      }
      repliesByKey.merge(reply.key(), 1, Integer::sum);
      if ("SUCCEEDED".equals(reply.status())) {
        successesByKey.merge(reply.key(), 1, Integer::sum);
      }
      if (reply.replay()) {
        replays++;
      }
    }
    int exactlyOne = 0;
    int succeeded = 0;
    int withoutReply = 0;
    int withoutSuccess = 0;
    int withDuplicates = 0;
    long duplicates = 0;
    for (Workload.PlannedCommand command : workload.commands()) {
      int count = repliesByKey.getOrDefault(command.key(), 0);
      int successes = successesByKey.getOrDefault(command.key(), 0);
      if (count == 0) {
        withoutReply++;
        continue;
      }
      if (successes > 0) {
        succeeded++;
      } else {
        withoutSuccess++;
      }
      if (count == 1 && successes == 1) {
        exactlyOne++;
      }
      if (count > 1) {
        withDuplicates++;
        duplicates += count - 1;
      }
    }
    return new ReplyCheck(
        workload.size(),
        exactlyOne,
        succeeded,
        withoutReply,
        withoutSuccess,
        withDuplicates,
        duplicates,
        replays,
        secondCreates(workload, requests));
  }

  /** Creates answered 201 beyond the first for their transaction ID. */
  private static long secondCreates(Workload workload, List<RecordedRequest> requests) {
    Map<String, Integer> created = new HashMap<>();
    for (RecordedRequest request : requests) {
      if (request.status() == 201
          && "POST".equals(request.method())
          && workload.byKey(request.transactionId()) != null) {
        created.merge(request.transactionId(), 1, Integer::sum);
      }
    }
    return created.values().stream().mapToLong(count -> count - 1).sum();
  }
}
