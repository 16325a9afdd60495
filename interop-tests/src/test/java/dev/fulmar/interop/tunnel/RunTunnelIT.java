package dev.fulmar.interop.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

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
 * {@code fulmard run} against strongSwan 5.9.8: traffic from the client namespace reaches the LAN
 * host through the tunnel, and SIGTERM restores the namespace exactly.
 */
class RunTunnelIT {
  private static final Pki PKI = Pki.shared();
  private static Lab lab;
  private static StrongSwanGateway gateway;
  private static FulmardRun fulmard;

  @BeforeAll
  static void start() {
    lab = Lab.create("run-tunnel");
    gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI).build());
    fulmard = new FulmardRun(lab, PKI);
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void splitTunnelCarriesPingsToTheLan() {
    String before = fulmard.systemState();
    Path profile = fulmard.profile("split", false, null);
    LabProcess run = fulmard.start(profile);
    String up = fulmard.awaitUp(run, Duration.ofSeconds(60));
    System.out.println(up);

    Ping.Result ping = Ping.to(Lab.LAN_HOST_IP).count(3).run(lab.client());
    assertThat(ping.allReceived()).as(ping.output() + "\n" + run.logTail(30)).isTrue();

    run.stop(Duration.ofSeconds(20));
    assertThat(fulmard.systemState()).isEqualTo(before);
  }
}
