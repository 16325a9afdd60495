package dev.fulmar.helper.run;

import dev.fulmar.core.api.SessionInfo;
import dev.fulmar.core.api.TrafficSelector;
import dev.fulmar.core.spi.DnsSettings;
import dev.fulmar.core.spi.IpPrefix;
import dev.fulmar.core.spi.RoutingMode;
import dev.fulmar.core.spi.TunnelAddress;
import dev.fulmar.core.spi.TunnelNetworkConfig;
import dev.fulmar.profiles.model.Dns;
import dev.fulmar.profiles.model.IpAddress;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.Routing;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the operating system must look like while a tunnel is up, from what the gateway pushed
 * and the profile: the virtual addresses, the tunnel MTU, the routes and DNS. Pure: no system
 * calls, so the daemon and {@code fulmard run} share it and unit tests cover every case.
 *
 * <ul>
 *   <li>Split tunnel: the pushed subnets (INTERNAL_IP4/6_SUBNET) when there are any, else the
 *       negotiated remote traffic selectors (TSr); DNS answers only the routing domains the
 *       gateway or the profile names (or everything, when there are none).
 *   <li>Full tunnel: everything through the tunnel (the configurator keeps a host route to the
 *       gateway over its original next hop); DNS for every name.
 *   <li>The profile's DNS servers and domains, when set, win over the gateway's; its MTU, when
 *       set, caps the one computed from the path MTU and the ESP overhead.
 * </ul>
 */
public final class NetworkPlan {
  private NetworkPlan() {}

  /**
   * @param device the tunnel interface name
   * @param espMtu the largest inner packet the negotiated transform fits into the path MTU
   * @throws IllegalArgumentException when the gateway pushed nothing usable (no virtual address)
   */
  public static TunnelNetworkConfig of(Profile profile, SessionInfo info, String device,
      int espMtu) {
    if (info.virtualAddresses().isEmpty()) {
      throw new IllegalArgumentException("the gateway assigned no virtual address");
    }
    List<TunnelAddress> addresses = new ArrayList<>();
    for (InetAddress a : info.virtualAddresses()) {
      addresses.add(TunnelAddress.host(a));
    }
    Integer profileMtu = profile.transport().mtu();
    int mtu = profileMtu == null ? espMtu : Math.min(espMtu, profileMtu);
    boolean full = profile.routing().mode() == Routing.Mode.FULL;
    return new TunnelNetworkConfig(device, mtu, addresses,
        full ? RoutingMode.FULL : RoutingMode.SPLIT, full ? List.of() : splitRoutes(info),
        info.gatewayAddress().getAddress(), dns(profile.dns(), info));
  }

  /** Pushed subnets, else the negotiated TSr, as prefixes. */
  static List<IpPrefix> splitRoutes(SessionInfo info) {
    List<TrafficSelector> source = info.splitSubnets().isEmpty()
        ? info.child().remoteSelectors() : info.splitSubnets();
    Set<IpPrefix> out = new LinkedHashSet<>();
    for (TrafficSelector ts : source) {
      out.addAll(Prefixes.covering(ts.start(), ts.end()));
    }
    return List.copyOf(out);
  }

  static DnsSettings dns(Dns profile, SessionInfo info) {
    List<InetAddress> servers = new ArrayList<>();
    for (IpAddress a : profile.servers()) {
      servers.add(a.address());
    }
    if (servers.isEmpty()) {
      servers.addAll(info.dnsServers());
    }
    if (servers.isEmpty()) {
      return DnsSettings.NONE;
    }
    List<String> routing = profile.splitDomains().isEmpty() ? info.dnsDomains()
        : profile.splitDomains();
    return new DnsSettings(servers, profile.searchDomains(), routing);
  }
}
