package dev.fulmar.interop.reconnect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.fulmar.FulmardRun;
import dev.fulmar.interop.fulmar.ProfileOptions;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.LabProcess;
import dev.fulmar.interop.lab.Measurements;
import dev.fulmar.interop.lab.PacketCapture;
import dev.fulmar.interop.lab.Ping;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanGateway;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kill switch of a full-tunnel profile, proven on the client's uplink {@code c0} with
 * tcpdump: while the tunnel is up and while it is reconnecting (gateway killed), a packet to an
 * address outside the tunnel, sent straight out of {@code c0} ({@code ping -I c0}, which no
 * route can divert into the tunnel), never leaves; the device, routes and DNS stay while
 * reconnecting; the LAN exception lets the local network (here 192.168.77.0/24 on {@code c0})
 * through when the profile enables it and not otherwise; and after {@code kill -9} of a helper
 * with the kill switch on, the next start (or {@code fulmard cleanup}) puts nftables back exactly
 * as they were before the connect.
 */
class KillSwitchIT {
  private static final Pki PKI = Pki.shared();
  /** A host on the internet side: nothing may reach it outside the tunnel. */
  private static final String OUTSIDE = "203.0.113.80";
  /** The client's local network on its uplink, and a host in it (the gateway's namespace). */
  private static final String LAN_CLIENT = "192.168.77.10/24";
  private static final String LAN_PEER = "192.168.77.1";
  private static final int DPD_SECONDS = 5;
  private static Lab lab;
  private static StrongSwanGateway gateway;
  private static FulmardRun fulmard;
  private String before;

  @BeforeAll
  static void start() {
    lab = Lab.create("kill-switch");
    // A new IKE SA of the same user replaces one a killed client left at the gateway.
    gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI)
        .connOption("unique", "replace").build());
    lab.client().ip("addr", "add", LAN_CLIENT, "dev", "c0");
    lab.gateway().ip("addr", "add", LAN_PEER + "/24", "dev", "g0");
    fulmard = new FulmardRun(lab, PKI);
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  @BeforeEach
  void recordState() {
    if (!gateway.isRunning()) {
      gateway.restart();
    }
    before = fulmard.systemStateWithFirewall();
  }

  @AfterEach
  void nothingIsLeft() {
    assertThat(fulmard.systemStateWithFirewall()).as("routes, addresses, DNS and nftables as before")
        .isEqualTo(before);
  }

  @Test
  void nothingLeavesOutsideTheTunnelWhileUpOrReconnecting() {
    assertThat(leaked(() -> pingOutOfUplink(OUTSIDE)))
        .as("without the kill switch the probe does leave c0").isPositive();

    LabProcess run = fulmard.start(fulmard.profile("ks-block",
        ProfileOptions.fullTunnel().withKillSwitch().dpd(DPD_SECONDS)));
    try {
      String up = FulmardRun.awaitLine(run, "UP:", 1, Duration.ofSeconds(90));
      assertThat(up).contains("kill switch on");
      assertThat(fulmard.nftRuleset()).contains("table inet fulmar");
      assertThat(leaked(() -> pingOutOfUplink(OUTSIDE))).as("leaked while up").isZero();
      assertThat(leaked(() -> ping(LAN_PEER))).as("LAN without the exception").isZero();

      gateway.kill();
      long t0 = System.nanoTime();
      FulmardRun.awaitLine(run, "RECONNECTING:", 1, Duration.ofSeconds(120));
      Measurements.record("kill switch IT: gateway killed -> RECONNECTING ms",
          String.valueOf((System.nanoTime() - t0) / 1_000_000));
      assertThat(lab.client().exec("ip", "-4", "route").stdout())
          .as("routes stay while reconnecting").contains("0.0.0.0/1 dev fulmar0");
      assertThat(lab.client().exec("ip", "addr", "show", "fulmar0").stdout())
          .as("the device and its address stay").contains("inet 10.201.0.");
      assertThat(leaked(() -> {
        pingOutOfUplink(OUTSIDE);
        ping(OUTSIDE);
        ping(LAN_PEER);
      })).as("leaked while reconnecting").isZero();

      gateway.restart();
      FulmardRun.awaitLine(run, "UP:", 2, Duration.ofSeconds(120));
      Ping.Result p = Ping.to(Lab.LAN_HOST_IP).count(3).run(lab.client());
      assertThat(p.allReceived()).as(p.output() + "\n" + run.logTail(20)).isTrue();
    } finally {
      run.stop(Duration.ofSeconds(30));
    }
    assertThat(FulmardRun.read(run.log())).contains("DOWN: system restored");
    assertThat(fulmard.nftRuleset()).as("removed on disconnect")
        .doesNotContain("table inet fulmar");
  }

  @Test
  void theLanExceptionLetsTheLocalNetworkThroughAndNothingElse() {
    LabProcess run = fulmard.start(fulmard.profile("ks-lan",
        ProfileOptions.fullTunnel().withKillSwitchAndLan()));
    try {
      FulmardRun.awaitLine(run, "UP:", 1, Duration.ofSeconds(90));
      Ping.Result lan = Ping.to(LAN_PEER).count(3).run(lab.client());
      assertThat(lan.allReceived()).as(lan.output()).isTrue();
      assertThat(leaked(() -> pingOutOfUplink(OUTSIDE))).isZero();
      Ping.Result tunnel = Ping.to(Lab.LAN_HOST_IP).count(3).run(lab.client());
      assertThat(tunnel.allReceived()).as(tunnel.output()).isTrue();
    } finally {
      run.stop(Duration.ofSeconds(30));
    }
    assertThat(fulmard.nftRuleset()).as("removed on disconnect")
        .doesNotContain("table inet fulmar");
  }

  @Test
  void afterKillMinus9TheNextStartPutsNftablesBackAsBefore() {
    String nftBefore = fulmard.nftRuleset();
    Path profile = fulmard.profile("ks-crash", ProfileOptions.fullTunnel()
        .withKillSwitch());
    LabProcess first = fulmard.start(profile);
    try {
      FulmardRun.awaitLine(first, "UP:", 1, Duration.ofSeconds(90));
    } finally {
      first.kill();
    }
    assertThat(fulmard.nftRuleset()).as("a killed helper fails closed: the table stays")
        .contains("table inet fulmar");
    assertThat(leaked(() -> pingOutOfUplink(OUTSIDE))).as("leaked after the crash").isZero();

    LabProcess second = fulmard.start(profile);
    try {
      FulmardRun.awaitLine(second, "UP:", 1, Duration.ofSeconds(90));
      assertThat(FulmardRun.read(second.log()))
          .contains("CLEANUP: undid what an earlier run left behind").contains("nft.delete");
    } finally {
      second.kill();
    }
    assertThat(fulmard.cleanup()).contains("undone: ");
    assertThat(fulmard.nftRuleset()).isEqualTo(nftBefore);
  }

  /** Runs {@code probe} while capturing on c0; the ICMP packets to the probed hosts seen. */
  private static int leaked(Runnable probe) {
    PacketCapture cap = lab.capture(lab.client(), "c0",
        "icmp and (host " + OUTSIDE + " or host " + LAN_PEER + ")");
    try {
      probe.run();
    } finally {
      cap.stop();
    }
    return cap.count("icmp.type == 8");
  }

  /** A ping bound to the uplink (SO_BINDTODEVICE): routes cannot take it into the tunnel. */
  private static void pingOutOfUplink(String host) {
    lab.client().probe(Duration.ofSeconds(15), "ping", "-n", "-c", "2", "-i", "0.2", "-W", "1",
        "-I", "c0", host);
  }

  private static void ping(String host) {
    lab.client().probe(Duration.ofSeconds(15), "ping", "-n", "-c", "2", "-i", "0.2", "-W", "1",
        host);
  }
}
