package dev.fulmar.core.spi;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * DNS configuration for the duration of a tunnel.
 *
 * @param servers the pushed DNS servers ({@code INTERNAL_IP4_DNS} / {@code INTERNAL_IP6_DNS}),
 *     in order of preference
 * @param searchDomains domains appended to single-label names (and also resolved via the tunnel)
 * @param routingDomains domains whose names are resolved only by the tunnel's servers (split DNS,
 *     RFC 8598 {@code INTERNAL_DNS_DOMAIN}); a full tunnel routes every name ({@code ~.}) anyway
 */
public record DnsSettings(
    List<InetAddress> servers, List<String> searchDomains, List<String> routingDomains) {

  /** No DNS change at all. */
  public static final DnsSettings NONE = new DnsSettings(List.of(), List.of(), List.of());

  private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");

  /** Copies the lists and checks every domain name. */
  public DnsSettings {
    servers = List.copyOf(servers);
    searchDomains = searchDomains.stream().map(DnsSettings::checkDomain).toList();
    routingDomains = routingDomains.stream().map(DnsSettings::checkDomain).toList();
    if (servers.isEmpty() && !(searchDomains.isEmpty() && routingDomains.isEmpty())) {
      throw new IllegalArgumentException("DNS domains given without a DNS server");
    }
  }

  /** True when nothing is to be configured. */
  public boolean isEmpty() {
    return servers.isEmpty();
  }

  /**
   * Returns {@code name} in lower case without a trailing dot.
   *
   * @throws IllegalArgumentException naming the domain when it is not a valid DNS name
   */
  static String checkDomain(String name) {
    Objects.requireNonNull(name, "domain");
    String d = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    d = d.toLowerCase(Locale.ROOT);
    if (d.isEmpty() || d.length() > 253) {
      throw new IllegalArgumentException("invalid DNS domain '" + name + "'");
    }
    for (String label : d.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        throw new IllegalArgumentException("invalid DNS domain '" + name + "'");
      }
    }
    return d;
  }
}
