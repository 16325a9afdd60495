package dev.fulmar.interop.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lab itself: isolation of the namespaces, the NAT, and cleanup on close, after a kill and of
 * namespaces left behind by a crashed run.
 */
class LabLifecycleIT {

  @Test
  void clientReachesTheGatewayButNotTheLanWithoutATunnel() {
    try (Lab lab = Lab.create("isolation")) {
      assertThat(lab.ping(lab.client(), Lab.GATEWAY_IP).allReceived()).isTrue();
      assertThat(lab.ping(lab.lanHost(), Lab.GATEWAY_LAN_IP).allReceived()).isTrue();
      Ping.Result lan = Ping.to(Lab.LAN_HOST_IP).count(1).waitFor(Duration.ofSeconds(1))
          .run(lab.client());
      assertThat(lan.received()).as("no path to the LAN outside a tunnel").isZero();
    }
  }

  @Test
  void natRouterMasqueradesTheClient() {
    try (Lab lab = Lab.createWithNat("masquerade")) {
      PacketCapture cap = lab.capture(lab.gateway(), "g0", "icmp");
      assertThat(lab.ping(lab.client(), Lab.GATEWAY_IP).allReceived()).isTrue();
      assertThat(cap.fields("icmp.type == 8", "ip.src"))
          .extracting(row -> row.get(0))
          .containsOnly(Lab.NAT_OUTSIDE_IP);
    }
  }

  @Test
  void javaCodeRunsInsideTheClientNamespace() throws Exception {
    try (Lab lab = Lab.create("in-process")) {
      InetSocketAddress clientAddr = new InetSocketAddress(Lab.CLIENT_IP, 0);
      assertThatThrownBy(() -> new DatagramSocket(clientAddr).close())
          .as("192.0.2.10 exists only in the client namespace")
          .isInstanceOf(BindException.class);

      try (DatagramSocket udp = lab.client().call(() -> new DatagramSocket(clientAddr));
          DatagramSocket echo = lab.gateway().call(() ->
              new DatagramSocket(new InetSocketAddress(Lab.GATEWAY_IP, 0)))) {
        echo.setSoTimeout(5000);
        udp.send(new DatagramPacket(new byte[] {42}, 1, echo.getLocalSocketAddress()));
        DatagramPacket got = new DatagramPacket(new byte[8], 8);
        echo.receive(got);
        assertThat(got.getAddress().getHostAddress()).isEqualTo(Lab.CLIENT_IP);
        assertThat(got.getData()[0]).isEqualTo((byte) 42);
      }
    }
  }

  @Test
  void closeStopsProcessesAndDeletesNamespaces() {
    Lab lab = Lab.create("close");
    LabProcess iperf = lab.startIperfServer();
    List<String> names = List.of(lab.client().name(), lab.gateway().name(),
        lab.lanHost().name());
    assertThat(LabRuns.listNamespaces()).containsAll(names);

    lab.close();

    assertThat(iperf.isAlive()).isFalse();
    assertThat(LabRuns.listNamespaces()).doesNotContainAnyElementsOf(names);
    assertThatThrownBy(() -> lab.startIperfServer()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void namespacesOfADeadRunAreRemoved() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    String stale = LabRuns.PREFIX + gone.pid() + "-1-1-client";
    Cmd.run("ip", "netns", "add", stale);
    Process sleeper = new ProcessBuilder("ip", "netns", "exec", stale, "sleep", "300").start();
    try {
      assertThat(LabRuns.ownerAlive(stale)).isFalse();
      LabRuns.cleanStale();
      assertThat(LabRuns.listNamespaces()).doesNotContain(stale);
      assertThat(sleeper.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    } finally {
      sleeper.destroyForcibly();
      Cmd.probe("ip", "netns", "delete", stale);
    }
  }

  @Test
  void namespacesOfThisRunAreNotStale() {
    try (Lab lab = Lab.create("alive")) {
      assertThat(LabRuns.ownerAlive(lab.gateway().name())).isTrue();
      LabRuns.cleanStale();
      assertThat(LabRuns.listNamespaces()).contains(lab.gateway().name());
    }
  }
}
