package dev.pairingworker.command;

import java.util.Arrays;
import java.util.Optional;

/** The three things a command can ask of PingOne's pairing-key API. */
public enum Op {
  CREATE("create"),
  GET("get"),
  DELETE("delete");

  private final String wireName;

  Op(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in command and reply JSON and in metric tags. */
  public String wireName() {
    return wireName;
  }

  /** Whether the command must name an existing pairing key. */
  public boolean needsPairingKeyId() {
    return this != CREATE;
  }

  static Optional<Op> fromWire(String name) {
    return Arrays.stream(values()).filter(op -> op.wireName.equals(name)).findFirst();
  }
}
