package dev.fulmar.core.spi;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Parses IP address literals without ever asking a resolver. */
final class IpLiterals {

  private IpLiterals() {}

  /**
   * Parses a dotted-quad IPv4 or a colon-form IPv6 literal.
   *
   * @param where the larger text, named in the error message
   * @throws IllegalArgumentException when {@code text} is not an address literal
   */
  static InetAddress parse(String text, String where) {
    boolean v4 = !text.isEmpty() && text.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    boolean v6 = text.indexOf(':') >= 0 && text.chars().allMatch(IpLiterals::isV6Char);
    if (v4 && !validDottedQuad(text)) {
      throw new IllegalArgumentException("not an IPv4 address in '" + where + "'");
    }
    if (!v4 && !v6) {
      throw new IllegalArgumentException("not an IP address literal in '" + where + "'");
    }
    try {
      // getByName never resolves a string made only of digits, dots, colons and hex digits.
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address literal in '" + where + "'", e);
    }
  }

  private static boolean isV6Char(int c) {
    return c == ':' || c == '.' || Character.digit(c, 16) >= 0;
  }

  private static boolean validDottedQuad(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }
}
