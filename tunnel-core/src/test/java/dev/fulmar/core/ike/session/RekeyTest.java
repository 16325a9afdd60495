package dev.fulmar.core.ike.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.ChildSaInfo;
import dev.fulmar.core.api.SaLifetime;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.core.esp.SaTable;
import dev.fulmar.core.ike.ExchangeHarness;
import dev.fulmar.core.ike.message.DeletePayload;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.ProtocolId;
import dev.fulmar.core.ike.message.SaPayload;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * CHILD SA and IKE SA rekeying (RFC 7296 §1.3.2, §1.3.3, §2.8, §2.18) against the in-memory
 * responder, started by our lifetimes or by the gateway, make-before-break in the data path.
 */
class RekeyTest {
  private static final Duration CHILD_REKEY = Duration.ofMinutes(20);
  private static final Duration IKE_REKEY = Duration.ofMinutes(50);
  private static final Duration NEVER = Duration.ofHours(100);
  private final ExchangeHarness h = new ExchangeHarness();
  private final SaTable table = new SaTable();

  /** Connects with these rekey times (no jitter) and no DPD. */
  private void establish(Duration child, Duration ike) {
    h.params.dpd(Duration.ZERO).saInstaller(table)
        .childLifetime(new SaLifetime(child, Duration.ZERO, child.plusMinutes(2)))
        .ikeLifetime(new SaLifetime(ike, Duration.ZERO, ike.plusMinutes(5)));
    h.connect();
    h.runAll();
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
  }

  @Test
  void rekeysTheChildSaWhenItsLifetimeRunsOutAndDeletesTheOldOne() {
    establish(CHILD_REKEY, NEVER);
    ChildSaInfo old = h.info().child();
    int before = h.gatewayReceived().size();

    h.loop.advance(CHILD_REKEY);
    // CREATE_CHILD_SA { N(REKEY_SA), SA, Ni, TSi, TSr } -->
    h.toGateway();
    IkeMessage rekey = h.gatewayReceived().get(before);
    assertThat(rekey.notify(NotifyType.REKEY_SA).orElseThrow().spi())
        .isEqualTo(spiBytes(old.inboundSpi()));
    // <-- { SA, Nr, TSi, TSr }: the new SA carries what we send from now on
    h.toClient();
    long newSpi = h.responder.sa().childOutboundSpi;
    assertThat(table.inbound((int) newSpi)).isNotNull();
    assertThat(table.inbound((int) old.inboundSpi())).as("old inbound until deleted")
        .isNotNull();
    // INFORMATIONAL { D(ESP, old SPI) } -->  <-- { }
    h.toGateway();
    IkeMessage delete = h.gatewayReceived().get(before + 1);
    assertThat(delete.first(DeletePayload.class).orElseThrow().spis())
        .containsExactly(old.inboundSpi());
    h.toClient();

    assertThat(table.inbound((int) old.inboundSpi())).isNull();
    assertThat(table.installed()).hasSize(2);
    assertThat(h.events.childRekeys).hasSize(1);
    assertThat(h.events.childRekeys.get(0)[0].inboundSpi()).isEqualTo(old.inboundSpi());
    assertThat(h.events.childRekeys.get(0)[1].inboundSpi()).isEqualTo(newSpi);
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
    // The successor is rekeyed in turn when its own lifetime runs out.
    assertThat(h.loop.pendingTimers()).contains(CHILD_REKEY);
  }

  @Test
  void answersTheGatewaysChildRekeyInboundFirstAndSwitchesWhenItDeletesTheOldSa() {
    establish(NEVER, NEVER);
    ChildSaInfo old = h.info().child();
    // <-- CREATE_CHILD_SA { N(REKEY_SA), SA, Ni, TSi, TSr }
    h.responder.sendChildRekey();
    h.toClient();
    // { SA, Nr, TSi, TSr } -->
    h.toGateway();
    IkeMessage answer = h.responder.answers().get(h.responder.answers().size() - 1);
    int ourNewSpi = answer.first(SaPayload.class).orElseThrow().proposals().get(0).spiValue()
        > 0 ? (int) answer.first(SaPayload.class).orElseThrow().proposals().get(0).spiValue()
        : 0;
    assertThat(table.inbound(ourNewSpi)).as("new inbound at once").isNotNull();
    assertThat(table.inbound((int) old.inboundSpi())).as("old inbound still").isNotNull();
    assertThat(table.outboundOf(old.inboundSpi())).as("still sending on the old SA")
        .isNotNull();
    assertThat(h.events.childRekeys).isEmpty();

    // <-- INFORMATIONAL { D(ESP, gateway's old SPI) }
    h.responder.deleteRekeyedChildSa();
    h.toClient();
    // { D(ESP, our old SPI) } -->
    h.toGateway();

    IkeMessage deleted = h.responder.answers().get(h.responder.answers().size() - 1);
    assertThat(deleted.first(DeletePayload.class).orElseThrow().spis())
        .containsExactly(old.inboundSpi());
    assertThat(table.inbound((int) old.inboundSpi())).isNull();
    assertThat(table.outboundOf(ourNewSpi & 0xffffffffL)).isNotNull();
    assertThat(table.installed()).hasSize(2);
    assertThat(h.events.childRekeys).hasSize(1);
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
  }

  @Test
  void refusesToRekeyAChildSaItDoesNotHave() {
    establish(NEVER, NEVER);
    h.responder.sendRequest(ExchangeType.CREATE_CHILD_SA, java.util.List.of(
        dev.fulmar.core.ike.message.NotifyPayload.forChildSa(NotifyType.REKEY_SA,
            ProtocolId.ESP, 0x12345678, new byte[0]),
        new dev.fulmar.core.ike.message.NoncePayload(new byte[32])));
    h.toClient();
    h.toGateway();

    IkeMessage answer = h.responder.answers().get(h.responder.answers().size() - 1);
    assertThat(answer.notify(NotifyType.CHILD_SA_NOT_FOUND)).isPresent();
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
  }

  @Test
  void rekeysTheIkeSaWhenItsLifetimeRunsOutAndGoesOnOnTheNewOne() {
    establish(NEVER, IKE_REKEY);
    long oldSpi = h.info().ikeSpiInitiator();
    h.loop.advance(IKE_REKEY);
    // CREATE_CHILD_SA { SA(new SPIi), Ni, KEi } -->  <-- { SA(new SPIr), Nr, KEr }
    h.toGateway();
    h.toClient();
    // INFORMATIONAL { D(IKE) } on the old SA -->  <-- { }
    h.toGateway();
    h.toClient();

    assertThat(h.responder.previousSa().deleted).isTrue();
    assertThat(h.events.ikeRekeys).hasSize(1);
    assertThat(h.events.ikeRekeys.get(0)).isNotEqualTo(oldSpi)
        .isEqualTo(h.responder.sa().spiI);
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
    assertThat(table.installed()).as("the CHILD SA moved to the new IKE SA").hasSize(2);

    // The new SA works: a liveness check on it is answered.
    h.session.checkLiveness();
    h.toGateway();
    h.toClient();
    assertThat(h.responder.sa().expectedMid).isEqualTo(1);
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
  }

  @Test
  void answersTheGatewaysIkeRekeyAndUsesTheNewSaForItsOwnRequests() {
    establish(CHILD_REKEY, NEVER);
    // <-- CREATE_CHILD_SA { SA(new SPIi), Ni, KEi }
    h.responder.sendIkeRekey();
    h.toClient();
    // { SA(new SPIr), Nr, KEr } -->
    h.toGateway();
    // <-- INFORMATIONAL { D(IKE) } on the old SA;  { } -->
    h.responder.deleteRekeyedIkeSa();
    h.toClient();
    h.toGateway();

    assertThat(h.events.ikeRekeys).containsExactly(h.responder.sa().spiI);
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);
    // CHILD rekey on the new IKE SA, where the gateway is the original initiator.
    h.loop.advance(CHILD_REKEY);
    h.runAll();
    assertThat(h.events.childRekeys).hasSize(1);
    assertThat(h.responder.sa().childRekeys).isEqualTo(1);
    assertThat(table.installed()).hasSize(2);
    assertThat(h.session.state()).isEqualTo(SessionState.ESTABLISHED);

    // Close on the new SA.
    h.session.close();
    h.runAll();
    assertThat(h.responder.sa().deleted).isTrue();
    assertThat(h.session.state()).isEqualTo(SessionState.CLOSED);
  }

  @Test
  void aChildSaThatCannotBeRekeyedBeforeItExpiresEndsTheSessionRetryably() {
    establish(CHILD_REKEY, NEVER);
    h.gateway.refuseRekeys = true;
    h.network.autoDeliver();

    // CREATE_CHILD_SA -->  <-- N(TEMPORARY_FAILURE), again every 10 s, until the hard expiry
    h.loop.advance(CHILD_REKEY.plusMinutes(2));

    assertThat(h.gatewayReceived().stream().filter(m -> m.notify(NotifyType.REKEY_SA)
        .isPresent()).count()).isGreaterThan(5);
    assertThat(h.session.state()).isEqualTo(SessionState.FAILED);
    assertThat(h.events.failure.code()).isEqualTo(dev.fulmar.core.api.ErrorCode.REKEY_FAILED);
    assertThat(h.events.failure.retryable()).isTrue();
    assertThat(h.responder.sa().deleted).as("the IKE SA is deleted first").isTrue();
  }

  private static byte[] spiBytes(long spi) {
    return java.nio.ByteBuffer.allocate(4).putInt((int) spi).array();
  }
}
