package dev.fulmar.core.ike.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.SaLifetime;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.core.ike.ExchangeHarness;
import dev.fulmar.core.ike.InMemoryNetwork;
import dev.fulmar.core.ike.message.IkeMessage;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Simultaneous IKE SA rekeys (RFC 7296 §2.8.1): our rekey crosses the gateway's. The exchange
 * with the lowest nonce (all zero, fixed at the gateway) loses: if it is ours, we delete the IKE
 * SA we created and the gateway's new IKE SA becomes ours; if it is the gateway's, ours becomes
 * current and we delete the old one.
 */
class IkeRekeyCollisionTest {
  private static final Duration IKE_REKEY = Duration.ofMinutes(30);
  private final ExchangeHarness h = new ExchangeHarness();

  private static final byte[] LOW = new byte[32];
  private static final byte[] HIGH = new byte[32];

  static {
    Arrays.fill(HIGH, (byte) 0xff);
  }

  private void establish() {
    h.params.dpd(Duration.ZERO)
        .childLifetime(SaLifetime.of(Duration.ofHours(100)))
        .ikeLifetime(new SaLifetime(IKE_REKEY, Duration.ZERO, IKE_REKEY.plusMinutes(5)));
    h.connect();
    h.runAll();
  }

  /** Our rekey is held back while the client answers the gateway's; then the gateway answers. */
  private long collide() {
    h.loop.advance(IKE_REKEY);
    InMemoryNetwork.Datagram ours = h.network.dropNext();
    h.responder.sendIkeRekey();
    h.toClient();
    h.toGateway();
    assertThat(h.events.ikeRekeys).as("kept aside until ours is decided").isEmpty();
    h.network.sendFrom(ours.from(), ours.to(), ours.data());
    h.toGateway();
    long ourNewSpi = h.responder.sa().spiI;
    h.toClient();
    return ourNewSpi;
  }

  @Test
  void whenOurRekeyWinsItBecomesCurrentAndWeDeleteTheOldSa() {
    establish();
    long oldSpi = h.info().ikeSpiInitiator();
    h.responder.fixRekeyNonces(LOW, HIGH);
    long ourNewSpi = collide();

    // INFORMATIONAL { D(IKE) } on the old SA -->  <-- { }
    h.toGateway();
    IkeMessage delete = h.gatewayReceived().get(h.gatewayReceived().size() - 1);
    h.toClient();

    ExchangeHarness.assertDeletesIkeSa(delete, oldSpi);
    assertThat(h.responder.previousSa().deleted).isTrue();
    assertThat(h.events.ikeRekeys).containsExactly(ourNewSpi);
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
    // Our new SA carries our requests: a liveness check on it is answered.
    h.assertRequestsFlowOn(ourNewSpi);
  }

  @Test
  void whenOurRekeyLosesWeDeleteOurNewSaAndTakeTheGatewaysAsCurrent() {
    establish();
    h.responder.fixRekeyNonces(HIGH, LOW);
    long ourNewSpi = collide();
    // INFORMATIONAL { D(IKE) } on our redundant SA -->  <-- { }
    h.toGateway();
    IkeMessage delete = h.gatewayReceived().get(h.gatewayReceived().size() - 1);
    h.toClient();

    ExchangeHarness.assertDeletesIkeSa(delete, ourNewSpi);
    assertThat(h.responder.sa().deleted).isTrue();
    assertThat(h.events.ikeRekeys).containsExactly(h.responder.lastProposedIkeSpi());
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
    assertThat(h.network.inFlight()).isEmpty();
  }
}
