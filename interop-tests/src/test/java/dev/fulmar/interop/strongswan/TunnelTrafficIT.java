package dev.fulmar.interop.strongswan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.lab.ClientConfig;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.Handshake;
import dev.fulmar.interop.lab.IkeSa;
import dev.fulmar.interop.lab.Iperf3;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.Measurements;
import dev.fulmar.interop.lab.Ping;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanClient;
import dev.fulmar.interop.lab.StrongSwanGateway;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Traffic through strongSwan's own client and gateway, the baseline that Fulmar's data path is
 * measured against: handshake times, ping and iperf3 through the split tunnel, and the full
 * tunnel.
 */
class TunnelTrafficIT {
  private static final Pki PKI = Pki.shared();
  private static Lab lab;
  private static StrongSwanGateway gateway;
  private static StrongSwanClient client;

  @BeforeAll
  static void start() {
    lab = Lab.create("tunnel-traffic");
    gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI).build());
    client = StrongSwanClient.start(lab, ClientConfig.eapMschapv2(PKI)
        .ikeProposals("aes128gcm16-prfsha256-curve25519").espProposals("aes128gcm16").build());
    lab.startIperfServer();
  }

  @AfterAll
  static void closeLab() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void handshakeBaseline() {
    List<Handshake> runs = client.repeatHandshakes("lan", 20);
    Measurements.record("strongSwan 5.9.8 client handshake (EAP-MSCHAPv2, "
        + "aes128gcm16-prfsha256-curve25519, virtual IP + DNS)", Measurements.summarize(runs));
    assertThat(runs).allMatch(Handshake::success);
  }

  @Test
  void splitTunnelCarriesPingAndIperf() {
    client.initiate("lan");
    try {
      Ping.Result big = Ping.to(Lab.LAN_HOST_IP).count(3).size(1300).run(lab.client());
      assertThat(big.allReceived()).as(big.output()).isTrue();

      Iperf3.Result tcp = Iperf3.client(Lab.LAN_HOST_IP).seconds(3).run(lab.client());
      Iperf3.Result udp = Iperf3.client(Lab.LAN_HOST_IP).seconds(2).udp("50M").run(lab.client());
      Measurements.record("strongSwan 5.9.8 tunnel iperf3 TCP aes128gcm16",
          String.format(Locale.ROOT, "%.0f Mbit/s received, %d retransmits",
              tcp.receivedBitsPerSecond() / 1e6, tcp.retransmits()));
      assertThat(tcp.receivedBitsPerSecond()).isPositive();
      assertThat(udp.lostPercent()).isLessThan(50);

      IkeSa sa = gateway.awaitSa(IkeSa::established, Duration.ofSeconds(2)).orElseThrow();
      assertThat(sa.child("lan").bytesIn()).isGreaterThan(1_000_000);
    } finally {
      client.terminateAll();
    }
  }

  @Test
  void fullTunnelReachesLanAndKeepsTheGatewayReachable() {
    client.initiate("full");
    try {
      IkeSa mine = client.listSas().get(0);
      assertThat(mine.child("full").remoteTs()).containsExactly("0.0.0.0/0");
      Ping.Result lan = Ping.to(Lab.LAN_HOST_IP).count(2).run(lab.client());
      assertThat(lan.allReceived()).as(lan.output()).isTrue();
      Ping.Result gw = Ping.to(Lab.GATEWAY_LAN_IP).count(2).run(lab.client());
      assertThat(gw.allReceived()).as(gw.output()).isTrue();
    } finally {
      client.terminateAll();
    }
  }
}
