package dev.fulmar.core.ike.crypto;

import java.math.BigInteger;
import java.util.Arrays;

/** Small helpers for byte strings that may hold secrets. */
final class Bytes {

  private Bytes() {}

  /** The concatenation {@code parts[0] | parts[1] | ...} in a new array. */
  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int offset = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, offset, part.length);
      offset += part.length;
    }
    return out;
  }

  /** Overwrites each array with zeros; null entries are skipped. */
  static void wipe(byte[]... secrets) {
    for (byte[] secret : secrets) {
      if (secret != null) {
        Arrays.fill(secret, (byte) 0);
      }
    }
  }

  /** An 8-byte IKE SPI in network byte order. */
  static byte[] spi(long spi) {
    byte[] out = new byte[8];
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (spi >>> (56 - 8 * i));
    }
    return out;
  }

  /** {@code value} as an unsigned big-endian number left-padded with zeros to {@code length}. */
  static byte[] unsignedFixed(BigInteger value, int length) {
    byte[] raw = value.toByteArray();
    if (raw.length == length) {
      return raw;
    }
    byte[] out = new byte[length];
    if (raw.length > length) {
      for (int i = 0; i < raw.length - length; i++) {
        if (raw[i] != 0) {
          throw new IllegalArgumentException("value does not fit in " + length + " bytes");
        }
      }
      System.arraycopy(raw, raw.length - length, out, 0, length);
    } else {
      System.arraycopy(raw, 0, out, length - raw.length, raw.length);
    }
    Bytes.wipe(raw);
    return out;
  }
}
