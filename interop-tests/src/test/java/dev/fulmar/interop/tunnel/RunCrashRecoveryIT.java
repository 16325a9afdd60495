package dev.fulmar.interop.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.fulmar.FulmardRun;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.LabProcess;
import dev.fulmar.interop.lab.Ping;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanGateway;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of a full-tunnel {@code fulmard run} leaves the host route to the gateway and
 * the rewritten resolv.conf behind (the kernel removes the TUN device with its routes and
 * addresses); a fresh {@code fulmard run}, or {@code fulmard cleanup}, removes that residue from
 * the journal, and the namespace then looks exactly as before the first run.
 */
class RunCrashRecoveryIT {
  private static final Pki PKI = Pki.shared();
  private static Lab lab;
  private static FulmardRun fulmard;

  @BeforeAll
  static void start() {
    lab = Lab.create("run-crash");
    // A new IKE SA of the same user replaces the one the killed client left at the gateway.
    StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI)
        .connOption("unique", "replace").build());
    fulmard = new FulmardRun(lab, PKI);
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void aFreshRunAfterKillMinus9RemovesTheResidue() {
    String before = fulmard.systemState();
    Path profile = fulmard.profile("crash-then-run", true, null);
    killedWhileUp(profile, before);

    LabProcess second = fulmard.start(profile);
    try {
      fulmard.awaitUp(second, Duration.ofSeconds(90));
      assertThat(FulmardRun.read(second.log()))
          .contains("CLEANUP: undid what an earlier run left");
      Ping.Result ping = Ping.to(Lab.LAN_HOST_IP).count(3).run(lab.client());
      assertThat(ping.allReceived()).as(ping.output()).isTrue();
    } finally {
      second.stop(Duration.ofSeconds(30));
    }
    assertThat(fulmard.systemState()).isEqualTo(before);
  }

  @Test
  void cleanupAfterKillMinus9RemovesTheResidue() {
    String before = fulmard.systemState();
    killedWhileUp(fulmard.profile("crash-then-cleanup", true, null), before);

    String out = fulmard.cleanup();
    assertThat(out).contains("undone: ");
    assertThat(fulmard.systemState()).isEqualTo(before);
    assertThat(fulmard.cleanup()).contains("nothing to clean up");
  }

  @Test
  void sigtermWhileConnectingCancelsAndLeavesNothingBehind() {
    String before = fulmard.systemState();
    // Nothing answers at this address of the client's own subnet: the handshake hangs.
    LabProcess run = fulmard.start(fulmard.profile("unanswered", "192.0.2.99", true, null));
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!FulmardRun.read(run.log()).contains("CONNECTING:") && run.isAlive()
          && System.nanoTime() < deadline) {
        FulmardRun.sleep(100);
      }
      assertThat(FulmardRun.read(run.log())).contains("CONNECTING:");
      assertThat(lab.client().exec("ip", "link").stdout()).contains("fulmar0");
    } finally {
      run.stop(Duration.ofSeconds(30));
    }
    String log = FulmardRun.read(run.log());
    assertThat(log).contains("connection was cancelled").contains("DOWN: system restored")
        .doesNotContain("UP:");
    assertThat(fulmard.systemState()).isEqualTo(before);
    assertThat(fulmard.cleanup()).contains("nothing to clean up");
  }

  /** Brings a full tunnel up, kills it with SIGKILL, and checks what it left behind. */
  private static void killedWhileUp(Path profile, String before) {
    LabProcess run = fulmard.start(profile);
    try {
      fulmard.awaitUp(run, Duration.ofSeconds(90));
      assertThat(fulmard.systemState()).isNotEqualTo(before);
    } finally {
      run.kill();
    }
    String residue = fulmard.systemState();
    assertThat(residue).as("the pushed DNS server stays in resolv.conf")
        .contains("nameserver " + Lab.PUSHED_DNS);
    assertThat(lab.client().exec("ip", "-4", "route").stdout())
        .as("the host route to the gateway stays").contains(Lab.GATEWAY_IP + " dev c0");
    assertThat(lab.client().exec("ip", "addr").stdout()).as("the kernel removed the device")
        .doesNotContain("fulmar0");
  }
}
