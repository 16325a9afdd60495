package dev.fulmar.interop.rekey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.IkeSession;
import dev.fulmar.core.api.IkeSessionListener;
import dev.fulmar.core.api.IkeSessionParams;
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
 * Re-authentication the gateway demands (RFC 4478) against strongSwan 5.9.8: with {@code
 * reauth_time = 30s} the gateway sends AUTH_LIFETIME in IKE_AUTH; the engine (in this JVM, its
 * sockets in the client namespace) sets up a new IKE SA with a full IKE_SA_INIT and EAP before
 * that runs out, keeps its virtual address, and deletes the old IKE SA.
 */
class ReauthenticationIT {
  static final Pki PKI = Pki.shared();
  private static Lab lab;
  private static StrongSwanGateway gateway;

  @BeforeAll
  static void start() {
    lab = Lab.create("rekey-reauth");
    gateway = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(PKI)
        .connOption("reauth_time", "30s").build());
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void reauthenticatesBeforeTheGatewaysAuthLifetimeRunsOut() throws Exception {
    List<SessionInfo> reauths = new CopyOnWriteArrayList<>();
    IkeSessionListener events = new IkeSessionListener() {
      @Override
      public void onReauthenticated(SessionInfo info) {
        reauths.add(info);
      }
    };
    IkeSessionParams params = EngineInNamespace.params("rekey-reauth", PKI)
        .build();
    IkeSession session = IkeSession.create(params, EngineInNamespace.environment(lab),
        events);
    try {
      SessionInfo first = session.connect().get(60, TimeUnit.SECONDS);
      Thread.sleep(Duration.ofSeconds(40).toMillis());

      assertThat(session.state()).isEqualTo(SessionState.ESTABLISHED);
      Measurements.record("re-authentications in 40 s (AUTH_LIFETIME 30 s)",
          Integer.toString(reauths.size()));
      assertThat(reauths).as("re-authenticated before the 30 s ran out").isNotEmpty();
      SessionInfo last = reauths.get(reauths.size() - 1);
      assertThat(last.ikeSpiInitiator()).isNotEqualTo(first.ikeSpiInitiator());
      assertThat(last.virtualAddresses()).isEqualTo(first.virtualAddresses());
      IkeSa sa = gateway.awaitSa(s -> s.established()
          && s.initiatorSpi().equalsIgnoreCase(EngineInNamespace.hex(last.ikeSpiInitiator())),
          Duration.ofSeconds(10))
          .orElseThrow(() -> new AssertionError("gateway SAs: " + gateway.listSas()));
      assertThat(gateway.listSas()).as("the old IKE SA is deleted").hasSize(1);
      assertThat(sa.children()).anyMatch(c -> c.installed());
    } finally {
      session.close().get(30, TimeUnit.SECONDS);
    }
  }

}
