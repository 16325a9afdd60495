package dev.fulmar.core.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/** IP literals read and printed without ever touching DNS (identities, traffic selectors). */
final class IpLiterals {
  private IpLiterals() {}

  static boolean isLiteral(String s) {
    return s.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (s.contains(":") && s.matches("[0-9a-fA-F:.]+"));
  }

  static InetAddress parse(String s) {
    try {
      // getByName does not resolve a literal; the pattern check above guarantees one.
      return InetAddress.getByName(s);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + s, e);
    }
  }

  static String format(byte[] raw) {
    try {
      return format(InetAddress.getByAddress(raw));
    } catch (UnknownHostException e) {
      return HexFormat.of().formatHex(raw);
    }
  }

  /** Dotted quad for IPv4, RFC 5952 compressed form for IPv6. */
  static String format(InetAddress address) {
    byte[] raw = address.getAddress();
    if (raw.length == 4) {
      return address.getHostAddress();
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((raw[2 * i] & 0xff) << 8) | (raw[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append(i == 0 ? "::" : ":");
        i += bestLen - 1;
        continue;
      }
      sb.append(Integer.toHexString(groups[i])).append(i < 7 ? ":" : "");
    }
    return sb.toString();
  }
}
