package dev.fulmar.interop.reconnect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.fulmar.FulmardRun;
import dev.fulmar.interop.fulmar.ProfileOptions;
import dev.fulmar.interop.lab.Cmd;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.IkeSa;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.LabProcess;
import dev.fulmar.interop.lab.Measurements;
import dev.fulmar.interop.lab.Ping;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanGateway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a closed laptop lid does to a tunnel, against the real strongSwan 5.9.8 gateway: {@code
 * fulmard run} is frozen (SIGSTOP) with the tunnel up for longer than the gateway's dead-peer
 * detection takes to give up on it, the gateway clears the IKE and CHILD SAs ({@code swanctl
 * --list-sas} shows none), then the helper runs again (SIGCONT). Without anyone asking, the helper
 * finds out that the gateway forgot it, says so ({@code RECONNECTING}), negotiates a new IKE SA
 * and traffic to the LAN host flows again, within a bound; the time from SIGCONT to {@code UP} and
 * to the first answered ping goes to {@code measurements.txt}. Run once with MOBIKE (the check is
 * UPDATE_SA_ADDRESSES) and once without (an empty INFORMATIONAL).
 *
 * <p>What it proves: the helper recovers by itself from a freeze that outlived its SAs at the
 * gateway, through its liveness path: the wake-up is noticed from the tunnel loop's own timer
 * firing late (the monotonic clock ran on while the process did not, {@code SleepDetector}), the
 * gateway is asked at once (UPDATE_SA_ADDRESSES with MOBIKE, an empty INFORMATIONAL without), the
 * unanswered check is given up after the 10 s a check after a resume gets ({@code
 * SupervisorMachine.RESUME_CHECK_WITHIN}, shorter than the profile's 30 s DPD interval) and a new
 * IKE SA replaces the old one. Recovery therefore takes about 11 s after the resume, not the DPD
 * interval counted from the gateway's stale liveness request that arrives on resume plus a minute
 * of MOBIKE retransmissions, as before.
 *
 * <p>What it does not prove: a real suspend stops the monotonic clock while the wall clock runs
 * on, which {@code SleepDetector}'s wall-clock gap detects; a SIGSTOP leaves both clocks running,
 * so that path is exercised only by the unit tests ({@code SleepDetectorTest}, {@code
 * SupervisorTest}). Nor does it cover a network that changed during sleep (the netlink path,
 * {@code AddressChangeIT}, {@code MobikeIT}) or a gateway that still holds the SAs after the
 * resume (the check is then simply answered).
 */
class ResumeAfterFreezeIT {
  private static final Pki PKI = Pki.shared();
  /**
   * The gateway's DPD: a check every 5 s, given up after retransmissions at 1 and 2.8 s (strongSwan
   * gives up at 2.8 + 3.24 s): an unresponsive client is cleared about 11 s after its last word.
   */
  private static final Duration GATEWAY_DPD = Duration.ofSeconds(5);
  /** How long the gateway may take to clear us after the freeze (DPD + give-up + slack). */
  private static final Duration GATEWAY_CLEARS_WITHIN = Duration.ofSeconds(45);
  /** Frozen this much longer after the gateway cleared the SAs. */
  private static final Duration EXTRA_FREEZE = Duration.ofSeconds(10);
  /** The profile's own DPD interval: the default, as most users have it. */
  private static final int CLIENT_DPD_SECONDS = 30;
  /**
   * The bound on recovery after SIGCONT: the hurried check's give-up (10 s), the first backoff
   * wait (up to 1 s) and a handshake, with slack for a loaded machine; well below the 30 s DPD
   * interval, so a check that is not hurried fails it. Without the check at resume, the first UP
   * came later still (the stale liveness request of the gateway that is answered on resume counts
   * as a sign of life, so the own DPD check only went out 30 s later).
   */
  private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(25);

  private static Lab lab;
  private static StrongSwanGateway gateway;
  private static FulmardRun fulmard;

  @BeforeAll
  static void start() {
    lab = Lab.create("resume-freeze");
    gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI)
        .dpd(GATEWAY_DPD)
        .setting("retransmit_timeout", "1")
        .setting("retransmit_tries", "2")
        .build());
    fulmard = new FulmardRun(lab, PKI);
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  @ParameterizedTest(name = "MOBIKE {0}")
  @ValueSource(booleans = {true, false})
  void aTunnelFrozenPastTheGatewaysDeadPeerDetectionComesBackByItself(boolean mobike) {
    String before = fulmard.systemStateWithFirewall();
    // --verbose: the log shows when the resume was noticed and what the check was
    LabProcess run = fulmard.start(fulmard.profile("lid-" + mobike, ProfileOptions.fullTunnel()
        .dpd(CLIENT_DPD_SECONDS).mobike(mobike)), "--verbose");
    try {
      FulmardRun.awaitLine(run, "UP:", 1, Duration.ofSeconds(90));
      IkeSa first = gateway.awaitSa(IkeSa::established, Duration.ofSeconds(10)).orElseThrow();
      assertThat(ping(3).allReceived()).isTrue();

      long resumed = freezeUntilTheGatewayForgetsUs(run, first);

      String up = FulmardRun.awaitLine(run, "UP:", 2, RECOVERY_LIMIT);
      long upAt = System.nanoTime();
      Ping.Result ping = pingUntilAnswered(resumed + RECOVERY_LIMIT.toNanos());
      long pingAt = System.nanoTime();
      String label = "resume after a freeze past the gateway's DPD (MOBIKE " + mobike
          + ", client DPD " + CLIENT_DPD_SECONDS + " s): SIGCONT -> ";
      Measurements.record(label + "UP ms", String.valueOf((upAt - resumed) / 1_000_000));
      Measurements.record(label + "first ping answered ms",
          String.valueOf((pingAt - resumed) / 1_000_000));

      assertThat(ping.allReceived()).as(ping.output() + "\n" + run.logTail(40)).isTrue();
      assertThat(up).contains("fulmar0");
      assertThat(FulmardRun.count(run, "RECONNECTING:")).as("the user sees the reconnect")
          .isEqualTo(1);
      IkeSa second = gateway.awaitSa(IkeSa::established, Duration.ofSeconds(10)).orElseThrow();
      assertThat(second.initiatorSpi()).as("a new IKE SA").isNotEqualTo(first.initiatorSpi());
      assertThat(run.isAlive()).isTrue();
    } finally {
      thaw(run);
      run.stop(Duration.ofSeconds(30));
    }
    assertThat(FulmardRun.read(run.log())).contains("DOWN: system restored");
    assertThat(fulmard.systemStateWithFirewall()).isEqualTo(before);
    assertThat(gateway.awaitNoClientSa(Duration.ofSeconds(20))).isTrue();
  }

  /**
   * Freezes the helper, waits until the gateway's DPD cleared its SAs (and a little longer),
   * thaws it; returns the time of the SIGCONT.
   */
  private static long freezeUntilTheGatewayForgetsUs(LabProcess run, IkeSa sa) {
    assertThat(exe(run.pid())).as("the PID is the helper's JVM itself").endsWith("/java");
    Cmd.run("kill", "-STOP", Long.toString(run.pid()));
    long frozen = System.nanoTime();
    try {
      assertThat(state(run.pid())).as("frozen").isEqualTo('T');
      assertThat(gateway.awaitNoClientSa(GATEWAY_CLEARS_WITHIN))
          .as("the gateway's DPD gave up on the frozen client\n" + gateway.logTail(30)).isTrue();
      Measurements.record("resume after a freeze: gateway DPD (" + GATEWAY_DPD.toSeconds()
          + " s) cleared the frozen client after ms",
          String.valueOf((System.nanoTime() - frozen) / 1_000_000));
      String sas = gateway.swanctl("--list-sas").stdout();
      assertThat(sas).as("swanctl --list-sas after the DPD gave up")
          .doesNotContain(sa.initiatorSpi()).doesNotContain(Lab.CLIENT_IP);
      FulmardRun.sleep(EXTRA_FREEZE.toMillis());
      assertThat(state(run.pid())).as("still frozen").isEqualTo('T');
    } finally {
      thaw(run);
    }
    long resumed = System.nanoTime();
    Measurements.record("resume after a freeze: helper frozen for ms",
        String.valueOf((resumed - frozen) / 1_000_000));
    return resumed;
  }

  /** SIGCONT; harmless when the process runs or is gone. */
  private static void thaw(LabProcess run) {
    if (run.isAlive()) {
      Cmd.probe("kill", "-CONT", Long.toString(run.pid()));
    }
  }

  /** Pings the LAN host through the tunnel once a second until one answers or time is up. */
  private static Ping.Result pingUntilAnswered(long deadlineNanos) {
    Ping.Result last = ping(1);
    while (!last.allReceived() && System.nanoTime() < deadlineNanos) {
      last = ping(1);
    }
    return last.allReceived() ? ping(3) : last;
  }

  private static Ping.Result ping(int count) {
    return Ping.to(Lab.LAN_HOST_IP).count(count).run(lab.client());
  }

  /** The process state letter from /proc/PID/stat (R, S, T, ...). */
  private static char state(long pid) {
    String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
    return stat.charAt(stat.lastIndexOf(')') + 2);
  }

  private static String exe(long pid) {
    try {
      return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe")).toString();
    } catch (IOException e) {
      throw new AssertionError("no /proc/" + pid + "/exe", e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + p, e);
    }
  }
}
