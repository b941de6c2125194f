package dev.pairingworker.config;

import java.util.Locale;

/**
 * How the worker authenticates to the PingOne token endpoint (the worker app's token endpoint auth
 * method).
 */
public enum TokenAuthMethod {
  /** Client id and secret in an HTTP Basic header; the default of Ping's own clients. */
  CLIENT_SECRET_BASIC,
  /** Client id and secret as {@code client_id} and {@code client_secret} form fields. */
  CLIENT_SECRET_POST;

  /** The spelling used in configuration, e.g. {@code client_secret_basic}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
