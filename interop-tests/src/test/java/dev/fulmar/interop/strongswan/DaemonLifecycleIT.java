package dev.fulmar.interop.strongswan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.lab.ClientConfig;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.IkeSa;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.Measurements;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanClient;
import dev.fulmar.interop.lab.StrongSwanGateway;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Killing and restarting lab daemons, as reconnect and dead-peer tests will do. */
class DaemonLifecycleIT {
  private static final Pki PKI = Pki.shared();

  @Test
  void restartedGatewayAcceptsTheClientAgain() {
    try (Lab lab = Lab.create("restart")) {
      StrongSwanGateway gateway = StrongSwanGateway.start(lab,
          GatewayConfig.remoteAccess(PKI).build());
      StrongSwanClient client = StrongSwanClient.start(lab, ClientConfig.eapMschapv2(PKI).build());
      client.initiate("lan");
      Path firstLog = gateway.logFile();
      long firstPid = gateway.pid();

      gateway.restart(); // SIGTERM: the old gateway deletes the client's SA on its way out

      assertThat(gateway.pid()).isNotEqualTo(firstPid);
      assertThat(gateway.logFile()).isNotEqualTo(firstLog);
      assertThat(gateway.listSas()).isEmpty();
      assertThat(client.awaitSa(sa -> true, Duration.ZERO)).isEmpty();
      client.initiate("lan");
      assertThat(gateway.awaitSa(IkeSa::established, Duration.ofSeconds(5))).isPresent();
    }
  }

  @Test
  void gatewayClearsTheSaOfAKilledClientByDeadPeerDetection() {
    try (Lab lab = Lab.create("dead-peer")) {
      StrongSwanGateway gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI)
          .dpd(Duration.ofSeconds(1))
          .setting("retransmit_timeout", "0.5")
          .setting("retransmit_tries", "2")
          .build());
      StrongSwanClient client = StrongSwanClient.start(lab, ClientConfig.eapMschapv2(PKI).build());
      client.initiate("lan");
      assertThat(gateway.awaitSa(IkeSa::established, Duration.ofSeconds(5))).isPresent();

      client.kill(); // SIGKILL: no DELETE reaches the gateway
      long t0 = System.nanoTime();

      assertThat(client.isRunning()).isFalse();
      assertThat(gateway.awaitNoClientSa(Duration.ofSeconds(30))).isTrue();
      Measurements.record("strongSwan 5.9.8 gateway DPD (1 s, 2 retransmits from 0.5 s) cleared"
          + " a dead client after", (System.nanoTime() - t0) / 1_000_000 + " ms");
    }
  }
}
