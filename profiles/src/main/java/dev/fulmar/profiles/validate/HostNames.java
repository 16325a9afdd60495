package dev.fulmar.profiles.validate;

import dev.fulmar.profiles.model.IpAddress;

/** Syntax of DNS names (RFC 1123 §2.1) and gateway addresses, without any lookup. */
public final class HostNames {
  private HostNames() {}

  /** True for a DNS host name: dot-separated labels of letters, digits and inner hyphens. */
  public static boolean isDnsName(String s) {
    String name = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    if (name.isEmpty() || name.length() > 253) {
      return false;
    }
    String[] labels = name.split("\\.", -1);
    for (String label : labels) {
      if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        boolean ok =
            (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || (c == '_' && i == 0);
        if (!ok) {
          return false;
        }
      }
    }
    // an all-numeric last label would be read as an IPv4 address by resolvers
    return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
  }

  /** True for a host a gateway may have: a DNS name or an IP literal. */
  public static boolean isHost(String s) {
    return IpAddress.parse(s).isPresent() || isDnsName(s);
  }
}
