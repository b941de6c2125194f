package dev.pairingworker.bench;

import dev.pairingworker.simulator.PingOneSimulator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The commands of one run, in the order they are produced: creates round-robin over the users, so
 * each user gets its commands in a row (position 0, 1, 2, ...) interleaved with everyone else's.
 * The record key carries the run, the user and the position, so the order PingOne saw can be
 * checked against the order produced.
 */
public final class Workload {
  /** The environment every benchmark user lives in. */
  public static final String ENVIRONMENT_ID = "8e0c5b1a-9d7f-4c3e-a2b1-6f5d4e3c2b1a";

  private final List<PlannedCommand> commands;
  private final Map<String, PlannedCommand> byKey;

  /**
   * One command to produce.
   *
   * @param key the record key, and so the transaction ID PingOne records
   * @param user the user's index in the run
   * @param position the command's place among its user's commands, from 0
   * @param userId the user's UUID
   * @param json the command record's value
   */
  public record PlannedCommand(String key, int user, int position, String userId, String json) {}

  private Workload(List<PlannedCommand> commands) {
    this.commands = List.copyOf(commands);
    this.byKey = new HashMap<>();
    this.commands.forEach(command -> byKey.put(command.key(), command));
  }

  /**
   * {@code count} creates over {@code users} users; {@code run} makes keys and user IDs unique to
   * the run.
   */
  public static Workload creates(String run, int count, int users) {
    return creates(run, count, users, false);
  }

  /** The creates of a run with {@code options}: its commands and users, in runs or round-robin. */
  static Workload creates(String run, BenchOptions options) {
    return creates(run, options.commands(), options.users(), options.userRuns());
  }

  /**
   * As {@link #creates(String, int, int)}; with {@code inRuns}, each user's commands are produced
   * together, one user after the other (user 0's, then user 1's, ...), the first {@code count %
   * users} users getting one more.
   */
  public static Workload creates(String run, int count, int users, boolean inRuns) {
    List<String> userIds = new ArrayList<>(users);
    for (int u = 0; u < users; u++) {
      userIds.add(
          UUID.nameUUIDFromBytes((run + "/user/" + u).getBytes(StandardCharsets.UTF_8)).toString());
    }
    List<PlannedCommand> planned = new ArrayList<>(count);
    int base = count / users;
    int longer = count % users; // in runs, the first `longer` users have base + 1 commands
    int inLonger = longer * (base + 1);
    for (int i = 0; i < count; i++) {
      int user;
      int position;
      if (inRuns && i < inLonger) {
        user = i / (base + 1);
        position = i % (base + 1);
      } else if (inRuns) {
        user = longer + (i - inLonger) / base;
        position = (i - inLonger) % base;
      } else {
        user = i % users;
        position = i / users;
      }
      String userId = userIds.get(user);
      String json =
          "{\"op\":\"create\",\"environmentId\":\""
              + ENVIRONMENT_ID
              + "\",\"userId\":\""
              + userId
              + "\"}";
      planned.add(
          new PlannedCommand(run + "-u" + user + "-" + position, user, position, userId, json));
    }
    return new Workload(planned);
  }

  /**
   * Seeds this workload's users in the simulator, which is a strict tenant: it knows only seeded
   * users.
   */
  public Workload seededIn(PingOneSimulator simulator) {
    simulator.addUsers(
        ENVIRONMENT_ID, commands.stream().map(PlannedCommand::userId).distinct().toList());
    return this;
  }

  public List<PlannedCommand> commands() {
    return commands;
  }

  public int size() {
    return commands.size();
  }

  /**
   * The command sent with this key (as PingOne recorded it), or null when it is not part of this
   * run.
   */
  public PlannedCommand byKey(String key) {
    return key == null ? null : byKey.get(key);
  }
}
