package dev.fulmar.core.ike.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.SaLifetime;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.core.ike.ExchangeHarness;
import dev.fulmar.core.ike.InMemoryNetwork;
import dev.fulmar.core.ike.message.DeletePayload;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.ProtocolId;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Simultaneous IKE SA rekeys (RFC 7296 §2.8.1): our rekey crosses the gateway's. The gateway's
 * answer to ours carries an all-zero nonce, so ours lost: we delete the IKE SA we created and the
 * gateway's new IKE SA becomes ours, CHILD SA included.
 */
class IkeRekeyCollisionTest {
  private static final Duration IKE_REKEY = Duration.ofMinutes(30);
  private final ExchangeHarness h = new ExchangeHarness();

  @Test
  void whenOurRekeyLosesWeDeleteOurNewSaAndTakeTheGatewaysAsCurrent() {
    h.params.dpd(Duration.ZERO)
        .childLifetime(SaLifetime.of(Duration.ofHours(100)))
        .ikeLifetime(new SaLifetime(IKE_REKEY, Duration.ZERO, IKE_REKEY.plusMinutes(5)));
    h.connect();
    h.runAll();
    byte[] high = new byte[32];
    Arrays.fill(high, (byte) 0xff);
    h.responder.fixRekeyNonces(high, new byte[32]);

    h.loop.advance(IKE_REKEY);
    // CREATE_CHILD_SA { SA(our new SPIi), Ni, KEi } -->   (held back)
    InMemoryNetwork.Datagram ours = h.network.dropNext();
    // <-- CREATE_CHILD_SA { SA(gateway's new SPIi), Ni, KEi }    { SA, Nr, KEr } -->
    h.responder.sendIkeRekey();
    h.toClient();
    h.toGateway();
    assertThat(h.events.ikeRekeys).as("kept aside until ours is decided").isEmpty();
    // our request arrives; <-- { SA, Nr = 00..00, KEr }: ours lost
    h.network.sendFrom(ours.from(), ours.to(), ours.data());
    h.toGateway();
    long ourNewSpi = h.responder.sa().spiI;
    h.toClient();
    // INFORMATIONAL { D(IKE) } on our redundant SA -->  <-- { }
    h.toGateway();
    IkeMessage delete = h.gatewayReceived().get(h.gatewayReceived().size() - 1);
    h.toClient();

    assertThat(delete.header().initiatorSpi()).isEqualTo(ourNewSpi);
    assertThat(delete.first(DeletePayload.class).orElseThrow().protocol())
        .isEqualTo(ProtocolId.IKE);
    assertThat(h.responder.sa().deleted).isTrue();
    assertThat(h.events.ikeRekeys).containsExactly(h.responder.lastProposedIkeSpi());
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
    assertThat(h.network.inFlight()).isEmpty();
  }
}
