package dev.pairingworker.config;

import java.util.Optional;

/**
 * The JWS algorithms (RFC 7518) PingOne accepts for client assertions: HMAC for {@code
 * client_secret_jwt}, RSA and ECDSA for {@code private_key_jwt}.
 */
public enum JwsAlgorithm {
  HS256(Family.HMAC, "HmacSHA256", 0),
  HS384(Family.HMAC, "HmacSHA384", 0),
  HS512(Family.HMAC, "HmacSHA512", 0),
  RS256(Family.RSA, "SHA256withRSA", 0),
  RS384(Family.RSA, "SHA384withRSA", 0),
  RS512(Family.RSA, "SHA512withRSA", 0),
  // The P1363 variants give JWS's raw R||S signature, not ASN.1 DER (RFC 7518 §3.4).
  ES256(Family.EC, "SHA256withECDSAinP1363Format", 256),
  ES384(Family.EC, "SHA384withECDSAinP1363Format", 384),
  ES512(Family.EC, "SHA512withECDSAinP1363Format", 521);

  /** The kind of key an algorithm signs with. */
  public enum Family {
    /** A shared secret (the client secret). */
    HMAC,
    /** An RSA private key of at least 2048 bits. */
    RSA,
    /** An EC private key on the curve the algorithm names. */
    EC
  }

  private final Family family;
  private final String jcaName;
  private final int curveBits;

  JwsAlgorithm(Family family, String jcaName, int curveBits) {
    this.family = family;
    this.jcaName = jcaName;
    this.curveBits = curveBits;
  }

  /** The kind of key it needs. */
  public Family family() {
    return family;
  }

  /** The JDK's name for it: a {@code Mac} algorithm for HMAC, a {@code Signature} otherwise. */
  public String jcaName() {
    return jcaName;
  }

  /** For ECDSA, the field size of the curve it requires (P-256, P-384, P-521); 0 otherwise. */
  public int curveBits() {
    return curveBits;
  }

  /** The ECDSA algorithm for a curve of {@code fieldBits}, if JWS defines one. */
  static Optional<JwsAlgorithm> forCurve(int fieldBits) {
    for (JwsAlgorithm algorithm : values()) {
      if (algorithm.family == Family.EC && algorithm.curveBits == fieldBits) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }
}
