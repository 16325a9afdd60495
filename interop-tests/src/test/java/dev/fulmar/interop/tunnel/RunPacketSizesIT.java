package dev.fulmar.interop.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.fulmar.FulmardRunLab;
import dev.fulmar.interop.lab.Iperf3;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.LabProcess;
import dev.fulmar.interop.lab.PacketCapture;
import dev.fulmar.interop.lab.Ping;
import dev.fulmar.interop.lab.Pki;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Packet sizes through {@code fulmard run}: 1400-byte pings with DF set fit the tunnel MTU,
 * 3000-byte pings are fragmented and reassembled, and a TCP connection whose MSS would not fit
 * the tunnel has it clamped in both directions (captures on both sides of the tunnel prove it).
 */
class RunPacketSizesIT {
  private static final Pki PKI = Pki.shared();
  private static final Pattern UP = Pattern.compile("UP: (\\S+) .* mtu (\\d+),");
  @RegisterExtension
  static final FulmardRunLab LAB = FulmardRunLab.ipv4("run-sizes", PKI).withIperfServer();

  @Test
  void largePingsPassAndTcpMssIsClampedToTheTunnel() {
    String before = LAB.fulmard().systemState();
    LabProcess run = LAB.fulmard().start(LAB.fulmard().profile("sizes", false, "aes256gcm16"));
    try {
      checkSizes(run);
    } finally {
      run.stop(Duration.ofSeconds(30));
    }
    assertThat(LAB.fulmard().systemState()).isEqualTo(before);
  }

  private static void checkSizes(LabProcess run) {
    Matcher up = UP.matcher(LAB.fulmard().awaitUp(run, Duration.ofSeconds(90)));
    assertThat(up.find()).isTrue();
    String tun = up.group(1);
    int maxMss = Integer.parseInt(up.group(2)) - 40;

    Ping.Result df = Ping.to(Lab.LAN_HOST_IP).count(3).size(1400).dontFragment()
        .run(LAB.lab().client());
    assertThat(df.allReceived()).as(df.output()).isTrue();
    Ping.Result big = Ping.to(Lab.LAN_HOST_IP).count(3).size(3000).run(LAB.lab().client());
    assertThat(big.allReceived()).as(big.output()).isTrue();

    // The client's kernel would use the tunnel MTU; make it announce 1460 as a host whose
    // route MTU is wrong would, so that only Fulmar's clamping can make the SYN fit.
    LAB.lab().client().exec("ip", "route", "replace", Lab.LAN_SUBNET, "dev", tun, "advmss", "1460");
    PacketCapture inTunnel = LAB.lab().capture(LAB.lab().client(), tun, "tcp port 5201");
    PacketCapture atLan = LAB.lab().capture(LAB.lab().lanHost(), "l0", "tcp port 5201");
    Iperf3.client(Lab.LAN_HOST_IP).seconds(1).run(LAB.lab().client());
    LAB.lab().client().exec("ip", "route", "replace", Lab.LAN_SUBNET, "dev", tun);

    String syn = "tcp.flags.syn == 1 && tcp.flags.ack == 0";
    String synAck = "tcp.flags.syn == 1 && tcp.flags.ack == 1";
    assertThat(mss(inTunnel, syn)).as("SYN as the client sent it").contains(1460);
    assertThat(mss(atLan, syn)).as("SYN at the LAN host").isNotEmpty()
        .allSatisfy(m -> assertThat(m).isLessThanOrEqualTo(maxMss));
    assertThat(mss(atLan, synAck)).as("SYN-ACK as the LAN host sent it").contains(1460);
    assertThat(mss(inTunnel, synAck)).as("SYN-ACK delivered to the client").isNotEmpty()
        .allSatisfy(m -> assertThat(m).isLessThanOrEqualTo(maxMss));
  }

  private static List<Integer> mss(PacketCapture capture, String filter) {
    return capture.fields(filter, "tcp.options.mss_val").stream()
        .map(row -> Integer.parseInt(row.get(0))).toList();
  }
}
