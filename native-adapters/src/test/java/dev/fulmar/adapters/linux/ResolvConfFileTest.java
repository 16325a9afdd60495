package dev.fulmar.adapters.linux;

import static dev.fulmar.adapters.linux.Packets.ip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.spi.DnsSettings;
import dev.fulmar.core.spi.RoutingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolvConfFileTest {

  private static final String ORIGINAL = """
      # from DHCP
      nameserver 192.0.2.53
      nameserver 192.0.2.54
      search home.example
      options edns0 trust-ad
      """;

  private static final DnsSettings DNS = new DnsSettings(
      List.of(ip("198.51.100.53")), List.of("corp.example"), List.of("lab.example"));

  @Test
  void splitTunnelPutsTheTunnelServerFirstAndKeepsTheOthersAsFallback() {
    String out = ResolvConfFile.render("fulmar0", DNS, RoutingMode.SPLIT, ORIGINAL);
    assertThat(out).isEqualTo("""
        # Written by Fulmar VPN for the tunnel on fulmar0; the previous file is put back when \
        the tunnel goes down.
        nameserver 198.51.100.53
        nameserver 192.0.2.53
        nameserver 192.0.2.54
        search corp.example lab.example home.example
        options edns0 trust-ad
        """);
  }

  @Test
  void fullTunnelListsOnlyTheTunnelServers() {
    String out = ResolvConfFile.render("fulmar0", DNS, RoutingMode.FULL, ORIGINAL);
    assertThat(out).contains("nameserver 198.51.100.53\n").doesNotContain("192.0.2.5");
  }

  @Test
  void keepsWithinGlibcLimits() {
    DnsSettings many = new DnsSettings(
        List.of(ip("198.51.100.1"), ip("198.51.100.2"), ip("198.51.100.3"), ip("198.51.100.4")),
        List.of("a.example", "b.example", "c.example", "d.example", "e.example"),
        List.of("f.example", "g.example"));
    String out = ResolvConfFile.render("fulmar0", many, RoutingMode.SPLIT, ORIGINAL);
    assertThat(out.lines().filter(l -> l.startsWith("nameserver"))).hasSize(3);
    assertThat(out.lines().filter(l -> l.startsWith("search")).findFirst().orElseThrow()
        .split(" ")).hasSize(1 + ResolvConfFile.MAX_SEARCH);
  }

  @Test
  void writesIpv6ServersInTheirShortForm() {
    DnsSettings v6 = new DnsSettings(List.of(ip("2001:db8:200:0:0:0:0:53")), List.of(), List.of());
    String out = ResolvConfFile.render("fulmar0", v6, RoutingMode.FULL, ORIGINAL);
    assertThat(out).contains("nameserver 2001:db8:200::53\n");
  }
}
