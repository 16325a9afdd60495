package dev.fulmar.core.ike.message;

import java.util.HexFormat;

/** Hex helpers for test vectors: whitespace and '|' separators in constants are ignored. */
final class Hex {

  private Hex() {}

  static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replaceAll("[\\s|]", ""));
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  /** The canonical form of a hex constant, for comparing with {@link #hex}. */
  static String normalize(String hex) {
    return hex.replaceAll("[\\s|]", "").toLowerCase();
  }

  /** {@code n} octets counting up from {@code start} (wrapping), as hex. */
  static String counting(int start, int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (start + i);
    }
    return hex(b);
  }
}
