package dev.fulmar.core.ike.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.ChildSaInfo;
import dev.fulmar.core.api.SaLifetime;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.core.esp.SaTable;
import dev.fulmar.core.ike.ExchangeHarness;
import dev.fulmar.core.ike.InMemoryNetwork;
import dev.fulmar.core.ike.message.DeletePayload;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.ProtocolId;
import dev.fulmar.core.ike.message.SaPayload;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Simultaneous CHILD SA rekeys (RFC 7296 §2.8.1): we and the gateway rekey the same SA at once.
 * The exchange whose lowest nonce is the lowest of all four lost; its creator deletes the SA it
 * made, and the other exchange's SA replaces the old one. The gateway's nonces are fixed so that
 * each test knows who wins: all-zero nonces are lower than any of ours.
 */
class ChildRekeyCollisionTest {
  private static final Duration CHILD_REKEY = Duration.ofMinutes(20);
  private static final byte[] LOW = new byte[32];
  private static final byte[] HIGH = filled((byte) 0xff);
  private final ExchangeHarness h = new ExchangeHarness();
  private final SaTable table = new SaTable();
  private ChildSaInfo old;

  @BeforeEach
  void establish() {
    h.params.dpd(Duration.ZERO).saInstaller(table)
        .childLifetime(new SaLifetime(CHILD_REKEY, Duration.ZERO, CHILD_REKEY.plusMinutes(2)))
        .ikeLifetime(SaLifetime.of(Duration.ofHours(100)));
    h.connect();
    h.runAll();
    old = h.info().child();
  }

  /**
   * Both rekeys cross: ours is held back while the client answers the gateway's, then the
   * gateway answers ours. Returns our inbound SPI in the answer to the gateway's rekey.
   */
  private long collide() {
    h.loop.advance(CHILD_REKEY);
    // CREATE_CHILD_SA { N(REKEY_SA), SA, Ni, ... } -->   (held back)
    InMemoryNetwork.Datagram ours = h.network.dropNext();
    // <-- CREATE_CHILD_SA { N(REKEY_SA), SA, Ni, ... }    { SA, Nr, ... } -->
    h.responder.sendChildRekey();
    h.toClient();
    h.toGateway();
    IkeMessage answer = h.responder.answers().get(h.responder.answers().size() - 1);
    long passiveSpi = answer.first(SaPayload.class).orElseThrow().proposals().get(0)
        .spiValue();
    // our request arrives; <-- { SA, Nr, ... }
    h.network.sendFrom(ours.from(), ours.to(), ours.data());
    h.toGateway();
    h.toClient();
    return passiveSpi;
  }

  @Test
  void whenOurRekeyHasTheHigherNoncesItStandsAndTheGatewaysSaIsRedundant() {
    // The gateway's own exchange carries the lowest nonce: its rekey lost.
    h.responder.fixRekeyNonces(LOW, HIGH);
    long passiveSpi = collide();

    // INFORMATIONAL { D(ESP, old SPI) } -->  <-- { }
    h.toGateway();
    IkeMessage ourDelete = h.gatewayReceived().get(h.gatewayReceived().size() - 1);
    assertThat(ourDelete.first(DeletePayload.class).orElseThrow().spis())
        .containsExactly(old.inboundSpi());
    h.toClient();
    // <-- INFORMATIONAL { D(ESP, the gateway's redundant SA) }   { D(ESP, ours of it) } -->
    h.responder.sendInformational(List.of(DeletePayload.childSas(ProtocolId.ESP,
        h.responder.lastProposedChildSpi())));
    h.toClient();
    h.toGateway();

    assertThat(h.events.childRekeys).hasSize(1);
    long current = h.events.childRekeys.get(0)[1].inboundSpi();
    assertThat(current).isNotEqualTo(passiveSpi);
    assertThat(table.inbound((int) old.inboundSpi())).isNull();
    assertThat(table.inbound((int) passiveSpi)).isNull();
    assertThat(table.inbound((int) current)).isNotNull();
    assertThat(table.installed()).as("one inbound and one outbound SA").hasSize(2);
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
  }

  @Test
  void whenOurRekeyHasTheLowestNonceWeDeleteOurSaAndTheGatewaysReplacesTheOld() {
    // Our exchange carries the lowest nonce (the gateway's answer): our rekey lost.
    h.responder.fixRekeyNonces(HIGH, LOW);
    IkeMessage ourRequest;
    long passiveSpi = collide();
    ourRequest = h.gatewayReceived().get(h.gatewayReceived().size() - 1);
    long redundant = ourRequest.first(SaPayload.class).orElseThrow().proposals().get(0)
        .spiValue();

    // INFORMATIONAL { D(ESP, our redundant SA) } -->  <-- { }
    h.toGateway();
    IkeMessage ourDelete = h.gatewayReceived().get(h.gatewayReceived().size() - 1);
    assertThat(ourDelete.first(DeletePayload.class).orElseThrow().spis())
        .containsExactly(redundant);
    h.toClient();
    assertThat(h.events.childRekeys).isEmpty();
    // <-- INFORMATIONAL { D(ESP, gateway's old SPI) }    { D(ESP, our old SPI) } -->
    h.responder.sendInformational(List.of(DeletePayload.childSas(ProtocolId.ESP,
        (int) old.outboundSpi())));
    h.toClient();
    h.toGateway();

    assertThat(h.events.childRekeys).hasSize(1);
    assertThat(h.events.childRekeys.get(0)[1].inboundSpi()).isEqualTo(passiveSpi);
    assertThat(table.inbound((int) old.inboundSpi())).isNull();
    assertThat(table.inbound((int) redundant)).isNull();
    assertThat(table.outboundOf(passiveSpi)).as("the gateway's SA carries our traffic")
        .isNotNull();
    assertThat(table.installed()).hasSize(2);
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
  }

  private static byte[] filled(byte b) {
    byte[] a = new byte[32];
    Arrays.fill(a, b);
    return a;
  }
}
