package dev.fulmar.interop.ipv6;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.fulmar.FulmardRun;
import dev.fulmar.interop.fulmar.FulmardRunLab;
import dev.fulmar.interop.lab.ChildSa;
import dev.fulmar.interop.lab.IkeSa;
import dev.fulmar.interop.lab.Iperf3;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.LabProcess;
import dev.fulmar.interop.lab.Measurements;
import dev.fulmar.interop.lab.Ping;
import dev.fulmar.interop.lab.Pki;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * IPv6 inside a tunnel to the gateway's IPv4 address: {@code fulmard run} against strongSwan
 * 5.9.8 with an IPv6 pool (2001:db8:201::/120, DNS 2001:db8:200::53) and an IPv6 LAN
 * (2001:db8:200::/64). The client asks for INTERNAL_IP6_ADDRESS and INTERNAL_IP6_DNS, puts the
 * IPv6 virtual address on the TUN device, routes IPv6 into the tunnel (the LAN for a split
 * tunnel, alone or with the IPv4 LAN; everything for a full one) and pings the LAN host's IPv6 address through it; the
 * namespace's IPv6 (and IPv4) routes, addresses and resolver are the same after disconnect as
 * before.
 */
class Ipv6InsideIpv4IT {
  static final Pki PKI = Pki.shared();
  /** Outside the lab's prefixes, so only a full tunnel's routes cover it. */
  static final String ELSEWHERE6 = "2001:db8:ffff::80";
  @RegisterExtension
  static final FulmardRunLab LAB = FulmardRunLab.dualStack("ipv6-inside-v4", PKI).withIperfServer()
      .expectingNoSaAfterEachTest();

  @Test
  void withoutTheTunnelTheIpv6LanIsUnreachable() {
    assertThat(LAB.lab().client().exec("ip", "-6", "route", "get", Lab.LAN_HOST_IP6).stdout())
        .as("the client's IPv6 default route leads to the gateway").contains("dev c0");
    Ping.Result r = Ping.to(Lab.LAN_HOST_IP6).count(2).run(LAB.lab().client());
    assertThat(r.received()).as(r.output()).isZero();
    Ping.Result gw = Ping.to(Lab.GATEWAY_IP6).count(1).run(LAB.lab().client());
    assertThat(gw.allReceived()).as("the gateway answers on the link: " + gw.output()).isTrue();
  }

  @Test
  void splitTunnelGetsAnIpv6AddressAndReachesTheIpv6Lan() {
    LabProcess run = LAB.fulmard().start(
        LAB.fulmard().split("split6", Lab.LAN_SUBNET, Lab.LAN_SUBNET6));
    try {
      String up = LAB.fulmard().awaitUp(run, Duration.ofSeconds(90));
      assertThat(up).contains(Lab.LAN_SUBNET6).contains(Lab.LAN_SUBNET);
      String vip6 = assignedIpv6(up);
      assertThat(LAB.lab().client().exec("ip", "-6", "addr", "show", "dev", device(up)).stdout())
          .contains("inet6 " + vip6 + "/128");
      assertThat(LAB.lab().client().exec("ip", "-6", "route", "get", Lab.LAN_HOST_IP6).stdout())
          .contains("dev " + device(up)).contains("src " + vip6);
      assertThat(LAB.lab().client().exec("ip", "-6", "route", "get", ELSEWHERE6).stdout())
          .as("a split tunnel leaves other IPv6 traffic alone").doesNotContain(device(up));
      assertThat(FulmardRun.nameservers(FulmardRun.resolvConfOf(run)))
          .contains(FulmardRun.address(Lab.PUSHED_DNS6), FulmardRun.address(Lab.PUSHED_DNS));

      bothFamiliesFlow(run);
      ChildSa child = LAB.gateway().awaitSa(IkeSa::established, Duration.ofSeconds(5)).orElseThrow()
          .children().get(0);
      assertThat(child.localTs()).contains(Lab.LAN_SUBNET6, Lab.LAN_SUBNET);
      assertThat(child.remoteTs()).contains(vip6 + "/128");
    } finally {
      LAB.stopAndCompare(run);
    }
  }

  @Test
  void splitTunnelForTheIpv6LanAloneLeavesIpv4Outside() {
    LabProcess run = LAB.fulmard().start(LAB.fulmard().split("split6only", Lab.LAN_SUBNET6));
    try {
      String up = LAB.fulmard().awaitUp(run, Duration.ofSeconds(90));
      assertThat(up).contains("routes [" + Lab.LAN_SUBNET6 + "]");
      assertIpv6ReachesTheLan(run);
      assertThat(LAB.lab().client().exec("ip", "-4", "route", "get", Lab.LAN_HOST_IP).stdout())
          .doesNotContain(device(up));
      Ping.Result v4 = Ping.to(Lab.LAN_HOST_IP).count(1).run(LAB.lab().client());
      assertThat(v4.received()).as("the IPv4 LAN is not in this tunnel").isZero();
      ChildSa child = LAB.gateway().awaitSa(IkeSa::established, Duration.ofSeconds(5)).orElseThrow()
          .children().get(0);
      assertThat(child.localTs()).containsExactly(Lab.LAN_SUBNET6);
    } finally {
      LAB.stopAndCompare(run);
    }
  }

  @Test
  void fullTunnelCarriesAllIpv6() {
    LabProcess run = LAB.fulmard().start(LAB.fulmard().full("full6"));
    try {
      String up = LAB.fulmard().awaitUp(run, Duration.ofSeconds(90));
      assertThat(up).contains("all traffic");
      String vip6 = assignedIpv6(up);
      assertThat(LAB.lab().client().exec("ip", "-6", "route", "get", ELSEWHERE6).stdout())
          .contains("dev " + device(up)).contains("src " + vip6);
      assertThat(FulmardRun.nameservers(FulmardRun.resolvConfOf(run)))
          .as("a full tunnel sends every query through the tunnel, over either family")
          .containsExactlyInAnyOrder(FulmardRun.address(Lab.PUSHED_DNS),
              FulmardRun.address(Lab.PUSHED_DNS6));
      assertThat(LAB.lab().client().exec("ip", "-4", "route", "get", Lab.GATEWAY_IP).stdout())
          .as("IKE and ESP still go to the gateway outside the tunnel")
          .doesNotContain(device(up));

      bothFamiliesFlow(run);
      ChildSa child = LAB.gateway().awaitSa(IkeSa::established, Duration.ofSeconds(5)).orElseThrow()
          .children().get(0);
      assertThat(child.localTs()).contains("::/0", "0.0.0.0/0");
      assertThat(child.remoteTs()).contains(vip6 + "/128");
    } finally {
      LAB.stopAndCompare(run);
    }
  }

  /** The TUN device named in the {@code UP: DEVICE [addresses] ...} line. */
  static String device(String up) {
    return up.substring("UP: ".length(), up.indexOf(' ', "UP: ".length()));
  }

  /** The IPv6 virtual address the gateway assigned, as its SA lists it. */
  private static String assignedIpv6(String up) {
    IkeSa sa = LAB.gateway().awaitSa(IkeSa::established, Duration.ofSeconds(5)).orElseThrow();
    String vip6 = sa.remoteVips().stream().filter(a -> a.contains(":")).findFirst()
        .orElseThrow(() -> new AssertionError("no IPv6 virtual IP at the gateway: "
            + sa.remoteVips()));
    assertThat(vip6).startsWith("2001:db8:201::");
    assertThat(sa.remoteVips()).anyMatch(a -> a.startsWith("10.201.0."));
    assertThat(up).contains(vip6);
    return vip6;
  }

  private static void assertIpv6ReachesTheLan(LabProcess run) {
    Ping.Result v6 = Ping.to(Lab.LAN_HOST_IP6).count(3).run(LAB.lab().client());
    assertThat(v6.allReceived()).as(v6.output() + "\n" + run.logTail(20)).isTrue();
  }

  /** Ping over both families and a short TCP transfer over IPv6, counted by the LAB.gateway(). */
  private static void bothFamiliesFlow(LabProcess run) {
    assertIpv6ReachesTheLan(run);
    Ping.Result v4 = Ping.to(Lab.LAN_HOST_IP).count(3).run(LAB.lab().client());
    assertThat(v4.allReceived()).as(v4.output() + "\n" + run.logTail(20)).isTrue();
    Iperf3.Result tcp = Iperf3.client(Lab.LAN_HOST_IP6).seconds(2).run(LAB.lab().client());
    assertThat(tcp.receivedBitsPerSecond()).as("TCP over IPv6 through the tunnel")
        .isGreaterThan(1e6);
    Measurements.record("fulmard run IPv6 inside IPv4 iperf3 TCP Mbit/s",
        String.format("%.0f", tcp.receivedBitsPerSecond() / 1e6));
    ChildSa child = LAB.gateway().awaitSa(IkeSa::established, Duration.ofSeconds(5)).orElseThrow()
        .children().get(0);
    assertThat(child.bytesIn()).as("ESP bytes the gateway received").isGreaterThan(100_000);
  }
}
