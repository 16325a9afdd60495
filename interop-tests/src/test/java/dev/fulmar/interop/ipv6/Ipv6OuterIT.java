package dev.fulmar.interop.ipv6;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.fulmar.FulmardRun;
import dev.fulmar.interop.fulmar.FulmardRunLab;
import dev.fulmar.interop.lab.IkeSa;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.LabProcess;
import dev.fulmar.interop.lab.PacketCapture;
import dev.fulmar.interop.lab.Ping;
import dev.fulmar.interop.lab.Pki;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The gateway reached over IPv6: {@code fulmard run} with a profile whose gateway is
 * 2001:db8::1 runs IKE (500, then 4500) and ESP-in-UDP over IPv6 to strongSwan 5.9.8, and both
 * families go through the tunnel inside it, full or split. The tunnel MTU accounts for the 20 bytes an IPv6
 * header adds over IPv4's; the gateway stays reachable outside a full tunnel through a host route
 * over its original next hop, which disconnect removes with everything else, and which
 * {@code fulmard cleanup} removes after a {@code kill -9}.
 */
class Ipv6OuterIT {
  static final Pki PKI = Pki.shared();
  /**
   * The tunnel MTU for AES-GCM-16-256 over a 1500-byte IPv6 path: 1500 - 40 (IPv6) - 8 (UDP) -
   * 8 (ESP header) - 8 (IV) - 16 (ICV) = 1420, less the 2 bytes of padding length and next header,
   * rounded down to ESP's 4-byte alignment: 1416 + 2 = 1418 bytes of inner packet. (The same
   * transform over IPv4 gives 1438, as the IPv4 tunnel tests show.)
   */
  static final int MTU_OVER_IPV6 = 1418;
  @RegisterExtension
  static final FulmardRunLab LAB = FulmardRunLab.dualStack("ipv6-outer", PKI)
      .expectingNoSaAfterEachTest();

  @Test
  void fullTunnelToAnIpv6GatewayCarriesBothFamilies() {
    PacketCapture capture = LAB.lab().capture(LAB.lab().client(), "c0", "udp");
    LabProcess run = LAB.fulmard().start(LAB.fulmard().profile("outer6", Lab.GATEWAY_IP6,
        Lab.GATEWAY_NAME, "{ \"mode\": \"full\" }"));
    try {
      String up = LAB.fulmard().awaitUp(run, Duration.ofSeconds(90));
      assertThat(FulmardRun.read(run.log()))
          .contains("CONNECTING: to " + Lab.GATEWAY_IP6 + " from " + Lab.CLIENT_IP6);
      assertThat(up).contains("all traffic").contains("mtu " + MTU_OVER_IPV6 + ",");
      String device = Ipv6InsideIpv4IT.device(up);
      assertThat(LAB.lab().client().exec("ip", "-6", "route", "get", Lab.GATEWAY_IP6).stdout())
          .as("the gateway stays outside the tunnel").contains("dev c0")
          .doesNotContain(device);
      assertThat(LAB.lab().client().exec("ip", "-6", "route", "get", Lab.LAN_HOST_IP6).stdout())
          .contains("dev " + device);

      Ping.Result v6 = Ping.to(Lab.LAN_HOST_IP6).count(3).run(LAB.lab().client());
      assertThat(v6.allReceived()).as(v6.output() + "\n" + run.logTail(20)).isTrue();
      Ping.Result v4 = Ping.to(Lab.LAN_HOST_IP).count(3).run(LAB.lab().client());
      assertThat(v4.allReceived()).as(v4.output() + "\n" + run.logTail(20)).isTrue();

      IkeSa sa = LAB.gateway().awaitSa(IkeSa::established, Duration.ofSeconds(5)).orElseThrow();
      assertThat(sa.localHost()).isEqualTo(Lab.GATEWAY_IP6);
      assertThat(sa.remoteHost()).isEqualTo(Lab.CLIENT_IP6);
      assertThat(sa.remotePort()).as("IKE moved to NAT-T").isNotEqualTo(500);
      assertThat(sa.children().get(0).packetsIn()).as("ESP the gateway received")
          .isGreaterThanOrEqualTo(6);
    } finally {
      LAB.stopAndCompare(run);
      capture.stop();
    }
    assertThat(capture.count("ipv6 && udp.port == 500 && isakmp")).as("IKE_SA_INIT over IPv6")
        .isGreaterThanOrEqualTo(2);
    assertThat(capture.count("ipv6 && udp.port == 4500 && esp")).as("ESP in UDP over IPv6")
        .isGreaterThanOrEqualTo(12);
    assertThat(capture.count("ip && (udp.port == 500 || udp.port == 4500)"))
        .as("nothing over IPv4 outside").isZero();
  }

  @Test
  void splitTunnelToAnIpv6GatewayRoutesOnlyTheLans() {
    LabProcess run = LAB.fulmard().start(LAB.fulmard().profile("outer6-split", Lab.GATEWAY_IP6,
        Lab.GATEWAY_NAME, "{ \"mode\": \"split\", \"include\": [ \"" + Lab.LAN_SUBNET
            + "\", \"" + Lab.LAN_SUBNET6 + "\" ] }"));
    try {
      String up = LAB.fulmard().awaitUp(run, Duration.ofSeconds(90));
      assertThat(up).contains("routes [" + Lab.LAN_SUBNET + ", " + Lab.LAN_SUBNET6 + "]");
      String device = Ipv6InsideIpv4IT.device(up);
      assertThat(LAB.lab().client().exec("ip", "-6", "route").stdout().lines())
          .as("a split tunnel needs no host route to the gateway")
          .noneMatch(route -> route.startsWith(Lab.GATEWAY_IP6 + " "));
      Ping.Result v6 = Ping.to(Lab.LAN_HOST_IP6).count(3).run(LAB.lab().client());
      assertThat(v6.allReceived()).as(v6.output() + "\n" + run.logTail(20)).isTrue();
      Ping.Result v4 = Ping.to(Lab.LAN_HOST_IP).count(3).run(LAB.lab().client());
      assertThat(v4.allReceived()).as(v4.output() + "\n" + run.logTail(20)).isTrue();
      assertThat(LAB.lab().client().exec("ip", "-6", "route", "get", Ipv6InsideIpv4IT.ELSEWHERE6)
          .stdout()).doesNotContain(device);
      IkeSa sa = LAB.gateway().awaitSa(IkeSa::established, Duration.ofSeconds(5)).orElseThrow();
      assertThat(sa.remoteHost()).isEqualTo(Lab.CLIENT_IP6);
      assertThat(sa.children().get(0).localTs()).contains(Lab.LAN_SUBNET, Lab.LAN_SUBNET6);
    } finally {
      LAB.stopAndCompare(run);
    }
  }

  @Test
  void afterKillMinus9CleanupRemovesTheIpv6HostRouteToTheGateway() {
    LabProcess run = LAB.fulmard().start(LAB.fulmard().profile("outer6-crash", Lab.GATEWAY_IP6,
        Lab.GATEWAY_NAME, "{ \"mode\": \"full\" }"));
    try {
      LAB.fulmard().awaitUp(run, Duration.ofSeconds(90));
    } finally {
      run.kill();
    }
    assertThat(LAB.lab().client().exec("ip", "-6", "route").stdout().lines())
        .as("the host route to the gateway outlives the process")
        .anyMatch(route -> route.startsWith(Lab.GATEWAY_IP6 + " dev c0"));
    assertThat(FulmardRun.nameservers(LAB.fulmard().systemState()))
        .as("so does the pushed DNS server").contains(FulmardRun.address(Lab.PUSHED_DNS6));

    assertThat(LAB.fulmard().cleanup()).contains("undone: ");
    assertThat(LAB.fulmard().systemState()).isEqualTo(LAB.before());
    assertThat(LAB.fulmard().cleanup()).contains("nothing to clean up");
    // the killed client never said goodbye
    LAB.gateway().swanctl("--terminate", "--ike", "eap-mschapv2", "--force");
  }
}
