package dev.fulmar.adapters.linux;

import dev.fulmar.core.spi.IpPrefix;
import dev.fulmar.core.spi.KillSwitchPolicy;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The nftables script of the kill switch: one table owned by Fulmar ({@code inet fulmar}) with an
 * output and an input chain whose policy is drop. Passes: loopback, the tunnel interface, IKE and
 * ESP-in-UDP to and from the gateways, DHCP and IPv6 neighbour discovery (so the physical link
 * stays configured), ICMP errors about allowed flows (path MTU discovery towards the gateway) and,
 * when asked, the LAN ranges.
 *
 * <p>The script replaces the table in one transaction ({@code nft -f}): create-if-missing,
 * delete, create with the new rules. There is no moment without rules when the policy changes.
 */
final class NftRuleset {

  static final String FAMILY = "inet";
  static final String TABLE = "fulmar";

  private NftRuleset() {}

  static String render(KillSwitchPolicy p) {
    String tun = quote(p.tunnelInterface());
    String ports = p.gatewayPorts().stream().sorted().map(String::valueOf)
        .collect(Collectors.joining(", "));
    StringBuilder sb = new StringBuilder();
    sb.append("table ").append(FAMILY).append(' ').append(TABLE).append('\n');
    sb.append("delete table ").append(FAMILY).append(' ').append(TABLE).append('\n');
    sb.append("table ").append(FAMILY).append(' ').append(TABLE).append(" {\n");
    sb.append("  chain output {\n");
    sb.append("    type filter hook output priority filter; policy drop;\n");
    sb.append("    oifname \"lo\" accept\n");
    sb.append("    oifname ").append(tun).append(" accept\n");
    gatewayRule(sb, "daddr", "dport", p.gateways(), ports);
    sb.append("    udp sport 68 udp dport 67 accept\n");
    sb.append("    udp sport 546 udp dport 547 accept\n");
    sb.append("    icmpv6 type { nd-router-solicit, nd-neighbor-solicit, nd-neighbor-advert }")
        .append(" accept\n");
    if (p.allowLan()) {
      lanRule(sb, "daddr");
    }
    sb.append("  }\n");
    sb.append("  chain input {\n");
    sb.append("    type filter hook input priority filter; policy drop;\n");
    sb.append("    iifname \"lo\" accept\n");
    sb.append("    iifname ").append(tun).append(" accept\n");
    gatewayRule(sb, "saddr", "sport", p.gateways(), ports);
    sb.append("    ct state related accept\n");
    sb.append("    udp sport 67 udp dport 68 accept\n");
    sb.append("    udp sport 547 udp dport 546 accept\n");
    sb.append("    icmpv6 type { nd-router-advert, nd-neighbor-solicit, nd-neighbor-advert,")
        .append(" nd-redirect } accept\n");
    if (p.allowLan()) {
      lanRule(sb, "saddr");
    }
    sb.append("  }\n");
    sb.append("}\n");
    return sb.toString();
  }

  private static void gatewayRule(
      StringBuilder sb, String dir, String portDir, List<InetAddress> gws, String ports) {
    if (ports.isEmpty()) {
      return;
    }
    String v4 = set(gws, a -> a instanceof Inet4Address);
    String v6 = set(gws, a -> !(a instanceof Inet4Address));
    if (!v4.isEmpty()) {
      sb.append("    ip ").append(dir).append(" { ").append(v4).append(" } udp ").append(portDir)
          .append(" { ").append(ports).append(" } accept\n");
    }
    if (!v6.isEmpty()) {
      sb.append("    ip6 ").append(dir).append(" { ").append(v6).append(" } udp ").append(portDir)
          .append(" { ").append(ports).append(" } accept\n");
    }
  }

  private static void lanRule(StringBuilder sb, String dir) {
    List<IpPrefix> lan = KillSwitchPolicy.LAN_PREFIXES;
    sb.append("    ip ").append(dir).append(" { ")
        .append(lan.stream().filter(IpPrefix::isIpv4).map(String::valueOf)
            .collect(Collectors.joining(", ")))
        .append(" } accept\n");
    sb.append("    ip6 ").append(dir).append(" { ")
        .append(lan.stream().filter(x -> !x.isIpv4()).map(ip -> compact(ip.network()) + "/"
            + ip.length()).collect(Collectors.joining(", ")))
        .append(" } accept\n");
  }

  private static String set(List<InetAddress> addrs, Predicate<InetAddress> keep) {
    return addrs.stream().filter(keep).map(NftRuleset::compact).distinct()
        .collect(Collectors.joining(", "));
  }

  private static String compact(InetAddress a) {
    String s = a.getHostAddress();
    int pct = s.indexOf('%');
    return pct >= 0 ? s.substring(0, pct) : s;
  }

  /** Interface names are checked by {@link KillSwitchPolicy}; quoting keeps nft from parsing. */
  private static String quote(String ifname) {
    return '"' + ifname + '"';
  }
}
