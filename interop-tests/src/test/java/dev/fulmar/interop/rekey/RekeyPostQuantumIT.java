package dev.fulmar.interop.rekey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.fulmar.FulmardRun;
import dev.fulmar.interop.lab.ChildSa;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.IkeSa;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.LabProcess;
import dev.fulmar.interop.lab.Measurements;
import dev.fulmar.interop.lab.Ping;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanGateway;
import dev.fulmar.interop.lab.StrongSwanVersion;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Post-quantum rekeying against strongSwan 6.1 (RFC 9370): the IKE SA and the CHILD SA use
 * x25519 + ML-KEM-768, the CHILD SA with PFS, so that every rekey is a CREATE_CHILD_SA with the
 * x25519 KE followed by an IKE_FOLLOWUP_KE with ML-KEM-768. The gateway rekeys the CHILD SA every
 * ~15 s and the IKE SA every ~30 s while {@code fulmard run} answers; after 40 s the tunnel still
 * carries traffic and the gateway shows new SPIs with the hybrid key exchanges.
 */
class RekeyPostQuantumIT {
  static final Pki PKI = Pki.shared();
  private static final String IKE = "aes256gcm16-prfsha384-x25519-ke1_mlkem768";
  private static final String ESP = "aes256gcm16-x25519-ke1_mlkem768";
  private static Lab lab;
  private static StrongSwanGateway gateway;

  @BeforeAll
  static void start() {
    lab = Lab.create("rekey-pq");
    gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI).ikeProposals(IKE)
        .espProposals(ESP).rekeyAfter(Duration.ofSeconds(30), Duration.ofSeconds(15)).build(),
        StrongSwanVersion.V6_1);
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void gatewayRekeysChildAndIkeSaWithX25519AndMlKem768() throws Exception {
    FulmardRun runs = new FulmardRun(lab, PKI);
    LabProcess run = runs.start(runs.profileWith("rekey-pq", FulmardRun.splitLan(),
        "\"proposals\": { \"ike\": [ \"" + IKE + "\" ], \"esp\": [ \"" + ESP + "\" ] }"));
    Set<String> childSpis = new LinkedHashSet<>();
    Set<String> ikeSpis = new LinkedHashSet<>();
    try {
      runs.awaitUp(run, Duration.ofSeconds(90));
      long end = System.nanoTime() + Duration.ofSeconds(40).toNanos();
      while (System.nanoTime() < end) {
        for (IkeSa sa : gateway.listSas()) {
          ikeSpis.add(sa.initiatorSpi() + "_" + sa.responderSpi());
          sa.children().forEach(c -> childSpis.add(c.spiIn() + "/" + c.spiOut()));
        }
        assertThat(run.isAlive()).as(run.logTail(40)).isTrue();
        Thread.sleep(1000);
      }
      Ping.Result ping = Ping.to(Lab.LAN_HOST_IP).count(5).run(lab.client());
      assertThat(ping.allReceived()).as(ping.output() + "\n" + run.logTail(40)).isTrue();

      IkeSa sa = gateway.awaitSa(IkeSa::established, Duration.ofSeconds(5)).orElseThrow();
      Measurements.record("PQ rekey: CHILD SA SPI pairs seen in 40 s",
          Integer.toString(childSpis.size()));
      Measurements.record("PQ rekey: IKE SA SPI pairs seen in 40 s",
          Integer.toString(ikeSpis.size()));
      assertThat(childSpis).as("CHILD SA rekeyed at least twice").hasSizeGreaterThan(2);
      assertThat(ikeSpis).as("IKE SA rekeyed").hasSizeGreaterThan(1);
      assertThat(sa.keyExchanges()).containsExactly("CURVE_25519", "ML_KEM_768");
      ChildSa child = sa.children().stream().filter(ChildSa::installed).findFirst()
          .orElseThrow();
      assertThat(child.dhGroup()).as("PFS of the rekeyed CHILD SA").isEqualTo("CURVE_25519");
      assertThat(String.valueOf(child.raw().entries())).contains("ML_KEM_768");
    } finally {
      System.out.println("gateway CHILD SPIs " + childSpis + "\ngateway IKE SPIs " + ikeSpis);
      run.stop(Duration.ofSeconds(30));
      System.out.println(FulmardRun.read(run.log()));
    }
  }
}
