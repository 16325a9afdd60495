package dev.fulmar.core.ike.task;

import static dev.fulmar.core.ike.task.RekeyRig.OLD_IN;
import static dev.fulmar.core.ike.task.RekeyRig.OLD_OUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.ike.crypto.KeyExchange;
import dev.fulmar.core.ike.message.DeletePayload;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.KePayload;
import dev.fulmar.core.ike.message.NoncePayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.Payload;
import dev.fulmar.core.ike.message.ProtocolId;
import dev.fulmar.core.ike.message.SaPayload;
import dev.fulmar.core.ike.message.TransformType;
import dev.fulmar.core.ike.sa.ChildSa;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CHILD SA rekeys with one additional key exchange (Curve25519, then ML-KEM-768 as ADDKE1): the
 * CREATE_CHILD_SA and its IKE_FOLLOWUP_KE exchange (RFC 9370 §2.2.4), as initiator and as
 * responder, each against the gateway played by the test over the real codec and SK protection.
 * The new SA's keys are checked against {@link ExpectedKeys}, computed from the RFC text with
 * {@code javax.crypto.Mac} from the shared secrets the gateway side got.
 */
class ChildRekeyFollowupTest {
  private final RekeyRig rig = new RekeyRig(FollowupGateway.IKE, FollowupGateway.ESP);
  private final FollowupGateway gw = new FollowupGateway(rig);

  @Test
  void weRekeyWithAFollowupRoundEchoingTheLinkAndDeriveFromBothSecrets() throws Exception {
    ChildRekeyTask task = new ChildRekeyTask(rig.ctx, OLD_IN);
    // CREATE_CHILD_SA {N(REKEY_SA), SA(KE=x25519, ADDKE1=mlkem768), Ni, KEi(x25519), TSi, TSr}
    IkeMessage request = gw.receive(task, ExchangeType.CREATE_CHILD_SA);
    assertThat(request.payloads(KePayload.class)).singleElement()
        .extracting(ke -> ke.method().value()).isEqualTo(Algorithm.CURVE25519.transformId());
    assertThat(request.first(SaPayload.class).orElseThrow().proposals().get(0)
        .transforms(TransformType.ADDKE1)).singleElement()
        .extracting(t -> t.id()).isEqualTo(Algorithm.ML_KEM_768.transformId());
    byte[] ni = request.first(NoncePayload.class).orElseThrow().nonce();
    byte[] nr = HexFormat.of().parseHex("a5".repeat(32));

    // <-- {SA, Nr, KEr(x25519), TSi, TSr, N(ADDITIONAL_KEY_EXCHANGE)(link)}
    assertThat(task.process(rig.answerToEngine(ExchangeType.CREATE_CHILD_SA,
        gw.childAnswer(request, nr, true)))).isEqualTo(Task.Status.NEED_MORE);
    assertThat(task.exchange()).isEqualTo(ExchangeType.IKE_FOLLOWUP_KE);
    assertThat(rig.installer.calls).as("nothing enters the data path before the last round")
        .isEmpty();
    assertThat(rig.old.state()).isEqualTo(ChildSa.State.REKEYING);

    // IKE_FOLLOWUP_KE {N(ADDITIONAL_KEY_EXCHANGE)(link), KEi(mlkem768)} -->
    IkeMessage followup = gw.receive(task, ExchangeType.IKE_FOLLOWUP_KE);
    assertThat(followup.notify(NotifyType.ADDITIONAL_KEY_EXCHANGE).orElseThrow().data())
        .isEqualTo(FollowupGateway.LINK);
    // <-- {KEr(mlkem768)}
    assertThat(task.process(rig.answerToEngine(ExchangeType.IKE_FOLLOWUP_KE,
        List.of(gw.encapsulate(followup))))).isEqualTo(Task.Status.NEED_MORE);

    ChildSa next = rig.hooks.installed.get(0);
    long newSpi = request.first(SaPayload.class).orElseThrow().proposals().get(0).spiValue();
    assertThat(next.inboundSpi()).isEqualTo(newSpi);
    assertThat(next.outboundSpi()).isEqualTo(FollowupGateway.GATEWAY_NEW_SPI);
    assertThat(next.info().keyExchange()).isEqualTo(Algorithm.CURVE25519);
    assertThat(next.info().additionalKeyExchanges()).containsExactly(Algorithm.ML_KEM_768);
    gw.assertChildKeysFromAllSecrets(next.keys(), ni, nr);
    assertThat(rig.installer.calls).containsExactly(
        "rekey c0de0001 -> " + Long.toHexString(newSpi));
    assertThat(rig.hooks.rekeyed).singleElement()
        .satisfies(pair -> assertThat(pair).containsExactly(rig.old, next));

    // INFORMATIONAL {D(ESP, old SPI)} -->  <-- {D(ESP, gateway's old SPI)}
    assertThat(task.exchange()).isEqualTo(ExchangeType.INFORMATIONAL);
    IkeMessage delete = gw.receive(task, ExchangeType.INFORMATIONAL);
    assertThat(delete.first(DeletePayload.class).orElseThrow().spis()).containsExactly(OLD_IN);
    assertThat(task.process(rig.answerToEngine(ExchangeType.INFORMATIONAL, List.of(
        DeletePayload.childSas(ProtocolId.ESP, (int) OLD_OUT))))).isEqualTo(Task.Status.DONE);
    assertThat(rig.sa.children()).containsExactly(next);
    assertThat(rig.installer.calls).last().isEqualTo("delete c0de0001");
    assertThat(rig.old.keys().isDestroyed()).isTrue();
  }

  @Test
  void weAnswerTheGatewaysRekeyWithALinkAndInstallOnlyAfterItsFollowup() throws Exception {
    ChildRekeyResponder responder = new ChildRekeyResponder(rig.ctx);
    byte[] ni = HexFormat.of().parseHex("5a".repeat(32));
    KeyExchange kei0 = FollowupGateway.initiate(Algorithm.CURVE25519, rig);
    // <-- CREATE_CHILD_SA {N(REKEY_SA), SA(KE=x25519, ADDKE1=mlkem768), Ni, KEi(x25519), TSi, TSr}
    IkeMessage answer = gw.request(responder, ExchangeType.CREATE_CHILD_SA,
        gw.childRekey(ni, kei0));
    assertThat(responder.waitingForFollowup()).isTrue();
    byte[] link = answer.notify(NotifyType.ADDITIONAL_KEY_EXCHANGE).orElseThrow().data();
    assertThat(link).isNotEmpty();
    KePayload ker0 = answer.first(KePayload.class).orElseThrow();
    assertThat(ker0.method().value()).isEqualTo(Algorithm.CURVE25519.transformId());
    gw.complete(kei0, answer);
    byte[] nr = answer.first(NoncePayload.class).orElseThrow().nonce();
    long ourNewSpi = answer.first(SaPayload.class).orElseThrow().proposals().get(0).spiValue();
    assertThat(rig.installer.calls).isEmpty();
    assertThat(rig.hooks.installed).isEmpty();

    // <-- IKE_FOLLOWUP_KE {N(ADDITIONAL_KEY_EXCHANGE)(link), KEi(mlkem768)}
    KeyExchange kei1 = FollowupGateway.initiate(Algorithm.ML_KEM_768, rig);
    IkeMessage followup = gw.followup(link, Algorithm.ML_KEM_768, kei1.publicValue());
    assertThat(responder.continuedBy(followup)).isTrue();
    assertThat(responder.exchange()).isEqualTo(ExchangeType.IKE_FOLLOWUP_KE);
    IkeMessage last = gw.request(responder, followup, Task.Status.DONE);
    // {KEr(mlkem768)} -->
    assertThat(last.notify(NotifyType.ADDITIONAL_KEY_EXCHANGE)).isEmpty();
    gw.complete(kei1, last);
    assertThat(responder.waitingForFollowup()).isFalse();

    ChildSa next = rig.hooks.installed.get(0);
    assertThat(next.inboundSpi()).isEqualTo(ourNewSpi);
    assertThat(next.outboundSpi()).isEqualTo(FollowupGateway.GATEWAY_NEW_SPI);
    gw.assertChildKeysFromAllSecrets(next.keys(), ni, nr);
    assertThat(rig.installer.calls).containsExactly(
        "rekeyInboundFirst c0de0001 -> " + Long.toHexString(ourNewSpi));
    assertThat(rig.old.state()).isEqualTo(ChildSa.State.REKEYED);

    // <-- INFORMATIONAL {D(ESP, gateway's old SPI)}  {D(ESP, our old SPI)} -->
    InformationalResponderTask info = new InformationalResponderTask(rig.ctx);
    info.process(rig.requestToEngine(ExchangeType.INFORMATIONAL, List.of(
        DeletePayload.childSas(ProtocolId.ESP, (int) OLD_OUT))));
    List<Payload> deleted = new ArrayList<>();
    info.build(deleted);
    assertThat(((DeletePayload) deleted.get(0)).spis()).containsExactly(OLD_IN);
    assertThat(rig.sa.children()).containsExactly(next);
    assertThat(rig.installer.calls).last().isEqualTo("delete c0de0001");
    assertThat(rig.hooks.rekeyed).singleElement()
        .satisfies(pair -> assertThat(pair).containsExactly(rig.old, next));
  }
}
