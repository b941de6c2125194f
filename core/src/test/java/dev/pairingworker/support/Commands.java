package dev.pairingworker.support;

import dev.pairingworker.command.Command;
import dev.pairingworker.command.Op;
import dev.pairingworker.command.RecordSource;
import dev.pairingworker.command.ReplyRoute;
import java.nio.charset.StandardCharsets;

/** Test data: valid commands without going through Kafka. */
public final class Commands {
  public static final String ENV = "6f1e2b4c-0000-4000-8000-000000000001";

  private Commands() {}

  public static String user(int n) {
    return String.format("00000000-0000-4000-8000-%012d", n);
  }

  public static Command get(int user, int partition, long offset) {
    String tx = "tx-" + user + "-" + offset;
    return new Command(
        tx,
        Op.GET,
        ENV,
        user(user),
        "11111111-1111-4111-8111-111111111111",
        null,
        null,
        null,
        new ReplyRoute(tx.getBytes(StandardCharsets.UTF_8), "replies", null),
        new RecordSource("commands", partition, offset));
  }
}
