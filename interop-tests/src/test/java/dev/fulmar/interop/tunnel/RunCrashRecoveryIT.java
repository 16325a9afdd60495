package dev.fulmar.interop.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.fulmar.FulmardRun;
import dev.fulmar.interop.fulmar.FulmardRunLab;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.LabProcess;
import dev.fulmar.interop.lab.Ping;
import dev.fulmar.interop.lab.Pki;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code kill -9} of a full-tunnel {@code fulmard run} leaves the host route to the gateway and
 * the rewritten resolv.conf behind (the kernel removes the TUN device with its routes and
 * addresses); a fresh {@code fulmard run}, or {@code fulmard cleanup}, removes that residue from
 * the journal, and the namespace then looks exactly as before the first run.
 */
class RunCrashRecoveryIT {
  private static final Pki PKI = Pki.shared();
  /** A new IKE SA of the same user replaces the one the killed client left at the gateway. */
  @RegisterExtension
  static final FulmardRunLab LAB = FulmardRunLab.ipv4("run-crash", PKI)
      .withGateway(c -> c.connOption("unique", "replace"));

  @Test
  void aFreshRunAfterKillMinus9RemovesTheResidue() {
    String before = LAB.fulmard().systemState();
    Path profile = LAB.fulmard().profile("crash-then-run", true, null);
    killedWhileUp(profile, before);

    LabProcess second = LAB.fulmard().start(profile);
    try {
      LAB.fulmard().awaitUp(second, Duration.ofSeconds(90));
      assertThat(FulmardRun.read(second.log()))
          .contains("CLEANUP: undid what an earlier run left");
      Ping.Result ping = Ping.to(Lab.LAN_HOST_IP).count(3).run(LAB.lab().client());
      assertThat(ping.allReceived()).as(ping.output()).isTrue();
    } finally {
      second.stop(Duration.ofSeconds(30));
    }
    assertThat(LAB.fulmard().systemState()).isEqualTo(before);
  }

  @Test
  void cleanupAfterKillMinus9RemovesTheResidue() {
    String before = LAB.fulmard().systemState();
    killedWhileUp(LAB.fulmard().profile("crash-then-cleanup", true, null), before);

    String out = LAB.fulmard().cleanup();
    assertThat(out).contains("undone: ");
    assertThat(LAB.fulmard().systemState()).isEqualTo(before);
    assertThat(LAB.fulmard().cleanup()).contains("nothing to clean up");
  }

  @Test
  void sigtermWhileConnectingCancelsAndLeavesNothingBehind() {
    String before = LAB.fulmard().systemState();
    // Nothing answers at this address of the client's own subnet: the handshake hangs.
    LabProcess run = LAB.fulmard().start(
        LAB.fulmard().profile("unanswered", "192.0.2.99", true, null));
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!FulmardRun.read(run.log()).contains("CONNECTING:") && run.isAlive()
          && System.nanoTime() < deadline) {
        FulmardRun.sleep(100);
      }
      assertThat(FulmardRun.read(run.log())).contains("CONNECTING:");
      assertThat(LAB.lab().client().exec("ip", "link").stdout()).contains("fulmar0");
    } finally {
      run.stop(Duration.ofSeconds(30));
    }
    String log = FulmardRun.read(run.log());
    assertThat(log).contains("connection was cancelled").contains("DOWN: system restored")
        .doesNotContain("UP:");
    assertThat(LAB.fulmard().systemState()).isEqualTo(before);
    assertThat(LAB.fulmard().cleanup()).contains("nothing to clean up");
  }

  /** Brings a full tunnel up, kills it with SIGKILL, and checks what it left behind. */
  private static void killedWhileUp(Path profile, String before) {
    LabProcess run = LAB.fulmard().start(profile);
    try {
      LAB.fulmard().awaitUp(run, Duration.ofSeconds(90));
      assertThat(LAB.fulmard().systemState()).isNotEqualTo(before);
    } finally {
      run.kill();
    }
    String residue = LAB.fulmard().systemState();
    assertThat(residue).as("the pushed DNS server stays in resolv.conf")
        .contains("nameserver " + Lab.PUSHED_DNS);
    assertThat(LAB.lab().client().exec("ip", "-4", "route").stdout())
        .as("the host route to the gateway stays").contains(Lab.GATEWAY_IP + " dev c0");
    assertThat(LAB.lab().client().exec("ip", "addr").stdout()).as("the kernel removed the device")
        .doesNotContain("fulmar0");
  }
}
