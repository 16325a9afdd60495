package dev.fulmar.helper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DemoNetworkTest {
  @Test
  void overlappingRoutesAndAddressesAreConflicts() {
    assertThat(DemoNetwork.conflicts(List.of(
        "default via 10.0.0.1 dev eth0",
        "10.0.0.0/8 dev eth0 scope link",
        "10.200.1.0/24 dev tun0",
        "192.0.2.0/24 dev fulmar-demo proto kernel scope link src 192.0.2.2",
        "192.0.2.128/25 dev eth1"), List.of(
        "2: eth0    inet 10.200.0.9/24 scope global eth0",
        "7: fulmar-demo    inet 192.0.2.2/24 scope global fulmar-demo",
        "1: lo    inet 127.0.0.1/8 scope host lo")))
        .containsExactly("10.200.1.0/24 dev tun0",
            "192.0.2.128/25 dev eth1", "2: eth0    inet 10.200.0.9/24 scope global eth0");
  }

  @Test
  void unrelatedNetworksAndWiderRoutesAroundTheDemoAreFine() {
    assertThat(DemoNetwork.conflicts(List.of("default via 192.168.1.1 dev wlan0",
        "192.168.1.0/24 dev wlan0", "10.201.0.0/24 dev docker0", "fe80::/64 dev x",
        "10.0.0.0/8 via 10.8.0.1 dev tun0"),
        List.of("3: wlan0    inet 192.168.1.20/24 brd 192.168.1.255 scope global wlan0")))
        .isEmpty();
  }

  @Test
  void parsesOnlyIpv4Prefixes() {
    assertThat(DemoNetwork.parse("10.200.0.0/24")).hasValueSatisfying(
        p -> assertThat(p).containsExactly(0x0AC80000L, 24));
    assertThat(DemoNetwork.parse("192.0.2.1")).hasValueSatisfying(
        p -> assertThat(p[1]).isEqualTo(32));
    assertThat(DemoNetwork.parse("unreachable")).isEmpty();
    assertThat(DemoNetwork.parse("10.0.0.300/8")).isEmpty();
    assertThat(DemoNetwork.parse("10.0.0.0/33")).isEmpty();
  }
}
