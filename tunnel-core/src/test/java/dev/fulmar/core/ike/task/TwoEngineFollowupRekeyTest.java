package dev.fulmar.core.ike.task;

import static dev.fulmar.core.ike.task.RekeyRig.OLD_IN;
import static dev.fulmar.core.ike.task.RekeyRig.OLD_OUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.ike.crypto.ChildSaKeys;
import dev.fulmar.core.ike.crypto.IkeSaKeys;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeHeader;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.KePayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.Payload;
import dev.fulmar.core.ike.message.VendorIdPayload;
import dev.fulmar.core.ike.sa.ChildSa;
import dev.fulmar.core.ike.sa.IkeSa;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our rekey initiators against our rekey responders, both with x25519 + ML-KEM-768 (ADDKE1), over
 * the real codec and SK protection (RFC 7296 §1.3.2, §1.3.3; RFC 9370 §2.2.4): both sides must
 * end with the same keys, each side's outbound SA being the other's inbound one, and the new IKE
 * SA must carry a message from one side to the other.
 */
class TwoEngineFollowupRekeyTest {
  private RekeyRig client = new RekeyRig(FollowupGateway.IKE, FollowupGateway.ESP);
  private RekeyRig gateway = new RekeyRig(FollowupGateway.IKE, FollowupGateway.ESP, true);
  /** Every request as the gateway engine received it, and every answer as we received it. */
  private final List<IkeMessage> requests = new ArrayList<>();
  private final List<IkeMessage> answers = new ArrayList<>();

  /** One exchange: our request to the gateway engine and its answer back to us. */
  private Task.Status exchange(Task initiator, RekeyResponder responder, ExchangeType type,
      Task.Status responderStatus) throws TaskFailure {
    assertThat(initiator.exchange()).isEqualTo(type);
    List<Payload> request = new ArrayList<>();
    initiator.build(request);
    IkeMessage received = client.toGateway(type, request);
    requests.add(received);
    List<Payload> answer = new ArrayList<>();
    if (type.equals(ExchangeType.INFORMATIONAL)) {
      InformationalResponderTask info = new InformationalResponderTask(gateway.ctx);
      info.process(received);
      info.build(answer);
    } else {
      if (type.equals(ExchangeType.IKE_FOLLOWUP_KE)) {
        assertThat(responder.continuedBy(received)).isTrue();
      }
      responder.process(received);
      assertThat(responder.build(answer)).isEqualTo(responderStatus);
    }
    IkeMessage back = client.answerToEngine(type, answer);
    answers.add(back);
    return initiator.process(back);
  }

  @Test
  void ourChildRekeyAgainstOurResponderEndsWithTheSameKeysOnBothSides() throws Exception {
    ChildRekeyTask task = new ChildRekeyTask(client.ctx, OLD_IN);
    ChildRekeyResponder responder = new ChildRekeyResponder(gateway.ctx);
    // CREATE_CHILD_SA {N(REKEY_SA), SA, Ni, KEi(x25519), TSi, TSr} -->
    //                        <-- {SA, Nr, KEr(x25519), TSi, TSr, N(ADDITIONAL_KEY_EXCHANGE)}
    assertThat(exchange(task, responder, ExchangeType.CREATE_CHILD_SA, Task.Status.NEED_MORE))
        .isEqualTo(Task.Status.NEED_MORE);
    // IKE_FOLLOWUP_KE {N(ADDITIONAL_KEY_EXCHANGE), KEi(mlkem768)} -->  <-- {KEr(mlkem768)}
    assertThat(exchange(task, responder, ExchangeType.IKE_FOLLOWUP_KE, Task.Status.DONE))
        .isEqualTo(Task.Status.NEED_MORE);
    ChildSa ours = client.hooks.installed.get(0);
    ChildSa theirs = gateway.hooks.installed.get(0);
    assertThat(ours.inboundSpi()).isEqualTo(theirs.outboundSpi());
    assertThat(ours.outboundSpi()).isEqualTo(theirs.inboundSpi());
    assertSameKeys(ours.keys(), theirs.keys());

    // INFORMATIONAL {D(ESP, old SPI)} -->  <-- {D(ESP, gateway's old SPI)}
    assertThat(exchange(task, null, ExchangeType.INFORMATIONAL, null))
        .isEqualTo(Task.Status.DONE);
    assertThat(client.sa.children()).containsExactly(ours);
    assertThat(gateway.sa.children()).containsExactly(theirs);
    assertThat(client.installer.calls).containsExactly(
        "rekey c0de0001 -> " + Long.toHexString(ours.inboundSpi()), "delete c0de0001");
    assertThat(gateway.installer.calls).containsExactly(
        "rekeyInboundFirst beef0001 -> " + Long.toHexString(theirs.inboundSpi()),
        "delete beef0001");
    assertThat(client.hooks.rekeyed).hasSize(1);
    assertThat(gateway.hooks.rekeyed).hasSize(1);
  }

  @Test
  void ourIkeRekeyAgainstOurResponderGivesOneWorkingIkeSa() throws Exception {
    IkeRekeyTask task = new IkeRekeyTask(client.ctx);
    IkeRekeyResponder responder = new IkeRekeyResponder(gateway.ctx);
    // CREATE_CHILD_SA {SA(new SPIi), Ni, KEi(x25519)} -->
    //                        <-- {SA(new SPIr), Nr, KEr(x25519), N(ADDITIONAL_KEY_EXCHANGE)}
    assertThat(exchange(task, responder, ExchangeType.CREATE_CHILD_SA, Task.Status.NEED_MORE))
        .isEqualTo(Task.Status.NEED_MORE);
    assertThat(client.hooks.ikeRekeys).isEmpty();
    assertThat(gateway.hooks.ikeRekeys).isEmpty();
    // IKE_FOLLOWUP_KE {N(ADDITIONAL_KEY_EXCHANGE), KEi(mlkem768)} -->  <-- {KEr(mlkem768)}
    assertThat(exchange(task, responder, ExchangeType.IKE_FOLLOWUP_KE, Task.Status.DONE))
        .isEqualTo(Task.Status.NEED_MORE);

    IkeSa ours = client.hooks.ikeRekeys.get(0).sa();
    IkeSa theirs = gateway.hooks.ikeRekeys.get(0).sa();
    assertThat(ours.isInitiator()).isTrue();
    assertThat(theirs.isInitiator()).isFalse();
    assertThat(ours.spiInitiator()).isEqualTo(theirs.spiInitiator());
    assertThat(ours.spiResponder()).isEqualTo(theirs.spiResponder());
    IkeSaKeys a = ours.keys().material();
    IkeSaKeys b = theirs.keys().material();
    assertThat(ExpectedKeys.concat(a.skD(), a.skEi(), a.skEr(), a.skPi(), a.skPr()))
        .isEqualTo(ExpectedKeys.concat(b.skD(), b.skEi(), b.skEr(), b.skPi(), b.skPr()));
    assertThat(a.skD()).isNotEqualTo(client.gatewayKeys().skD());

    // A request sealed on our new SA opens on the gateway's, and its answer the other way.
    IkeHeader h = IkeHeader.request(ours.spiInitiator(), ours.spiResponder(),
        ExchangeType.INFORMATIONAL, 0, true);
    byte[] sealed = IkeMessage.protectedMessage(h, List.of(new VendorIdPayload(new byte[] {1})))
        .encode(ours.keys().outbound());
    assertThat(IkeMessage.decodeProtected(sealed, theirs.keys().inbound())
        .first(VendorIdPayload.class)).isPresent();
    byte[] answer = IkeMessage.protectedMessage(IkeHeader.responseTo(h), List.of())
        .encode(theirs.keys().outbound());
    assertThat(IkeMessage.decodeProtected(answer, ours.keys().inbound()).header().response())
        .isTrue();
    assertThat(client.sa.state()).isEqualTo(IkeSa.State.REKEYED);
    assertThat(gateway.sa.state()).isEqualTo(IkeSa.State.REKEYED);
    assertThat(client.sa.activeRekeyConcluding()).isFalse();
  }

  @Test
  void twoAdditionalKeyExchangesRunTwoFollowupsEachEchoingTheLatestLink() throws Exception {
    String ike = "aes256gcm16-prfsha384-x25519-ke1_mlkem768-ke2_mlkem1024";
    String esp = "aes256gcm16-x25519-ke1_mlkem768-ke2_mlkem1024";
    client = new RekeyRig(ike, esp);
    gateway = new RekeyRig(ike, esp, true);
    ChildRekeyTask task = new ChildRekeyTask(client.ctx, OLD_IN);
    ChildRekeyResponder responder = new ChildRekeyResponder(gateway.ctx);
    // CREATE_CHILD_SA {..., KEi(x25519)} -->  <-- {..., KEr(x25519), N(link1)}
    exchange(task, responder, ExchangeType.CREATE_CHILD_SA, Task.Status.NEED_MORE);
    // IKE_FOLLOWUP_KE {N(link1), KEi(mlkem768)} -->  <-- {KEr(mlkem768), N(link2)}
    assertThat(exchange(task, responder, ExchangeType.IKE_FOLLOWUP_KE, Task.Status.NEED_MORE))
        .isEqualTo(Task.Status.NEED_MORE);
    assertThat(client.hooks.installed).isEmpty();
    assertThat(gateway.hooks.installed).isEmpty();
    // IKE_FOLLOWUP_KE {N(link2), KEi(mlkem1024)} -->  <-- {KEr(mlkem1024)}
    assertThat(exchange(task, responder, ExchangeType.IKE_FOLLOWUP_KE, Task.Status.DONE))
        .isEqualTo(Task.Status.NEED_MORE);

    byte[] link1 = link(answers.get(0));
    byte[] link2 = link(answers.get(1));
    assertThat(link2).isNotEqualTo(link1);
    assertThat(link(requests.get(1))).isEqualTo(link1);
    assertThat(link(requests.get(2))).isEqualTo(link2);
    assertThat(requests.get(2).first(KePayload.class).orElseThrow().method().value())
        .isEqualTo(Algorithm.ML_KEM_1024.transformId());
    assertThat(answers.get(2).notify(NotifyType.ADDITIONAL_KEY_EXCHANGE)).isEmpty();
    ChildSa ours = client.hooks.installed.get(0);
    ChildSa theirs = gateway.hooks.installed.get(0);
    assertThat(ours.info().additionalKeyExchanges()).containsExactly(Algorithm.ML_KEM_768,
        Algorithm.ML_KEM_1024);
    assertSameKeys(ours.keys(), theirs.keys());
  }

  private static byte[] link(IkeMessage m) {
    return m.notify(NotifyType.ADDITIONAL_KEY_EXCHANGE).orElseThrow().data();
  }

  private static void assertSameKeys(ChildSaKeys a, ChildSaKeys b) {
    assertThat(ExpectedKeys.concat(a.initiatorToResponder().cipherKey(),
        a.initiatorToResponder().salt(), a.responderToInitiator().cipherKey(),
        a.responderToInitiator().salt()))
        .isEqualTo(ExpectedKeys.concat(b.initiatorToResponder().cipherKey(),
            b.initiatorToResponder().salt(), b.responderToInitiator().cipherKey(),
            b.responderToInitiator().salt()));
  }
}
