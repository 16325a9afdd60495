package dev.fulmar.interop.rekey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.fulmar.FulmardRun;
import dev.fulmar.interop.lab.ChildSa;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.IkeSa;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.LabProcess;
import dev.fulmar.interop.lab.Measurements;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanGateway;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rekeying while traffic flows, against strongSwan 5.9.8: the gateway rekeys the CHILD SA every
 * ~15 s and the IKE SA every ~30 s (short {@code rekey_time}s, strongSwan's jitter makes them a
 * little earlier), while {@code ping -i 0.05} runs from the client namespace through the tunnel of
 * {@code fulmard run} to the LAN host for 60 s. Make-before-break must lose no packet: the client
 * answers the gateway's CREATE_CHILD_SA with its new inbound SA already installed and moves its
 * outbound traffic when the gateway deletes the old SA. The gateway's SA list, polled every
 * second, proves that the SPIs changed.
 */
class RekeyUnderLoadIT {
  static final Pki PKI = Pki.shared();
  private static final Pattern SUMMARY =
      Pattern.compile("(\\d+) packets transmitted, (\\d+) received");
  private static final int PINGS = 1200;
  private static Lab lab;
  private static StrongSwanGateway gateway;

  @BeforeAll
  static void start() {
    lab = Lab.create("rekey-load");
    gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI)
        .rekeyAfter(Duration.ofSeconds(30), Duration.ofSeconds(15)).build());
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void gatewayRekeysChildAndIkeSaWhilePingRunsWithoutLoss() throws Exception {
    FulmardRun runs = new FulmardRun(lab, PKI);
    LabProcess run = runs.start(runs.profileWith("rekey-load", FulmardRun.splitLan()));
    Set<String> childSpis = new LinkedHashSet<>();
    Set<String> ikeSpis = new LinkedHashSet<>();
    try {
      runs.awaitUp(run, Duration.ofSeconds(90));
      LabProcess ping = lab.start(lab.client(), "ping", List.of("ping", "-n", "-i", "0.05",
          "-c", Integer.toString(PINGS), "-W", "2", Lab.LAN_HOST_IP));
      long end = System.nanoTime() + Duration.ofSeconds(75).toNanos();
      while (ping.isAlive() && System.nanoTime() < end) {
        for (IkeSa sa : gateway.listSas()) {
          ikeSpis.add(sa.initiatorSpi() + "_" + sa.responderSpi());
          for (ChildSa c : sa.children()) {
            childSpis.add(c.spiIn() + "/" + c.spiOut());
          }
        }
        Thread.sleep(1000);
      }
      assertThat(ping.waitFor(Duration.ofSeconds(30))).as("ping finished").isTrue();
      String out = FulmardRun.read(ping.log());
      Matcher m = SUMMARY.matcher(out);
      assertThat(m.find()).as(out).isTrue();
      int sent = Integer.parseInt(m.group(1));
      int received = Integer.parseInt(m.group(2));
      Measurements.record("rekey under load: ping -i 0.05 sent", Integer.toString(sent));
      Measurements.record("rekey under load: ping lost", Integer.toString(sent - received));
      Measurements.record("rekey under load: CHILD SA SPI pairs seen at the gateway",
          Integer.toString(childSpis.size()));
      Measurements.record("rekey under load: IKE SA SPI pairs seen at the gateway",
          Integer.toString(ikeSpis.size()));
      assertThat(run.isAlive()).as(run.logTail(40)).isTrue();
      assertThat(sent).isEqualTo(PINGS);
      assertThat(received).as("pings answered through the tunnel\n" + run.logTail(60))
          .isEqualTo(sent);
      assertThat(childSpis).as("CHILD SAs: at least three rekeys in 60 s").hasSizeGreaterThan(3);
      assertThat(ikeSpis).as("IKE SAs: at least one rekey in 60 s").hasSizeGreaterThan(1);
      IkeSa now = gateway.awaitSa(IkeSa::established, Duration.ofSeconds(5)).orElseThrow();
      assertThat(now.children()).as("one CHILD SA once the rekeys are done")
          .anyMatch(ChildSa::installed);
    } finally {
      System.out.println("gateway CHILD SPIs " + childSpis + "\ngateway IKE SPIs " + ikeSpis);
      run.stop(Duration.ofSeconds(30));
      System.out.println(FulmardRun.read(run.log()));
    }
  }
}
