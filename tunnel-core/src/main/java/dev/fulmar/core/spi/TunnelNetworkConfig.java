package dev.fulmar.core.spi;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the OS must look like while a tunnel is up: the tunnel interface's addresses and MTU, the
 * routes through it, and DNS. The helper builds it from what the gateway pushed and the profile.
 *
 * @param interfaceName the tunnel device ({@link TunDevice#name()})
 * @param mtu the tunnel MTU (path MTU minus the ESP/UDP/IP overhead)
 * @param addresses the virtual addresses the gateway assigned
 * @param mode split or full tunnel
 * @param routes in {@link RoutingMode#SPLIT} the subnets to send through the tunnel (pushed
 *     subnets or the negotiated remote traffic selectors); ignored in {@link RoutingMode#FULL}
 * @param gateway the gateway's IKE address; it keeps its original route even when a tunnel route
 *     covers it, so that IKE and ESP never loop into the tunnel
 * @param dns DNS servers and domains, or {@link DnsSettings#NONE}
 */
public record TunnelNetworkConfig(
    String interfaceName,
    int mtu,
    List<TunnelAddress> addresses,
    RoutingMode mode,
    List<IpPrefix> routes,
    InetAddress gateway,
    DnsSettings dns) {

  /** The smallest tunnel MTU accepted (the IPv4 minimum datagram every host must accept). */
  public static final int MIN_MTU = 576;

  /** IPv6 needs links of at least 1280 bytes (RFC 8200 §5). */
  public static final int IPV6_MIN_MTU = 1280;

  private static final Pattern IFNAME = Pattern.compile("[A-Za-z0-9_.-]{1,15}");

  /** Checks the fields and copies the lists. */
  public TunnelNetworkConfig {
    Objects.requireNonNull(interfaceName, "interfaceName");
    if (!IFNAME.matcher(interfaceName).matches()) {
      throw new IllegalArgumentException("invalid interface name '" + interfaceName + "'");
    }
    if (mtu < MIN_MTU || mtu > 65535) {
      throw new IllegalArgumentException("MTU " + mtu + " out of range " + MIN_MTU + "..65535");
    }
    addresses = List.copyOf(addresses);
    Objects.requireNonNull(mode, "mode");
    routes = List.copyOf(routes);
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(dns, "dns");
    if (mtu < IPV6_MIN_MTU && addresses.stream().anyMatch(a -> !a.isIpv4())) {
      throw new IllegalArgumentException(
          "MTU " + mtu + " is below IPv6's minimum of " + IPV6_MIN_MTU);
    }
  }

  /** True when an IPv6 address is assigned. */
  public boolean hasIpv6() {
    return addresses.stream().anyMatch(a -> !a.isIpv4());
  }
}
