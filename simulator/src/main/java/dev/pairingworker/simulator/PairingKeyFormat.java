package dev.pairingworker.simulator;

/** The format of a pairing key's code, set by the device authentication policy. */
public enum PairingKeyFormat {
  /** 12 digits (PingOne's default). */
  NUMERIC(12, "0123456789"),
  /** 16 characters of upper-case letters and digits. */
  ALPHANUMERIC(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

  private final int length;
  private final String alphabet;

  PairingKeyFormat(int length, String alphabet) {
    this.length = length;
    this.alphabet = alphabet;
  }

  /** The number of characters of a code. */
  public int length() {
    return length;
  }

  String alphabet() {
    return alphabet;
  }
}
