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
 * The client's address changes while the tunnel is up and the gateway does not do MOBIKE: the
 * netlink monitor notices, the session (which offered MOBIKE) cannot move, {@code fulmard run}
 * reports RECONNECTING with that reason and sets the tunnel up again from the new address at
 * once, without user action, behind the kill switch, and traffic flows again.
 */
class AddressChangeIT {
  private static final Pki PKI = Pki.shared();
  private static Lab lab;
  private static StrongSwanGateway gateway;
  private static FulmardRun fulmard;
  private static AddressChange change;

  @BeforeAll
  static void start() {
    lab = Lab.create("address-change");
    gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI).mobike(false)
        .connOption("unique", "replace").build());
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
  void withoutMobikeTheTunnelIsSetUpAgainFromTheNewAddress() {
    String before = fulmard.systemStateWithFirewall();
    LabProcess run = fulmard.start(fulmard.profile("moving",
        ProfileOptions.fullTunnel().withKillSwitch()));
    try {
      FulmardRun.awaitLine(run, "UP:", 1, Duration.ofSeconds(90));
      assertThat(gateway.awaitSa(IkeSa::established, Duration.ofSeconds(10)).orElseThrow()
          .remoteHost()).isEqualTo(Lab.CLIENT_IP);

      long t0 = System.nanoTime();
      change.move();
      String reconnecting = FulmardRun.awaitLine(run, "RECONNECTING:", 1,
          Duration.ofSeconds(30));
      assertThat(reconnecting).as("the engine could not move the session")
          .contains("address changed to " + AddressChange.NEW_ADDRESS)
          .contains("the gateway does not support MOBIKE");
      FulmardRun.awaitLine(run, "UP:", 2, Duration.ofSeconds(60));
      Measurements.record("address change without MOBIKE -> UP again ms",
          String.valueOf((System.nanoTime() - t0) / 1_000_000));

      IkeSa sa = gateway.awaitSa(s -> s.established()
          && AddressChange.NEW_ADDRESS.equals(s.remoteHost()), Duration.ofSeconds(10))
          .orElseThrow(() -> new AssertionError("no SA from the new address: "
              + gateway.listSas()));
      assertThat(sa.remoteVips()).isNotEmpty();
      Ping.Result ping = Ping.to(Lab.LAN_HOST_IP).count(3).run(lab.client());
      assertThat(ping.allReceived()).as(ping.output() + "\n" + run.logTail(20)).isTrue();
    } finally {
      run.stop(Duration.ofSeconds(30));
      change.back();
    }
    assertThat(FulmardRun.read(run.log())).contains("DOWN: system restored");
    assertThat(fulmard.systemStateWithFirewall()).isEqualTo(before);
  }
}
