package dev.fulmar.core.ike.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.ike.crypto.IkeSaKeys;
import dev.fulmar.core.ike.crypto.KeyExchange;
import dev.fulmar.core.ike.message.DeletePayload;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.KePayload;
import dev.fulmar.core.ike.message.NoncePayload;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.ProtocolId;
import dev.fulmar.core.ike.message.SaPayload;
import dev.fulmar.core.ike.message.TransformType;
import dev.fulmar.core.ike.sa.IkeSa;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * IKE SA rekeys with one additional key exchange (Curve25519, then ML-KEM-768 as ADDKE1), as
 * initiator and as responder, and what happens when the followup goes wrong. The new IKE SA's
 * keys are checked against {@link ExpectedKeys}: SKEYSEED = prf(SK_d(old), SK(0) | Ni | Nr |
 * SK(1)) (RFC 9370 §2.2.4), then prf+ over Ni | Nr | SPIi | SPIr (RFC 7296 §2.18).
 */
class IkeRekeyFollowupTest {
  private static final byte[] NI = HexFormat.of().parseHex("5a".repeat(32));
  private static final byte[] NR = HexFormat.of().parseHex("a5".repeat(32));
  private static final long GATEWAY_SPI = 0x5555666677778888L;
  private final RekeyRig rig = new RekeyRig(FollowupGateway.IKE, FollowupGateway.ESP);
  private final FollowupGateway gw = new FollowupGateway(rig);
  private final IkeRekeyTask task = new IkeRekeyTask(rig.ctx);
  private final byte[] oldSkD = rig.gatewayKeys().skD();

  @Test
  void weRekeyTheIkeSaWithAFollowupRoundAndSkeyseedFromBothSecrets() throws Exception {
    // CREATE_CHILD_SA {SA(new SPIi, KE=x25519, ADDKE1=mlkem768), Ni, KEi(x25519)} -->
    IkeMessage request = upToFollowup();
    long ourSpi = request.first(SaPayload.class).orElseThrow().proposals().get(0).spiValue();
    byte[] ni = request.first(NoncePayload.class).orElseThrow().nonce();
    assertThat(request.first(SaPayload.class).orElseThrow().proposals().get(0)
        .transforms(TransformType.ADDKE1)).singleElement()
        .extracting(t -> t.id()).isEqualTo(Algorithm.ML_KEM_768.transformId());
    assertThat(rig.hooks.ikeRekeys).as("no new IKE SA before the last round").isEmpty();
    assertThat(rig.sa.state()).isEqualTo(IkeSa.State.REKEYING);

    // IKE_FOLLOWUP_KE {N(ADDITIONAL_KEY_EXCHANGE)(link), KEi(mlkem768)} -->  <-- {KEr(mlkem768)}
    IkeMessage followup = gw.receive(task, ExchangeType.IKE_FOLLOWUP_KE);
    assertThat(followup.notify(NotifyType.ADDITIONAL_KEY_EXCHANGE).orElseThrow().data())
        .isEqualTo(FollowupGateway.LINK);
    assertThat(task.process(rig.answerToEngine(ExchangeType.IKE_FOLLOWUP_KE,
        List.of(gw.encapsulate(followup))))).isEqualTo(Task.Status.NEED_MORE);

    RekeyedIkeSa next = rig.hooks.ikeRekeys.get(0);
    assertThat(rig.hooks.ikeOutcomes).containsExactly(SessionHooks.IkeRekeyOutcome.CURRENT);
    assertThat(next.sa().isInitiator()).isTrue();
    assertThat(next.sa().spiInitiator()).isEqualTo(ourSpi);
    assertThat(next.sa().spiResponder()).isEqualTo(GATEWAY_SPI);
    assertThat(next.keyExchanges()).containsExactly(Algorithm.CURVE25519,
        Algorithm.ML_KEM_768);
    assertIkeKeysFromAllSecrets(next.sa().keys().material(), ni, NR, ourSpi, GATEWAY_SPI);
    assertThat(rig.sa.state()).isEqualTo(IkeSa.State.REKEYED);

    // INFORMATIONAL {D(IKE)} on the old SA -->  <-- {}
    IkeMessage delete = gw.receive(task, ExchangeType.INFORMATIONAL);
    assertThat(delete.first(DeletePayload.class).orElseThrow().protocol())
        .isEqualTo(ProtocolId.IKE);
    assertThat(task.process(rig.answerToEngine(ExchangeType.INFORMATIONAL, List.of())))
        .isEqualTo(Task.Status.DONE);
  }

  @Test
  void weAnswerTheGatewaysIkeRekeyAndTakeTheNewSaOnlyAfterItsFollowup() throws Exception {
    IkeRekeyResponder responder = new IkeRekeyResponder(rig.ctx);
    KeyExchange kei0 = FollowupGateway.initiate(Algorithm.CURVE25519, rig);
    // <-- CREATE_CHILD_SA {SA(SPIi, KE=x25519, ADDKE1=mlkem768), Ni, KEi(x25519)}
    // {SA(SPIr), Nr, KEr(x25519), N(ADDITIONAL_KEY_EXCHANGE)(link)} -->
    IkeMessage answer = gw.request(responder, ExchangeType.CREATE_CHILD_SA,
        gw.ikeRekey(GATEWAY_SPI, NI, kei0));
    gw.complete(kei0, answer);
    byte[] link = answer.notify(NotifyType.ADDITIONAL_KEY_EXCHANGE).orElseThrow().data();
    long ourSpi = answer.first(SaPayload.class).orElseThrow().proposals().get(0).spiValue();
    byte[] nr = answer.first(NoncePayload.class).orElseThrow().nonce();
    assertThat(responder.waitingForFollowup()).isTrue();
    assertThat(rig.hooks.ikeRekeys).isEmpty();

    // <-- IKE_FOLLOWUP_KE {N(link), KEi(mlkem768)}   {KEr(mlkem768)} -->
    KeyExchange kei1 = FollowupGateway.initiate(Algorithm.ML_KEM_768, rig);
    IkeMessage followup = gw.followup(link, Algorithm.ML_KEM_768, kei1.publicValue());
    assertThat(responder.continuedBy(followup)).isTrue();
    gw.complete(kei1, gw.request(responder, followup, Task.Status.DONE));

    RekeyedIkeSa next = rig.hooks.ikeRekeys.get(0);
    assertThat(rig.hooks.ikeOutcomes).containsExactly(SessionHooks.IkeRekeyOutcome.CURRENT);
    assertThat(next.sa().isInitiator()).as("the gateway started it").isFalse();
    assertThat(next.sa().spiInitiator()).isEqualTo(GATEWAY_SPI);
    assertThat(next.sa().spiResponder()).isEqualTo(ourSpi);
    assertIkeKeysFromAllSecrets(next.sa().keys().material(), NI, nr, GATEWAY_SPI, ourSpi);
    assertThat(rig.sa.state()).isEqualTo(IkeSa.State.REKEYED);
  }

  @Test
  void aFollowupRefusedByTheGatewayLeavesTheIkeSaAndRetriesLater() throws Exception {
    upToFollowup();
    gw.receive(task, ExchangeType.IKE_FOLLOWUP_KE);
    // <-- IKE_FOLLOWUP_KE {N(STATE_NOT_FOUND)}
    assertThat(task.process(rig.answerToEngine(ExchangeType.IKE_FOLLOWUP_KE,
        List.of(NotifyPayload.of(NotifyType.STATE_NOT_FOUND))))).isEqualTo(Task.Status.DONE);

    assertOldIkeSaStays();
    assertThat(task.exchange()).as("no further exchange of this rekey").isNull();
    assertThat(rig.hooks.ikeRetries).hasSize(1);
  }

  @Test
  void aFollowupAnsweredWithTheWrongMethodFailsTheIkeRekeyWithAProtocolError()
      throws Exception {
    upToFollowup();
    gw.receive(task, ExchangeType.IKE_FOLLOWUP_KE);
    KeyExchange other = FollowupGateway.initiate(Algorithm.CURVE25519, rig);
    IkeMessage answer = rig.answerToEngine(ExchangeType.IKE_FOLLOWUP_KE,
        List.of(FollowupGateway.ke(Algorithm.CURVE25519, other.publicValue())));

    TaskFailure f = catchThrowableOfType(() -> task.process(answer), TaskFailure.class);

    assertThat(f.failure().code()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
    assertThat(f.failure().toString()).contains("ML-KEM-768");
    assertOldIkeSaStays();
    assertThat(task.exchange()).as("no further exchange of this rekey").isNull();
  }

  @Test
  void aGatewayFollowupWithTheWrongMethodIsRefusedAndTheIkeSaStays() throws Exception {
    IkeRekeyResponder responder = new IkeRekeyResponder(rig.ctx);
    KeyExchange kei0 = FollowupGateway.initiate(Algorithm.CURVE25519, rig);
    IkeMessage answer = gw.request(responder, ExchangeType.CREATE_CHILD_SA,
        gw.ikeRekey(GATEWAY_SPI, NI, kei0));
    byte[] link = answer.notify(NotifyType.ADDITIONAL_KEY_EXCHANGE).orElseThrow().data();
    KeyExchange wrong = FollowupGateway.initiate(Algorithm.CURVE25519, rig);

    IkeMessage refused = gw.request(responder,
        gw.followup(link, Algorithm.CURVE25519, wrong.publicValue()), Task.Status.DONE);

    assertThat(refused.payloads(NotifyPayload.class)).singleElement()
        .satisfies(n -> assertThat(n.isError()).isTrue());
    assertThat(refused.first(KePayload.class)).isEmpty();
    assertThat(responder.waitingForFollowup()).isFalse();
    assertOldIkeSaStays();
  }

  /** CREATE_CHILD_SA sent and answered with the link; returns our request. */
  private IkeMessage upToFollowup() throws Exception {
    IkeMessage request = gw.receive(task, ExchangeType.CREATE_CHILD_SA);
    assertThat(request.payloads(KePayload.class)).singleElement()
        .extracting(ke -> ke.method().value()).isEqualTo(Algorithm.CURVE25519.transformId());
    // <-- {SA(new SPIr), Nr, KEr(x25519), N(ADDITIONAL_KEY_EXCHANGE)(link)}
    assertThat(task.process(rig.answerToEngine(ExchangeType.CREATE_CHILD_SA,
        gw.ikeAnswer(request, NR, GATEWAY_SPI)))).isEqualTo(Task.Status.NEED_MORE);
    assertThat(task.exchange()).isEqualTo(ExchangeType.IKE_FOLLOWUP_KE);
    return request;
  }

  private void assertOldIkeSaStays() {
    assertThat(rig.hooks.ikeRekeys).isEmpty();
    assertThat(rig.sa.state()).isEqualTo(IkeSa.State.ESTABLISHED);
    assertThat(rig.sa.activeRekeyConcluding()).isFalse();
    assertThat(rig.sa.passiveRekeyLowerNonce()).isNull();
  }

  /** SK_d, SK_e and SK_p of the new SA come from every secret, not from SK(0) alone. */
  private void assertIkeKeysFromAllSecrets(IkeSaKeys keys, byte[] ni, byte[] nr, long spiI,
      long spiR) throws Exception {
    assertThat(gw.secrets).hasSize(2);
    byte[] expected = ExpectedKeys.ikeKeys(oldSkD, gw.secrets, ni, nr, spiI, spiR);
    byte[] firstOnly = ExpectedKeys.ikeKeys(oldSkD, gw.secrets.subList(0, 1), ni, nr, spiI,
        spiR);
    byte[] actual = ExpectedKeys.concat(keys.skD(), keys.skEi(), keys.skEr(), keys.skPi(),
        keys.skPr());
    assertThat(actual).isEqualTo(expected).isNotEqualTo(firstOnly);
  }
}
