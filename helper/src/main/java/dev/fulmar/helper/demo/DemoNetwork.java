package dev.fulmar.helper.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The demo's network, fixed so that a user's profile of it stays valid from one run to the next:
 *
 * <pre>
 *   this namespace            fulmar-demo-gw (strongSwan)          fulmar-demo-lan
 *   fulmar-demo 192.0.2.2 ──── uplink 192.0.2.1 │ lan 10.200.0.1 ──── eth0 10.200.0.2
 *                                 virtual IPs 10.200.1.0/24 for clients
 * </pre>
 *
 * <p>The client reaches the gateway over a veth with documentation addresses (RFC 5737); the LAN
 * behind the gateway is reachable only through the tunnel (this namespace has no route to it).
 */
final class DemoNetwork {
  static final String GATEWAY_NS = "fulmar-demo-gw";
  static final String LAN_NS = "fulmar-demo-lan";
  /** The veth end in the namespace that runs the demo (where the helper's tunnel starts). */
  static final String HOST_LINK = "fulmar-demo";
  static final String GATEWAY_UPLINK = "uplink";
  static final String GATEWAY_LAN_LINK = "lan";
  static final String LAN_LINK = "eth0";
  static final String HOST_IP = "192.0.2.2";
  static final String GATEWAY_IP = "192.0.2.1";
  static final String UPLINK_SUBNET = "192.0.2.0/24";
  static final String GATEWAY_LAN_IP = "10.200.0.1";
  static final String LAN_HOST_IP = "10.200.0.2";
  static final String LAN_SUBNET = "10.200.0.0/24";
  static final String POOL = "10.200.1.0/24";
  /** The name in the gateway certificate besides its address. */
  static final String GATEWAY_NAME = "gateway.demo.fulmar.invalid";

  private DemoNetwork() {}

  /** The ranges the demo puts into this namespace's routing table (directly or by the tunnel). */
  static List<String> ranges() {
    return List.of(UPLINK_SUBNET, LAN_SUBNET, POOL);
  }

  /**
   * Routes or addresses of this namespace that overlap the demo's ranges (a real network using
   * them would be cut off while the demo runs), as the lines of {@code ip -o -4 route} / {@code
   * ip -o -4 addr} that show them. Default routes, routes around the demo's ranges and the
   * demo's own link do not count.
   */
  static List<String> conflicts(List<String> routeLines, List<String> addrLines) {
    List<String> out = new ArrayList<>();
    for (String line : routeLines) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 0 || f[0].isEmpty() || f[0].equals("default") || line.contains(
          " dev " + HOST_LINK + " ") || line.endsWith(" dev " + HOST_LINK)) {
        continue;
      }
      if (overlapsDemo(f[0])) {
        out.add(line.trim());
      }
    }
    for (String line : addrLines) {
      String[] f = line.trim().split("\\s+");
      for (int i = 0; i + 1 < f.length; i++) {
        if (f[i].equals("inet") && !f[1].equals(HOST_LINK + ":") && !f[1].equals(HOST_LINK)
            && overlapsDemo(f[i + 1].split("/")[0])) {
          out.add(line.trim());
        }
      }
    }
    return out;
  }

  /**
   * Whether {@code prefix} lies inside one of the demo's ranges. A wider route around them (a
   * company's 10.0.0.0/8) is no conflict: the demo's narrower routes take only its own addresses.
   */
  private static boolean overlapsDemo(String prefix) {
    Optional<long[]> p = parse(prefix);
    if (p.isEmpty()) {
      return false;
    }
    for (String r : ranges()) {
      long[] d = parse(r).orElseThrow();
      long mask = mask((int) d[1]);
      if (p.get()[1] >= d[1] && (p.get()[0] & mask) == (d[0] & mask)) {
        return true;
      }
    }
    return false;
  }

  /** {@code a.b.c.d[/len]} as {address, length}; empty for anything else. */
  static Optional<long[]> parse(String prefix) {
    String[] parts = prefix.split("/", 2);
    String[] octets = parts[0].split("\\.");
    if (octets.length != 4) {
      return Optional.empty();
    }
    long addr = 0;
    try {
      for (String o : octets) {
        int v = Integer.parseInt(o);
        if (v < 0 || v > 255) {
          return Optional.empty();
        }
        addr = addr << 8 | v;
      }
      int len = parts.length == 2 ? Integer.parseInt(parts[1]) : 32;
      return len < 0 || len > 32 ? Optional.empty() : Optional.of(new long[] {addr, len});
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static long mask(int len) {
    return len == 0 ? 0 : (0xffffffffL << (32 - len)) & 0xffffffffL;
  }
}
