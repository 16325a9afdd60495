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
    ChildSaInfo child = new ChildSaInfo(0xc1000001L, 0xc2000002L, Algorithm.AES_GCM_16_256,
        null, null, false, List.of(TrafficSelector.subnet("10.201.0.1/32")),
        tsr.stream().map(TrafficSelector::subnet).toList());
    return new SessionInfo(new InetSocketAddress("192.0.2.10", 4500),
        new InetSocketAddress("192.0.2.1", 4500), false, 1L, 2L, Algorithm.AES_GCM_16_256, null,
        Algorithm.AES_GCM_16_256, List.of(), null, null, null, "EAP-MSCHAPv2", vips,
        List.of(InetAddress.getByName("10.200.0.53")), domains,
        pushed.stream().map(TrafficSelector::subnet).toList(), child,
        new NatDetection(false, true, false), true, 0, 0, List.of(), Duration.ofMillis(50));
  }
}
