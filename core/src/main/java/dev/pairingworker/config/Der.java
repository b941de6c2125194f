package dev.pairingworker.config;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Just enough ASN.1 DER to wrap a PKCS#1 RSA key or a SEC1 EC key (the {@code BEGIN RSA PRIVATE
 * KEY} and {@code BEGIN EC PRIVATE KEY} PEM files OpenSSL writes) into the PKCS#8 the JDK's key
 * factories read. Messages never quote the bytes.
 */
final class Der {
  static final int INTEGER = 0x02;
  static final int OCTET_STRING = 0x04;
  static final int NULL = 0x05;
  static final int OID = 0x06;
  static final int SEQUENCE = 0x30;
  static final int CONTEXT_0 = 0xA0;

  /** rsaEncryption, 1.2.840.113549.1.1.1. */
  static final byte[] RSA_ENCRYPTION = {
    0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01
  };

  /** id-ecPublicKey, 1.2.840.10045.2.1. */
  static final byte[] EC_PUBLIC_KEY = {0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};

  /** One element: its tag and its whole encoding (tag, length and contents). */
  record Element(int tag, byte[] encoded, int contentStart) {
    byte[] contents() {
      return Arrays.copyOfRange(encoded, contentStart, encoded.length);
    }
  }

  private Der() {}

  /** An element with {@code tag} holding {@code parts} one after the other. */
  static byte[] encode(int tag, byte[]... parts) {
    ByteArrayOutputStream contents = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      contents.writeBytes(part);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = contents.size();
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(contents.toByteArray());
    return out.toByteArray();
  }

  /** The elements inside the SEQUENCE {@code der}. */
  static List<Element> sequence(byte[] der) throws InvalidValueException {
    Element outer = read(der, 0);
    if (outer.tag() != SEQUENCE || outer.encoded().length != der.length) {
      throw new InvalidValueException("is not a DER SEQUENCE");
    }
    byte[] contents = outer.contents();
    List<Element> elements = new ArrayList<>();
    int at = 0;
    while (at < contents.length) {
      Element element = read(contents, at);
      elements.add(element);
      at += element.encoded().length;
    }
    return elements;
  }

  private static Element read(byte[] der, int at) throws InvalidValueException {
    if (at + 2 > der.length) {
      throw new InvalidValueException("is truncated DER");
    }
    int tag = der[at] & 0xFF;
    int first = der[at + 1] & 0xFF;
    int headerLength = 2;
    long length = first;
    if (first >= 0x80) {
      int bytes = first & 0x7F;
      if (bytes == 0 || bytes > 3 || at + 2 + bytes > der.length) {
        throw new InvalidValueException("has an unsupported DER length");
      }
      length = 0;
      for (int i = 0; i < bytes; i++) {
        length = (length << 8) | (der[at + 2 + i] & 0xFF);
      }
      headerLength += bytes;
    }
    long end = at + headerLength + length;
    if (end > der.length) {
      throw new InvalidValueException("is truncated DER");
    }
    return new Element(tag, Arrays.copyOfRange(der, at, (int) end), headerLength);
  }
}
