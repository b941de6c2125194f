package dev.pairingworker.config;

import java.net.URI;

/** The PingOne regions and their hosts (see the PingOne reference, "Hosts and regions"). */
public enum Region {
  /** North America. */
  NA("https://api.pingone.com/v1", "https://auth.pingone.com"),
  /** Europe. */
  EU("https://api.pingone.eu/v1", "https://auth.pingone.eu"),
  /** Canada. */
  CA("https://api.pingone.ca/v1", "https://auth.pingone.ca"),
  /** Asia-Pacific. */
  AP("https://api.pingone.asia/v1", "https://auth.pingone.asia"),
  /** Australia. */
  AU("https://api.pingone.com.au/v1", "https://auth.pingone.com.au"),
  /** Singapore. */
  SG("https://api.pingone.sg/v1", "https://auth.pingone.sg");

  private final URI apiUrl;
  private final URI authUrl;

  Region(String apiUrl, String authUrl) {
    this.apiUrl = URI.create(apiUrl);
    this.authUrl = URI.create(authUrl);
  }

  /** Base URL of the management API, including {@code /v1}. */
  public URI apiUrl() {
    return apiUrl;
  }

  /**
   * Base URL of the authorization server; the token URL is {@code
   * {authUrl}/{environmentId}/as/token}.
   */
  public URI authUrl() {
    return authUrl;
  }
}
