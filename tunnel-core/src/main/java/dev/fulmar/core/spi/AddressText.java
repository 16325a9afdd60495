package dev.fulmar.core.spi;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Addresses as people read them: IPv4 dotted quads and IPv6 in the canonical text form of RFC
 * 5952 §4 ({@code 2001:db8::1}, not Java's {@code 2001:db8:0:0:0:0:0:1}), which is also how
 * iproute2 and strongSwan print them, so what the helper reports and writes (status, resolver
 * files) can be compared with {@code ip addr} or {@code swanctl --list-sas} by eye.
 */
public final class AddressText {
  private AddressText() {}

  public static String of(InetAddress a) {
    if (!(a instanceof Inet6Address)) {
      return a.getHostAddress();
    }
    byte[] b = a.getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
    }
    // RFC 5952 §4.2: the longest run of two or more zero groups (the first of equals) becomes ::
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; i++) {
      int len = 0;
      while (i + len < 8 && groups[i + len] == 0) {
        len++;
      }
      if (len > bestLen) {
        bestStart = i;
        bestLen = len;
      }
      i += len;
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        s.append("::");
        i += bestLen - 1;
        continue;
      }
      if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
        s.append(':');
      }
      s.append(Integer.toHexString(groups[i])); // §4.1 no leading zeros, §4.3 lower case
    }
    return s.toString();
  }

  public static String of(IpPrefix p) {
    return of(p.network()) + "/" + p.length();
  }

  public static String of(TunnelAddress a) {
    return of(a.address()) + "/" + a.prefixLength();
  }
}
