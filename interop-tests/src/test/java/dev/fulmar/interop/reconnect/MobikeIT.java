package dev.fulmar.interop.reconnect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.fulmar.FulmardRun;
import dev.fulmar.interop.fulmar.ProfileOptions;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.IkeSa;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.LabProcess;
import dev.fulmar.interop.lab.Measurements;
import dev.fulmar.interop.lab.Ping;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanGateway;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client's address changes while the tunnel is up and the gateway does MOBIKE (RFC 4555):
 * the netlink monitor notices, the session sends UPDATE_SA_ADDRESSES from the new address, and
 * the same IKE SA carries on there: no reconnect, the gateway sees the new address, traffic
 * flows.
 */
class MobikeIT {
  private static final Pki PKI = Pki.shared();
  private static Lab lab;
  private static StrongSwanGateway gateway;
  private static FulmardRun fulmard;
  private static AddressChange change;

  @BeforeAll
  static void start() {
    lab = Lab.create("mobike");
    gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI).mobike(true).build());
    fulmard = new FulmardRun(lab, PKI);
    change = new AddressChange(lab);
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void withMobikeTheSessionMovesToTheNewAddressAndSurvives() {
    String before = fulmard.systemStateWithFirewall();
    LabProcess run = fulmard.start(fulmard.profile("roaming",
        ProfileOptions.fullTunnel().withKillSwitch().mobike(true)));
    try {
      FulmardRun.awaitLine(run, "UP:", 1, Duration.ofSeconds(90));
      IkeSa first = gateway.awaitSa(IkeSa::established, Duration.ofSeconds(10)).orElseThrow();
      assertThat(first.remoteHost()).isEqualTo(Lab.CLIENT_IP);

      long t0 = System.nanoTime();
      change.move();
      IkeSa moved = gateway.awaitSa(s -> s.established()
          && AddressChange.NEW_ADDRESS.equals(s.remoteHost()), Duration.ofSeconds(30))
          .orElseThrow(() -> new AssertionError("the gateway never saw the new address: "
              + gateway.listSas() + "\n" + run.logTail(30)));
      Measurements.record("address change with MOBIKE -> gateway updated ms",
          String.valueOf((System.nanoTime() - t0) / 1_000_000));
      assertThat(moved.initiatorSpi()).as("the same IKE SA").isEqualTo(first.initiatorSpi());
      assertThat(moved.responderSpi()).isEqualTo(first.responderSpi());

      // the gateway's userspace ESP may still answer the old address for a moment after its IKE
      // SA moved: the first echo that comes back marks the end of the move
      int lost = 0;
      while (lost < 5 && !Ping.to(Lab.LAN_HOST_IP).count(1).run(lab.client()).allReceived()) {
        lost++;
      }
      Measurements.record("address change with MOBIKE: pings lost after the gateway updated",
          String.valueOf(lost));
      Ping.Result ping = Ping.to(Lab.LAN_HOST_IP).count(3).run(lab.client());
      assertThat(lost).as("pings lost after the move\n" + run.logTail(20)).isLessThan(5);
      assertThat(ping.allReceived()).as(ping.output() + "\n" + run.logTail(20)).isTrue();
      assertThat(FulmardRun.count(run, "RECONNECTING:")).as("no reconnect").isZero();
      assertThat(FulmardRun.count(run, "UP:")).isEqualTo(1);
    } finally {
      run.stop(Duration.ofSeconds(30));
      change.back();
    }
    assertThat(FulmardRun.read(run.log())).contains("DOWN: system restored");
    assertThat(fulmard.systemStateWithFirewall()).isEqualTo(before);
  }
}
