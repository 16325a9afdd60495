package dev.fulmar.interop.ipv6;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.fulmar.FulmardRun;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.Iperf3;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.LabProcess;
import dev.fulmar.interop.lab.PacketCapture;
import dev.fulmar.interop.lab.Ping;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanGateway;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * IPv6 packet sizes through one {@code fulmard run} split tunnel (IPv6 inside IPv4): a packet of
 * exactly the tunnel MTU passes with fragmentation forbidden; one byte more is refused by the
 * client's kernel, which knows the TUN MTU; with a TUN MTU set too large by hand, the data path
 * itself answers ICMPv6 "packet too big" with the tunnel MTU (RFC 4443 §3.2), and the pings then
 * pass; 3000-byte pings are fragmented by the sender (IPv6 routers never fragment) and
 * reassembled; a TCP SYN's MSS that would not fit is clamped to the tunnel MTU less 60 bytes, in
 * both directions. After disconnect the namespace is as before.
 */
class Ipv6PacketSizesIT {
  private static final Pki PKI = Pki.shared();
  private static final Pattern UP = Pattern.compile("UP: (\\S+) .* mtu (\\d+),");
  /** IPv6 header (40) plus ICMPv6 echo header (8) around ping's payload. */
  private static final int PING6_OVERHEAD = 48;
  private static Lab lab;
  private static FulmardRun fulmard;
  private static LabProcess run;
  private static String before;
  private static String tun;
  private static int mtu;

  @BeforeAll
  static void start() {
    lab = Lab.createDualStack("ipv6-sizes");
    StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI).dualStack().build());
    lab.startIperfServer();
    fulmard = new FulmardRun(lab, PKI);
    before = fulmard.systemState();
    run = fulmard.start(fulmard.split("sizes6", Lab.LAN_SUBNET6));
    Matcher up = UP.matcher(fulmard.awaitUp(run, Duration.ofSeconds(90)));
    assertThat(up.find()).isTrue();
    tun = up.group(1);
    mtu = Integer.parseInt(up.group(2));
    // The gateway's own tunnel device (strongSwan's ipsec0, MTU 1400) is smaller than this tunnel:
    // the first reply larger than that teaches the LAN host the path MTU (ICMPv6 packet too big
    // from the gateway) and is lost. Do that once here, so that every test sees the steady state.
    Ping.to(Lab.LAN_HOST_IP6).count(1).size(3000).run(lab.client());
    assertThat(lab.lanHost().exec("ip", "-6", "route", "get", "2001:db8:201::1").stdout())
        .as("the LAN host learned the gateway's path MTU").contains("mtu 1400");
  }

  @AfterAll
  static void stop() {
    try {
      if (run != null) {
        run.stop(Duration.ofSeconds(30));
        assertThat(FulmardRun.read(run.log())).contains("DOWN: system restored");
        assertThat(fulmard.systemState()).isEqualTo(before);
      }
    } finally {
      if (lab != null) {
        lab.close();
      }
    }
  }

  @Test
  void aPacketOfExactlyTheTunnelMtuPassesAndOneByteMoreIsRefusedLocally() {
    Ping.Result fits = Ping.to(Lab.LAN_HOST_IP6).count(3).size(mtu - PING6_OVERHEAD)
        .dontFragment().run(lab.client());
    assertThat(fits.allReceived()).as(fits.output() + run.logTail(10)).isTrue();

    Ping.Result over = Ping.to(Lab.LAN_HOST_IP6).count(1).size(mtu - PING6_OVERHEAD + 1)
        .dontFragment().run(lab.client());
    assertThat(over.received()).isZero();
    assertThat(over.localTooBigMtu()).as(over.output()).hasValue(mtu);
  }

  @Test
  void theDataPathAnswersPacketTooBigWhenTheTunMtuIsWrong() {
    String route = lab.client().exec("ip", "-6", "route", "show", Lab.LAN_SUBNET6).stdout();
    lab.client().exec("ip", "link", "set", "dev", tun, "mtu", "1500");
    try {
      Ping.Result first = Ping.to(Lab.LAN_HOST_IP6).count(2).size(1400).dontFragment()
          .run(lab.client());
      assertThat(first.packetTooBigMtu()).as("ICMPv6 packet too big from the tunnel: "
          + first.output()).hasValue(mtu);
      assertThat(lab.client().exec("ip", "-6", "route", "get", Lab.LAN_HOST_IP6).stdout())
          .as("the kernel learned the path MTU").contains("mtu " + mtu);
      Ping.Result then = Ping.to(Lab.LAN_HOST_IP6).count(2).size(mtu - PING6_OVERHEAD)
          .dontFragment().run(lab.client());
      assertThat(then.allReceived()).as(then.output()).isTrue();
    } finally {
      lab.client().exec("ip", "link", "set", "dev", tun, "mtu", Integer.toString(mtu));
      assertThat(lab.client().exec("ip", "-6", "route", "show", Lab.LAN_SUBNET6).stdout())
          .isEqualTo(route);
    }
  }

  @Test
  void largePingsAreFragmentedBySenderAndReassembled() {
    Ping.Result big = Ping.to(Lab.LAN_HOST_IP6).count(3).size(3000).run(lab.client());
    assertThat(big.allReceived()).as(big.output() + run.logTail(10)).isTrue();
  }

  @Test
  void tcpMssIsClampedForIpv6() {
    int maxMss = mtu - 60;
    // Both kernels would fit their MSS to the path; make them announce 1440 as hosts whose
    // route MTU is wrong would, so that only Fulmar's clamping can make the SYNs fit.
    lab.client().exec("ip", "-6", "route", "replace", Lab.LAN_SUBNET6, "dev", tun,
        "advmss", "1440");
    lab.lanHost().exec("ip", "-6", "route", "add", Lab.POOL_SUBNET6, "via",
        Lab.GATEWAY_LAN_IP6, "dev", "l0", "advmss", "1440");
    PacketCapture inTunnel = lab.capture(lab.client(), tun, "ip6 and tcp port 5201");
    PacketCapture atLan = lab.capture(lab.lanHost(), "l0", "ip6 and tcp port 5201");
    try {
      Iperf3.client(Lab.LAN_HOST_IP6).seconds(1).run(lab.client());
    } finally {
      lab.client().exec("ip", "-6", "route", "replace", Lab.LAN_SUBNET6, "dev", tun);
      lab.lanHost().exec("ip", "-6", "route", "del", Lab.POOL_SUBNET6);
      inTunnel.stop();
      atLan.stop();
    }
    String syn = "tcp.flags.syn == 1 && tcp.flags.ack == 0";
    String synAck = "tcp.flags.syn == 1 && tcp.flags.ack == 1";
    assertThat(mss(inTunnel, syn)).as("SYN as the client sent it").contains(1440);
    assertThat(mss(atLan, syn)).as("SYN at the LAN host").isNotEmpty()
        .allSatisfy(m -> assertThat(m).isLessThanOrEqualTo(maxMss));
    assertThat(mss(atLan, synAck)).as("SYN-ACK as the LAN host sent it").contains(1440);
    assertThat(mss(inTunnel, synAck)).as("SYN-ACK delivered to the client").isNotEmpty()
        .allSatisfy(m -> assertThat(m).isLessThanOrEqualTo(maxMss));
  }

  private static List<Integer> mss(PacketCapture capture, String filter) {
    return capture.fields(filter, "tcp.options.mss_val").stream()
        .map(row -> Integer.parseInt(row.get(0))).toList();
  }
}
