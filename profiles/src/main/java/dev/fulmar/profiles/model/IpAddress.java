package dev.fulmar.profiles.model;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address literal. Parsing never touches DNS: only dotted-quad IPv4 (no octal, no
 * short forms) and RFC 4291 IPv6 text without a zone are accepted.
 */
public record IpAddress(InetAddress address) {

  public IpAddress {
    Objects.requireNonNull(address, "address");
  }

  /** Parses a literal, or returns empty if {@code text} is not one. */
  public static Optional<IpAddress> parse(String text) {
    if (isIpv4Literal(text) || isIpv6Literal(text)) {
      try {
        return Optional.of(new IpAddress(InetAddress.getByName(text)));
      } catch (UnknownHostException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Like {@link #parse} for text already known to be a literal (importers, tests). */
  public static IpAddress of(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException("not an IP address"));
  }

  public boolean isIpv6() {
    return address instanceof Inet6Address;
  }

  /** Address length in bits: 32 or 128. */
  public int bits() {
    return isIpv6() ? 128 : 32;
  }

  /** Strict dotted quad: four decimal octets 0–255 without leading zeros. */
  public static boolean isIpv4Literal(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
        return false;
      }
      for (int i = 0; i < p.length(); i++) {
        if (p.charAt(i) < '0' || p.charAt(i) > '9') {
          return false;
        }
      }
      if (Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  /**
   * RFC 4291 §2.2 text form (with an optional trailing dotted quad), no zone index. The JDK parses
   * a string that starts with a hex digit or ':' and contains ':' as a literal and never as a name,
   * so no DNS lookup can happen here.
   */
  public static boolean isIpv6Literal(String s) {
    if (s.length() < 2 || s.length() > 45 || s.indexOf(':') < 0) {
      return false;
    }
    char first = s.charAt(0);
    if (first != ':' && !isAsciiHex(first)) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != ':' && c != '.' && !isAsciiHex(c)) {
        return false;
      }
    }
    try {
      InetAddress.getByName(s);
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static boolean isAsciiHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  @Override
  public String toString() {
    String text = address.getHostAddress();
    return isIpv6() ? compressIpv6(text) : text;
  }

  private static String compressIpv6(String full) {
    String[] g = full.split(":");
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < g.length; ) {
      if (g[i].equals("0")) {
        int j = i;
        while (j < g.length && g[j].equals("0")) {
          j++;
        }
        if (j - i > bestLen && j - i > 1) {
          bestStart = i;
          bestLen = j - i;
        }
        i = j;
      } else {
        i++;
      }
    }
    if (bestStart < 0) {
      return full;
    }
    String left = String.join(":", java.util.Arrays.copyOfRange(g, 0, bestStart));
    String right = String.join(":", java.util.Arrays.copyOfRange(g, bestStart + bestLen, g.length));
    return left + "::" + right;
  }
}
