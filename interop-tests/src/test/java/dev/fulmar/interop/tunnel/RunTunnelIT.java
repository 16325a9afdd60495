package dev.fulmar.interop.tunnel;

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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code fulmard run} against strongSwan 5.9.8, driven as a user would: a child process in the
 * client namespace. For every ESP proposal, split and full tunnel: ping, iperf3 TCP and UDP to the
 * LAN host through the tunnel, the pushed DNS server in the namespace's resolv.conf while up, and
 * after SIGTERM the routes, addresses and resolver exactly as before and no SA at the gateway.
 * When the gateway ends the tunnel, {@code fulmard run} restores the system and exits 10.
 */
class RunTunnelIT {
  static final Pki PKI = Pki.shared();
  /** swanctl's names of the ESP proposals the issue names. */
  static final Map<String, String> GATEWAY_NAMES = Map.of(
      "aes256gcm16", "AES_GCM_16-256",
      "aes128gcm16", "AES_GCM_16-128",
      "chacha20poly1305", "CHACHA20_POLY1305",
      "aes256-sha256", "AES_CBC-256/HMAC_SHA2_256_128");
  @RegisterExtension
  static final FulmardRunLab LAB = FulmardRunLab.ipv4("run-tunnel", PKI).withIperfServer()
      .expectingNoSaAfterEachTest();

  @ParameterizedTest(name = "split tunnel, {0}")
  @ValueSource(strings = {"aes256gcm16", "aes128gcm16", "chacha20poly1305", "aes256-sha256"})
  void splitTunnel(String esp) {
    LabProcess run = LAB.fulmard().start(LAB.fulmard().profile("split-" + esp, false, esp));
    try {
      String up = LAB.fulmard().awaitUp(run, Duration.ofSeconds(90));
      assertThat(up).contains("routes [" + Lab.LAN_SUBNET + "]");
      assertThat(FulmardRun.resolvConfOf(run)).contains("nameserver " + Lab.PUSHED_DNS);
      assertThat(LAB.lab().client().exec("ip", "route", "get", Lab.LAN_HOST_IP).stdout())
          .contains("dev fulmar");

      trafficFlows(run, esp, "split");
    } finally {
      LAB.stopAndCompare(run);
    }
  }

  @ParameterizedTest(name = "full tunnel, {0}")
  @ValueSource(strings = {"aes256gcm16", "aes128gcm16", "chacha20poly1305", "aes256-sha256"})
  void fullTunnel(String esp) {
    LabProcess run = LAB.fulmard().start(LAB.fulmard().profile("full-" + esp, true, esp));
    try {
      String up = LAB.fulmard().awaitUp(run, Duration.ofSeconds(90));
      assertThat(up).contains("all traffic");
      String resolv = FulmardRun.resolvConfOf(run);
      assertThat(resolv).contains("nameserver " + Lab.PUSHED_DNS);
      assertThat(resolv.lines().filter(l -> l.startsWith("nameserver")))
          .as("a full tunnel sends every query through the tunnel").hasSize(1);
      assertThat(LAB.lab().client().exec("ip", "route", "get", "203.0.113.80").stdout())
          .contains("dev fulmar");
      assertThat(LAB.lab().client().exec("ip", "route", "get", Lab.GATEWAY_IP).stdout())
          .doesNotContain("fulmar");

      trafficFlows(run, esp, "full");
    } finally {
      LAB.stopAndCompare(run);
    }
  }

  @Test
  void whenTheGatewayEndsTheTunnelTheSystemIsRestoredAndRunExits10() {
    LabProcess run = LAB.fulmard().start(LAB.fulmard().profile("ended-by-gateway", true, null));
    try {
      LAB.fulmard().awaitUp(run, Duration.ofSeconds(90));
      LAB.gateway().swanctl("--terminate", "--ike", "eap-mschapv2", "--timeout", "10");
      assertThat(run.waitFor(Duration.ofSeconds(60))).as(run.logTail(20)).isTrue();
      assertThat(run.exitValue()).isEqualTo(10);
      assertThat(FulmardRun.read(run.log()))
          .contains("DISCONNECTING: the gateway closed the connection")
          .contains("DOWN: system restored");
    } finally {
      run.stop(Duration.ofSeconds(30));
    }
    assertThat(LAB.fulmard().systemState()).isEqualTo(LAB.before());
  }

  /** Ping, iperf3 TCP and UDP to the LAN host; the gateway shows the proposal and the bytes. */
  private static void trafficFlows(LabProcess run, String esp, String mode) {
    Ping.Result ping = Ping.to(Lab.LAN_HOST_IP).count(3).run(LAB.lab().client());
    assertThat(ping.allReceived()).as(ping.output() + "\n" + run.logTail(20)).isTrue();

    Iperf3.Result tcp = Iperf3.client(Lab.LAN_HOST_IP).seconds(3).run(LAB.lab().client());
    assertThat(tcp.receivedBitsPerSecond()).as("TCP through the tunnel").isGreaterThan(1e6);
    Iperf3.Result udp = Iperf3.client(Lab.LAN_HOST_IP).seconds(3).udp("50M")
        .run(LAB.lab().client());
    assertThat(udp.receivedBitsPerSecond()).as("UDP through the tunnel").isGreaterThan(1e6);
    assertThat(udp.lostPercent()).as("UDP loss at 50 Mbit/s").isLessThan(20.0);
    Measurements.record("fulmard run " + mode + " " + esp + " iperf3 TCP Mbit/s",
        String.format("%.0f", tcp.receivedBitsPerSecond() / 1e6));

    IkeSa sa = LAB.gateway().awaitSa(IkeSa::established, Duration.ofSeconds(5)).orElseThrow();
    ChildSa child = sa.children().get(0);
    assertThat(child.proposal()).isEqualTo(GATEWAY_NAMES.get(esp));
    assertThat(child.bytesIn()).as("ESP bytes the gateway received").isGreaterThan(1_000_000);
  }
}
