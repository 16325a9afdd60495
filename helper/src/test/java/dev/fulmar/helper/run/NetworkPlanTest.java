package dev.fulmar.helper.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.ChildSaInfo;
import dev.fulmar.core.api.NatDetection;
import dev.fulmar.core.api.SessionInfo;
import dev.fulmar.core.api.TrafficSelector;
import dev.fulmar.core.spi.IpPrefix;
import dev.fulmar.core.spi.RoutingMode;
import dev.fulmar.core.spi.TunnelNetworkConfig;
import dev.fulmar.helper.ProfileFiles;
import dev.fulmar.helper.tunnel.TunnelManager;
import dev.fulmar.profiles.model.Profile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the system looks like while a tunnel is up, from the gateway's answer and the profile. */
class NetworkPlanTest {
  private static final String EAP = "{ \"method\": \"eap-mschapv2\", \"username\": \"alice\" }";
  @TempDir Path dir;

  @Test
  void splitTunnelRoutesTheNegotiatedSelectorsWhenNothingIsPushed() throws Exception {
    Profile p = profile("\"tunnel\": { \"mode\": \"split\", \"include\": [ \"10.200.0.0/24\" ] }");
    TunnelNetworkConfig c = NetworkPlan.of(p, info(List.of(), List.of("10.200.0.0/24"),
        List.of("corp.example")), "fulmar0", 1438);

    assertThat(c.mode()).isEqualTo(RoutingMode.SPLIT);
    assertThat(c.routes()).containsExactly(IpPrefix.parse("10.200.0.0/24"));
    assertThat(c.addresses()).hasToString("[10.201.0.1/32]");
    assertThat(c.mtu()).isEqualTo(1438);
    assertThat(c.gateway()).isEqualTo(InetAddress.getByName("192.0.2.1"));
    assertThat(c.dns().servers()).containsExactly(InetAddress.getByName("10.200.0.53"));
    assertThat(c.dns().routingDomains()).containsExactly("corp.example");
  }

  @Test
  void pushedSubnetsWinOverTheSelectors() throws Exception {
    Profile p = profile("\"tunnel\": { \"mode\": \"split\" }");
    TunnelNetworkConfig c = NetworkPlan.of(p, info(List.of("10.1.0.0/16", "10.2.0.0/16"),
        List.of("0.0.0.0/0"), List.of()), "fulmar0", 1438);

    assertThat(c.routes()).containsExactly(IpPrefix.parse("10.1.0.0/16"),
        IpPrefix.parse("10.2.0.0/16"));
  }

  @Test
  void fullTunnelNeedsNoRoutesAndTheProfileCanOverrideDnsAndMtu() throws Exception {
    Profile p = profile("\"tunnel\": { \"mode\": \"full\" }, \"dns\": { \"servers\": ["
        + " \"198.51.100.53\" ], \"splitDomains\": [ \"lab.example\" ], \"searchDomains\": ["
        + " \"lab.example\" ] }, \"transport\": { \"mtu\": 1300 }");
    TunnelNetworkConfig c = NetworkPlan.of(p, info(List.of(), List.of("0.0.0.0/0"),
        List.of()), "fulmar1", 1438);

    assertThat(c.mode()).isEqualTo(RoutingMode.FULL);
    assertThat(c.routes()).isEmpty();
    assertThat(c.mtu()).isEqualTo(1300);
    assertThat(c.dns().servers()).containsExactly(InetAddress.getByName("198.51.100.53"));
    assertThat(c.dns().searchDomains()).containsExactly("lab.example");
    assertThat(c.dns().routingDomains()).containsExactly("lab.example");
  }

  @Test
  void dualStackSplitTunnelGetsBothAddressesAndRoutesOfBothFamilies() throws Exception {
    Profile p = profile("\"tunnel\": { \"mode\": \"split\", \"include\": [ \"10.200.0.0/24\","
        + " \"2001:db8:200::/64\" ] }");
    TunnelNetworkConfig c = NetworkPlan.of(p, info(List.of(),
        List.of("10.200.0.0/24", "2001:db8:200::/64"), List.of(),
        List.of(InetAddress.getByName("10.201.0.1"), InetAddress.getByName("2001:db8:201::1"))),
        "fulmar0", 1438);

    assertThat(c.addresses()).extracting(a -> a.address().getHostAddress() + "/"
        + a.prefixLength()).containsExactly("10.201.0.1/32", "2001:db8:201:0:0:0:0:1/128");
    assertThat(c.routes()).containsExactly(IpPrefix.parse("10.200.0.0/24"),
        IpPrefix.parse("2001:db8:200::/64"));
    assertThat(c.hasIpv6()).isTrue();
  }

  @Test
  void anIpv6SelectorRangeBecomesTheFewestPrefixesCoveringIt() throws Exception {
    Profile p = profile("\"tunnel\": { \"mode\": \"split\" }");
    TrafficSelector range = new TrafficSelector(InetAddress.getByName("2001:db8:200::"),
        InetAddress.getByName("2001:db8:201::ffff"), 0, 0, 65535);
    SessionInfo ranged = withSelectors(List.of(), List.of(range), List.of(),
        List.of(InetAddress.getByName("2001:db8:201::1")));

    assertThat(NetworkPlan.of(p, ranged, "fulmar0", 1438).routes()).containsExactly(
        IpPrefix.parse("2001:db8:200::/48"), IpPrefix.parse("2001:db8:201::/112"));
  }

  @Test
  void refusesATunnelWithoutAVirtualAddress() throws Exception {
    Profile p = profile("\"tunnel\": { \"mode\": \"full\" }");
    SessionInfo none = info(List.of(), List.of("0.0.0.0/0"), List.of(), List.of());

    assertThatThrownBy(() -> NetworkPlan.of(p, none, "fulmar0", 1438))
        .hasMessageContaining("no virtual address");
  }

  private Profile profile(String extra) throws Exception {
    Path file = ProfileFiles.write(dir, "plan", EAP, extra);
    TunnelManager.Loaded loaded = TunnelManager.load(file);
    assertThat(loaded.failure()).as(String.valueOf(loaded.failure())).isNull();
    return loaded.profile();
  }

  private static SessionInfo info(List<String> pushed, List<String> tsr, List<String> domains)
      throws Exception {
    return info(pushed, tsr, domains, List.of(InetAddress.getByName("10.201.0.1")));
  }

  private static SessionInfo info(List<String> pushed, List<String> tsr, List<String> domains,
      List<InetAddress> vips) throws Exception {
    return withSelectors(pushed, tsr.stream().map(TrafficSelector::subnet).toList(), domains,
        vips);
  }

  private static SessionInfo withSelectors(List<String> pushed, List<TrafficSelector> tsr,
      List<String> domains, List<InetAddress> vips) throws Exception {
    ChildSaInfo child = new ChildSaInfo(0xc1000001L, 0xc2000002L, Algorithm.AES_GCM_16_256,
        null, null, false, List.of(TrafficSelector.subnet("10.201.0.1/32")), tsr);
    return new SessionInfo(new InetSocketAddress("192.0.2.10", 4500),
        new InetSocketAddress("192.0.2.1", 4500), false, 1L, 2L, Algorithm.AES_GCM_16_256, null,
        Algorithm.AES_GCM_16_256, List.of(), null, null, null, "EAP-MSCHAPv2", vips,
        List.of(InetAddress.getByName("10.200.0.53")), domains,
        pushed.stream().map(TrafficSelector::subnet).toList(), child,
        new NatDetection(false, true, false), true, 0, 0, List.of(), Duration.ofMillis(50));
  }
}
