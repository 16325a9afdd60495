package dev.fulmar.core.ike.message;

import java.util.HexFormat;

/** Small helpers for the byte-array components of payload values. */
final class Bytes {

  private static final HexFormat HEX = HexFormat.of();
  private static final int SHOWN = 16;

  private Bytes() {}

  /** A defensive copy that rejects null with a message naming the field. */
  static byte[] copy(byte[] b, String field) {
    if (b == null) {
      throw new NullPointerException(field);
    }
    return b.clone();
  }

  /** Hex of at most the first 16 octets, with the total length, for toString of public data. */
  static String brief(byte[] b) {
    if (b.length <= SHOWN) {
      return HEX.formatHex(b);
    }
    return HEX.formatHex(b, 0, SHOWN) + "..(" + b.length + " octets)";
  }

  /** Fails if a body would not fit in the 16-bit Payload Length field. */
  static void checkBody(int bodyLength, String what) {
    if (bodyLength + IkeSpec.GENERIC_PAYLOAD_HEADER_LENGTH > IkeSpec.MAX_PAYLOAD_LENGTH) {
      throw new IllegalArgumentException(what + " body of " + bodyLength + " octets is too long");
    }
  }

  /** Fails unless {@code v} fits in a field of {@code max}. */
  static int checkRange(int v, int max, String field) {
    if (v < 0 || v > max) {
      throw new IllegalArgumentException(field + " must be 0.." + max + ", was " + v);
    }
    return v;
  }
}
