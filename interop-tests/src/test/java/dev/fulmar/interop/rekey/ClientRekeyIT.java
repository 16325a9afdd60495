package dev.fulmar.interop.rekey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.ChildSaInfo;
import dev.fulmar.core.api.IkeSession;
import dev.fulmar.core.api.IkeSessionListener;
import dev.fulmar.core.api.IkeSessionParams;
import dev.fulmar.core.api.SaLifetime;
import dev.fulmar.core.api.SessionInfo;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.IkeSa;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.Measurements;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanGateway;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our own rekeys against strongSwan 5.9.8: the engine runs in this JVM with its sockets in the
 * client namespace, CHILD SA lifetime 8 s and IKE SA lifetime 20 s (the gateway's are the
 * defaults, hours), so every rekey in 45 s is ours. The engine's rekey events and the gateway's
 * SA list must agree: new SPIs, one IKE SA and one CHILD SA left, the session still up.
 */
class ClientRekeyIT {
  static final Pki PKI = Pki.shared();
  private static Lab lab;
  private static StrongSwanGateway gateway;

  @BeforeAll
  static void start() {
    lab = Lab.create("rekey-client");
    gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI).build());
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void ourChildAndIkeSaRekeysOnShortLifetimesAreAccepted() throws Exception {
    List<ChildSaInfo[]> childRekeys = new CopyOnWriteArrayList<>();
    List<Long> ikeRekeys = new CopyOnWriteArrayList<>();
    IkeSessionListener events = new IkeSessionListener() {
      @Override
      public void onChildSaRekeyed(ChildSaInfo previous, ChildSaInfo current) {
        childRekeys.add(new ChildSaInfo[] {previous, current});
      }

      @Override
      public void onIkeSaRekeyed(long spiI, long spiR, List<Algorithm> keyExchanges) {
        ikeRekeys.add(spiI);
      }
    };
    IkeSessionParams params = EngineInNamespace.params("rekey-client", PKI)
        .childLifetime(new SaLifetime(Duration.ofSeconds(8), Duration.ofSeconds(1),
            Duration.ofSeconds(12)))
        .ikeLifetime(new SaLifetime(Duration.ofSeconds(20), Duration.ofSeconds(2),
            Duration.ofSeconds(30)))
        .build();
    IkeSession session = IkeSession.create(params, EngineInNamespace.environment(lab),
        events);
    try {
      SessionInfo info = session.connect().get(60, TimeUnit.SECONDS);
      String firstIke = EngineInNamespace.hex(info.ikeSpiInitiator());
      Thread.sleep(Duration.ofSeconds(45).toMillis());

      assertThat(session.state()).isEqualTo(SessionState.ESTABLISHED);
      Measurements.record("client rekeys in 45 s: CHILD", Integer.toString(childRekeys.size()));
      Measurements.record("client rekeys in 45 s: IKE", Integer.toString(ikeRekeys.size()));
      assertThat(childRekeys).as("CHILD SA rekeys every ~7-8 s").hasSizeGreaterThanOrEqualTo(4);
      assertThat(ikeRekeys).as("IKE SA rekeys every ~18-20 s").hasSizeGreaterThanOrEqualTo(2);
      long lastSpi = ikeRekeys.get(ikeRekeys.size() - 1);
      long lastChild = childRekeys.get(childRekeys.size() - 1)[1].outboundSpi();
      IkeSa sa = gateway.awaitSa(s -> s.established()
          && s.initiatorSpi().equalsIgnoreCase(EngineInNamespace.hex(lastSpi)),
          Duration.ofSeconds(10))
          .orElseThrow(() -> new AssertionError("gateway SAs: " + gateway.listSas()));
      assertThat(sa.initiatorSpi()).isNotEqualToIgnoringCase(firstIke);
      assertThat(gateway.listSas()).as("the old IKE SAs are deleted").hasSize(1);
      assertThat(sa.children().stream().filter(c -> c.installed())
          .map(c -> c.spiIn().replace("0x", "")))
          .as("the gateway's inbound SPI is our latest outbound SPI, nothing older")
          .containsExactly(String.format("%08x", lastChild));
    } finally {
      session.close().get(30, TimeUnit.SECONDS);
    }
  }

}
