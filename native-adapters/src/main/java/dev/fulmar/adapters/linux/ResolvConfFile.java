package dev.fulmar.adapters.linux;

import dev.fulmar.core.spi.AddressText;
import dev.fulmar.core.spi.DnsSettings;
import dev.fulmar.core.spi.RoutingMode;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the {@code resolv.conf} used during a tunnel (resolv.conf(5)). The file cannot express
 * split DNS, so the tunnel's servers come first; a split tunnel keeps the original servers after
 * them (as fallback for public names), a full tunnel drops them so that no query leaves outside
 * the tunnel. glibc reads at most 3 servers and 6 search domains.
 */
final class ResolvConfFile {

  static final int MAX_NAMESERVERS = 3;
  static final int MAX_SEARCH = 6;

  private ResolvConfFile() {}

  static String render(String dev, DnsSettings dns, RoutingMode mode, String original) {
    List<String> servers = new ArrayList<>();
    for (InetAddress a : dns.servers()) {
      servers.add(AddressText.of(a));
    }
    Set<String> search = new LinkedHashSet<>(dns.searchDomains());
    search.addAll(dns.routingDomains());
    List<String> options = new ArrayList<>();
    for (String raw : original.split("\n")) {
      String[] t = raw.strip().split("\\s+");
      if (t.length < 2 || raw.strip().startsWith("#") || raw.strip().startsWith(";")) {
        continue;
      }
      switch (t[0]) {
        case "nameserver" -> {
          if (mode == RoutingMode.SPLIT && !servers.contains(t[1])) {
            servers.add(t[1]);
          }
        }
        case "search", "domain" -> {
          for (int i = 1; i < t.length; i++) {
            search.add(t[i]);
          }
        }
        case "options" -> options.add(raw.strip());
        default -> { }
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append("# Written by Fulmar VPN for the tunnel on ").append(dev)
        .append("; the previous file is put back when the tunnel goes down.\n");
    servers.stream().limit(MAX_NAMESERVERS).forEach(s -> sb.append("nameserver ").append(s)
        .append('\n'));
    if (!search.isEmpty()) {
      sb.append("search ").append(String.join(" ", search.stream().limit(MAX_SEARCH).toList()))
          .append('\n');
    }
    options.forEach(o -> sb.append(o).append('\n'));
    return sb.toString();
  }
}
