package dev.pairingworker.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Key pairs made in the test and written the ways an operator would hand them to the worker: PEM
 * (PKCS#8, PKCS#1, SEC1) and a PKCS#12 keystore made by the JDK's own {@code keytool} (the JDK has
 * no public API to make the certificate a PKCS#12 key entry needs). The PEM encodings are built
 * here by hand, independently of the worker's reader.
 */
public final class TestKeyFiles {
  /** OID 1.2.840.10045.3.1.7 (P-256), DER-encoded with its tag. */
  private static final byte[] P256 = {
    0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x03, 0x01, 0x07
  };

  private TestKeyFiles() {}

  public static KeyPair rsa(int bits) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(bits);
    return generator.generateKeyPair();
  }

  /** {@code curve} e.g. secp256r1, secp384r1, secp521r1. */
  public static KeyPair ec(String curve) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(curve));
    return generator.generateKeyPair();
  }

  /** {@code -----BEGIN PRIVATE KEY-----}: the key's PKCS#8 encoding. */
  public static Path pkcs8Pem(Path file, PrivateKey key) throws IOException {
    return pem(file, "PRIVATE KEY", key.getEncoded());
  }

  /** {@code -----BEGIN RSA PRIVATE KEY-----}: RFC 8017 RSAPrivateKey, as OpenSSL 1.x writes it. */
  public static Path pkcs1Pem(Path file, RSAPrivateCrtKey key) throws IOException {
    BigInteger[] parts = {
      BigInteger.ZERO,
      key.getModulus(),
      key.getPublicExponent(),
      key.getPrivateExponent(),
      key.getPrimeP(),
      key.getPrimeQ(),
      key.getPrimeExponentP(),
      key.getPrimeExponentQ(),
      key.getCrtCoefficient()
    };
    List<byte[]> integers = new ArrayList<>();
    for (BigInteger part : parts) {
      integers.add(tlv(0x02, part.toByteArray()));
    }
    return pem(file, "RSA PRIVATE KEY", tlv(0x30, integers.toArray(byte[][]::new)));
  }

  /** {@code -----BEGIN EC PRIVATE KEY-----}: RFC 5915 ECPrivateKey on P-256 with its curve. */
  public static Path sec1Pem(Path file, ECPrivateKey key) throws IOException {
    byte[] scalar = new byte[32];
    byte[] s = key.getS().toByteArray();
    int copy = Math.min(s.length, 32);
    System.arraycopy(s, s.length - copy, scalar, 32 - copy, copy);
    byte[] sec1 = tlv(0x30, tlv(0x02, new byte[] {1}), tlv(0x04, scalar), tlv(0xA0, P256));
    return pem(file, "EC PRIVATE KEY", sec1);
  }

  /**
   * A PKCS#12 keystore with one self-signed key entry per alias, made by {@code keytool -genkeypair
   * -keyalg EC -groupname secp256r1} (or {@code -keyalg RSA -keysize 2048}).
   */
  public static Path pkcs12(Path file, String password, String keyAlgorithm, String... aliases)
      throws Exception {
    for (String alias : aliases) {
      List<String> command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                  "-genkeypair",
                  "-alias",
                  alias,
                  "-keyalg",
                  keyAlgorithm,
                  "-dname",
                  "CN=pairing-worker-test",
                  "-validity",
                  "2",
                  "-storetype",
                  "PKCS12",
                  "-keystore",
                  file.toString(),
                  "-storepass",
                  password,
                  "-keypass",
                  password,
                  "-noprompt"));
      command.addAll(
          keyAlgorithm.equals("EC")
              ? List.of("-groupname", "secp256r1")
              : List.of("-keysize", "2048"));
      Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(keytool.exitValue()).as("keytool: %s", output).isZero();
    }
    return file;
  }

  /** The public key of {@code alias}'s certificate in the keystore. */
  public static PublicKey publicKeyIn(Path pkcs12, String password, String alias) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(pkcs12)) {
      store.load(in, password.toCharArray());
    }
    return store.getCertificate(alias).getPublicKey();
  }

  private static Path pem(Path file, String label, byte[] der) throws IOException {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    Files.writeString(
        file, "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n");
    return file;
  }

  /** A DER element; lengths up to 65535. */
  private static byte[] tlv(int tag, byte[]... parts) {
    ByteArrayOutputStream contents = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      contents.writeBytes(part);
    }
    int length = contents.size();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    if (length < 128) {
      out.write(length);
    } else if (length < 256) {
      out.write(0x81);
      out.write(length);
    } else {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length & 0xFF);
    }
    out.writeBytes(contents.toByteArray());
    return out.toByteArray();
  }
}
