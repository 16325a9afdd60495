package dev.fulmar.interop.rekey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.ChildSaInfo;
import dev.fulmar.core.api.EspProposal;
import dev.fulmar.core.api.IkeProposal;
import dev.fulmar.core.api.IkeSession;
import dev.fulmar.core.api.IkeSessionListener;
import dev.fulmar.core.api.IkeSessionParams;
import dev.fulmar.core.api.SaLifetime;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.interop.lab.ChildSa;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.IkeSa;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.Measurements;
import dev.fulmar.interop.lab.Pki;
import dev.fulmar.interop.lab.StrongSwanGateway;
import dev.fulmar.interop.lab.StrongSwanVersion;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our own post-quantum rekeys against strongSwan 6.1 (RFC 9370): the engine (in this JVM, sockets
 * in the client namespace) rekeys the CHILD SA (PFS) every ~8 s and the IKE SA every ~20 s, each
 * as CREATE_CHILD_SA with x25519 followed by IKE_FOLLOWUP_KE with ML-KEM-768; the gateway's own
 * lifetimes are hours. The engine's events report the hybrid key exchanges and the gateway shows
 * the latest SAs with them.
 */
class ClientPostQuantumRekeyIT {
  static final Pki PKI = Pki.shared();
  private static final String IKE = "aes256gcm16-prfsha384-x25519-ke1_mlkem768";
  private static final String ESP = "aes256gcm16-x25519-ke1_mlkem768";
  /** Transform type of the first additional key exchange (RFC 9370 §2.2.1). */
  private static final int ADDKE1 = 6;
  private static Lab lab;
  private static StrongSwanGateway gateway;

  @BeforeAll
  static void start() {
    lab = Lab.create("rekey-pq-client");
    gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI).ikeProposals(IKE)
        .espProposals(ESP).build(), StrongSwanVersion.V6_1);
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void ourChildAndIkeSaRekeysUseX25519AndMlKem768() throws Exception {
    List<ChildSaInfo> childRekeys = new CopyOnWriteArrayList<>();
    List<List<Algorithm>> ikeRekeys = new CopyOnWriteArrayList<>();
    IkeSessionListener events = new IkeSessionListener() {
      @Override
      public void onChildSaRekeyed(ChildSaInfo previous, ChildSaInfo current) {
        childRekeys.add(current);
      }

      @Override
      public void onIkeSaRekeyed(long spiI, long spiR, List<Algorithm> keyExchanges) {
        ikeRekeys.add(keyExchanges);
      }
    };
    IkeSessionParams params = EngineInNamespace.params("rekey-pq-client", PKI)
        .ikeProposals(List.of(IkeProposal.builder().add(Algorithm.AES_GCM_16_256)
            .add(Algorithm.PRF_HMAC_SHA2_384).add(Algorithm.CURVE25519)
            .transform(ADDKE1, Algorithm.ML_KEM_768.transformId(), 0).build()))
        .espProposals(List.of(EspProposal.builder().add(Algorithm.AES_GCM_16_256)
            .add(Algorithm.CURVE25519)
            .transform(ADDKE1, Algorithm.ML_KEM_768.transformId(), 0).build()))
        .childLifetime(new SaLifetime(Duration.ofSeconds(8), Duration.ofSeconds(1),
            Duration.ofSeconds(12)))
        .ikeLifetime(new SaLifetime(Duration.ofSeconds(20), Duration.ofSeconds(2),
            Duration.ofSeconds(30)))
        .build();
    IkeSession session = IkeSession.create(params, EngineInNamespace.environment(lab),
        events);
    try {
      session.connect().get(60, TimeUnit.SECONDS);
      Thread.sleep(Duration.ofSeconds(30).toMillis());

      assertThat(session.state()).isEqualTo(SessionState.ESTABLISHED);
      Measurements.record("client PQ rekeys in 30 s: CHILD",
          Integer.toString(childRekeys.size()));
      Measurements.record("client PQ rekeys in 30 s: IKE", Integer.toString(ikeRekeys.size()));
      assertThat(childRekeys).hasSizeGreaterThanOrEqualTo(2);
      assertThat(childRekeys).allSatisfy(c -> {
        assertThat(c.keyExchange()).isEqualTo(Algorithm.CURVE25519);
        assertThat(c.additionalKeyExchanges()).containsExactly(Algorithm.ML_KEM_768);
      });
      assertThat(ikeRekeys).isNotEmpty()
          .allSatisfy(k -> assertThat(k).containsExactly(Algorithm.CURVE25519,
              Algorithm.ML_KEM_768));
      IkeSa sa = gateway.awaitSa(IkeSa::established, Duration.ofSeconds(5)).orElseThrow();
      assertThat(gateway.listSas()).hasSize(1);
      assertThat(sa.keyExchanges()).containsExactly("CURVE_25519", "ML_KEM_768");
      ChildSa child = sa.children().stream().filter(ChildSa::installed).findFirst()
          .orElseThrow();
      assertThat(child.dhGroup()).isEqualTo("CURVE_25519");
      assertThat(String.valueOf(child.raw().entries())).contains("ML_KEM_768");
    } finally {
      session.close().get(30, TimeUnit.SECONDS);
    }
  }
}
