package dev.fulmar.core.spi;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the kill switch lets through while it is engaged; everything else is dropped.
 *
 * @param tunnelInterface traffic over this interface passes; the name may not exist yet (tunnel
 *     still coming up or reconnecting)
 * @param gateways gateway addresses that IKE and ESP-in-UDP may reach outside the tunnel; keep the
 *     resolved addresses: name resolution outside the tunnel is blocked too
 * @param gatewayPorts the UDP ports on the gateways (normally 500 and 4500)
 * @param allowLan also let through traffic to and from the local networks: {@link #LAN_PREFIXES}
 */
public record KillSwitchPolicy(
    String tunnelInterface, List<InetAddress> gateways, Set<Integer> gatewayPorts,
    boolean allowLan) {

  /** The IKE ports (RFC 7296 §2.23). */
  public static final Set<Integer> IKE_PORTS = Set.of(500, 4500);

  /**
   * The LAN exception: the RFC 1918 private ranges, IPv4 and IPv6 link-local, and IPv6 unique local
   * addresses (RFC 4193, IPv6's private ranges).
   */
  public static final List<IpPrefix> LAN_PREFIXES =
      List.of(
          IpPrefix.parse("10.0.0.0/8"),
          IpPrefix.parse("172.16.0.0/12"),
          IpPrefix.parse("192.168.0.0/16"),
          IpPrefix.parse("169.254.0.0/16"),
          IpPrefix.parse("fe80::/10"),
          IpPrefix.parse("fc00::/7"));

  /** Checks and copies the fields. */
  public KillSwitchPolicy {
    Objects.requireNonNull(tunnelInterface, "tunnelInterface");
    if (!tunnelInterface.matches("[A-Za-z0-9_.-]{1,15}")) {
      throw new IllegalArgumentException("invalid interface name '" + tunnelInterface + "'");
    }
    gateways = List.copyOf(gateways);
    gatewayPorts = Set.copyOf(gatewayPorts);
    for (int port : gatewayPorts) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("gateway port " + port + " out of range 1..65535");
      }
    }
  }
}
