package dev.fulmar.core.ike.task;

import static dev.fulmar.core.ike.task.RekeyRig.OLD_IN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.ike.crypto.KeyExchange;
import dev.fulmar.core.ike.message.DeletePayload;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.KePayload;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.Payload;
import dev.fulmar.core.ike.message.ProtocolId;
import dev.fulmar.core.ike.message.SaPayload;
import dev.fulmar.core.ike.sa.ChildSa;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A CHILD SA rekey whose IKE_FOLLOWUP_KE goes wrong (RFC 9370 §2.2.4): whatever the gateway gets
 * wrong, no new SA reaches the data path, the old SA is INSTALLED again (carrying the traffic
 * and rekeyable), and the rekey either is retried later (the gateway refused) or fails with a
 * typed protocol error (the gateway broke the protocol).
 */
class ChildRekeyFollowupFailureTest {
  private static final byte[] NR = HexFormat.of().parseHex("a5".repeat(32));
  private final RekeyRig rig = new RekeyRig(FollowupGateway.IKE, FollowupGateway.ESP);
  private final FollowupGateway gw = new FollowupGateway(rig);
  private final ChildRekeyTask task = new ChildRekeyTask(rig.ctx, OLD_IN);
  /** Our inbound SPI of the new SA, from our CREATE_CHILD_SA offer. */
  private long newSpiOffered;

  /** CREATE_CHILD_SA answered with the link; our IKE_FOLLOWUP_KE request as the gateway sees it. */
  private IkeMessage upToFollowup() throws Exception {
    IkeMessage request = gw.receive(task, ExchangeType.CREATE_CHILD_SA);
    newSpiOffered = request.first(SaPayload.class).orElseThrow().proposals().get(0).spiValue();
    assertThat(task.process(rig.answerToEngine(ExchangeType.CREATE_CHILD_SA,
        gw.childAnswer(request, NR, true)))).isEqualTo(Task.Status.NEED_MORE);
    return gw.receive(task, ExchangeType.IKE_FOLLOWUP_KE);
  }

  private void assertOldSaStaysAndNothingInstalled() {
    assertThat(rig.installer.calls).isEmpty();
    assertThat(rig.hooks.installed).isEmpty();
    assertThat(rig.sa.children()).containsExactly(rig.old);
    assertThat(rig.old.state()).isEqualTo(ChildSa.State.INSTALLED);
    assertThat(rig.old.activeRekeyConcluding()).isFalse();
    assertThat(task.exchange()).as("no further exchange of this rekey").isNull();
  }

  @ParameterizedTest
  @ValueSource(ints = {47, 7, 14}) // STATE_NOT_FOUND, INVALID_SYNTAX, NO_PROPOSAL_CHOSEN
  void aFollowupRefusedByTheGatewayIsRetriedLater(int error) throws Exception {
    upToFollowup();
    // <-- IKE_FOLLOWUP_KE {N(error)}
    NotifyType type = NotifyType.valueOf(error);
    assertThat(task.process(rig.answerToEngine(ExchangeType.IKE_FOLLOWUP_KE,
        List.of(NotifyPayload.of(type))))).isEqualTo(Task.Status.DONE);

    assertOldSaStaysAndNothingInstalled();
    assertThat(rig.hooks.childRetries).containsExactly(OLD_IN);
  }

  @Test
  void aCreateChildSaResponseWithoutTheLinkFailsTheRekeyWithAProtocolError() throws Exception {
    IkeMessage request = gw.receive(task, ExchangeType.CREATE_CHILD_SA);
    // <-- {SA(ADDKE1=mlkem768), Nr, KEr, TSi, TSr} without N(ADDITIONAL_KEY_EXCHANGE)
    IkeMessage answer = rig.answerToEngine(ExchangeType.CREATE_CHILD_SA,
        gw.childAnswer(request, NR, false));

    TaskFailure f = catchThrowableOfType(() -> task.process(answer), TaskFailure.class);

    assertThat(f.failure().code()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
    assertThat(f.failure().step()).isEqualTo(FailureStep.REKEY);
    assertThat(f.failure().toString()).contains("ADDITIONAL_KEY_EXCHANGE");
    assertOldSaStaysAndNothingInstalled();
  }

  @Test
  void aFollowupAnsweredWithTheWrongKeyExchangeMethodFailsTheRekey() throws Exception {
    upToFollowup();
    // <-- {KEr(x25519)} where ML-KEM-768 was due
    KeyExchange other = FollowupGateway.initiate(Algorithm.CURVE25519, rig);
    IkeMessage answer = rig.answerToEngine(ExchangeType.IKE_FOLLOWUP_KE,
        List.of(FollowupGateway.ke(Algorithm.CURVE25519, other.publicValue())));

    TaskFailure f = catchThrowableOfType(() -> task.process(answer), TaskFailure.class);

    assertThat(f.failure().code()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
    assertThat(f.failure().toString()).contains("ML-KEM-768");
    assertOldSaStaysAndNothingInstalled();
  }

  @Test
  void aFollowupAnswerWithoutKeyExchangeFailsTheRekey() throws Exception {
    upToFollowup();
    IkeMessage answer = rig.answerToEngine(ExchangeType.IKE_FOLLOWUP_KE, List.of());

    TaskFailure f = catchThrowableOfType(() -> task.process(answer), TaskFailure.class);

    assertThat(f.failure().code()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
    assertThat(f.failure().toString()).contains("no KE payload");
    assertOldSaStaysAndNothingInstalled();
  }

  @Test
  void theGatewayDeletingTheOldSaDuringTheFollowupMakesUsDeleteItsNewOne() throws Exception {
    IkeMessage followup = upToFollowup();
    // <-- INFORMATIONAL {D(ESP, gateway's old SPI)}   {D(ESP, our old SPI)} -->
    InformationalResponderTask info = new InformationalResponderTask(rig.ctx);
    info.process(rig.requestToEngine(ExchangeType.INFORMATIONAL, List.of(
        DeletePayload.childSas(ProtocolId.ESP, (int) RekeyRig.OLD_OUT))));
    // <-- {KEr(mlkem768)}: the gateway created the new SA with the last round
    assertThat(task.process(rig.answerToEngine(ExchangeType.IKE_FOLLOWUP_KE,
        List.of(gw.encapsulate(followup))))).isEqualTo(Task.Status.NEED_MORE);

    // INFORMATIONAL {D(ESP, the new SA's SPI)} -->  <-- {D(ESP, ...)}
    IkeMessage delete = gw.receive(task, ExchangeType.INFORMATIONAL);
    assertThat(delete.first(DeletePayload.class).orElseThrow().spis())
        .containsExactly(newSpiOffered);
    assertThat(task.process(rig.answerToEngine(ExchangeType.INFORMATIONAL, List.of())))
        .isEqualTo(Task.Status.DONE);
    assertThat(rig.hooks.installed).isEmpty();
    assertThat(rig.sa.children()).isEmpty();
    assertThat(rig.installer.calls).containsExactly("delete c0de0001");
    assertThat(rig.hooks.childRetries).isEmpty();
  }

  @Test
  void aGatewayFollowupWithTheWrongMethodIsRefusedAndLeavesNoHalfDoneRekey() throws Exception {
    ChildRekeyResponder responder = new ChildRekeyResponder(rig.ctx);
    KeyExchange kei0 = FollowupGateway.initiate(Algorithm.CURVE25519, rig);
    IkeMessage answer = gw.request(responder, ExchangeType.CREATE_CHILD_SA,
        gw.childRekey(HexFormat.of().parseHex("5a".repeat(32)), kei0));
    byte[] link = answer.notify(NotifyType.ADDITIONAL_KEY_EXCHANGE).orElseThrow().data();

    // <-- IKE_FOLLOWUP_KE {N(link), KEi(x25519)} where ML-KEM-768 is due
    KeyExchange wrong = FollowupGateway.initiate(Algorithm.CURVE25519, rig);
    IkeMessage refused = gw.request(responder,
        gw.followup(link, Algorithm.CURVE25519, wrong.publicValue()), Task.Status.DONE);

    assertThat(refused.payloads(NotifyPayload.class)).singleElement()
        .satisfies(n -> assertThat(n.isError()).isTrue());
    assertThat(refused.first(KePayload.class)).isEmpty();
    assertThat(responder.waitingForFollowup()).isFalse();
    assertThat(rig.installer.calls).isEmpty();
    assertThat(rig.sa.children()).containsExactly(rig.old);
    assertThat(rig.old.state()).isEqualTo(ChildSa.State.INSTALLED);
    assertThat(rig.old.passiveLowerNonce()).as("no trace of the abandoned rekey").isNull();
  }

  @Test
  void aGatewayFollowupWithAnotherLinkDoesNotContinueTheRekey() throws Exception {
    ChildRekeyResponder responder = new ChildRekeyResponder(rig.ctx);
    KeyExchange kei0 = FollowupGateway.initiate(Algorithm.CURVE25519, rig);
    IkeMessage answer = gw.request(responder, ExchangeType.CREATE_CHILD_SA,
        gw.childRekey(HexFormat.of().parseHex("5a".repeat(32)), kei0));
    byte[] link = answer.notify(NotifyType.ADDITIONAL_KEY_EXCHANGE).orElseThrow().data();
    byte[] other = link.clone();
    other[0] ^= 1;
    KeyExchange kei1 = FollowupGateway.initiate(Algorithm.ML_KEM_768, rig);

    assertThat(responder.continuedBy(gw.followup(other, Algorithm.ML_KEM_768,
        kei1.publicValue()))).isFalse();
    assertThat(responder.continuedBy(rig.requestToEngine(ExchangeType.IKE_FOLLOWUP_KE,
        List.<Payload>of(FollowupGateway.ke(Algorithm.ML_KEM_768, kei1.publicValue())))))
        .as("no link at all").isFalse();
    assertThat(responder.continuedBy(gw.followup(link, Algorithm.ML_KEM_768,
        kei1.publicValue()))).isTrue();
    assertThat(rig.installer.calls).isEmpty();
  }
}
