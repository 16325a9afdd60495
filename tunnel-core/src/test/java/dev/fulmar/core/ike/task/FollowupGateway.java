package dev.fulmar.core.ike.task;

import static dev.fulmar.core.ike.task.RekeyRig.OLD_OUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.ike.ProposalStrings;
import dev.fulmar.core.ike.crypto.ChildSaKeys;
import dev.fulmar.core.ike.crypto.KeyExchange;
import dev.fulmar.core.ike.crypto.KeyExchangeResponse;
import dev.fulmar.core.ike.crypto.KeyExchanges;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.KePayload;
import dev.fulmar.core.ike.message.KeyExchangeMethod;
import dev.fulmar.core.ike.message.NoncePayload;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.Payload;
import dev.fulmar.core.ike.message.ProtocolId;
import dev.fulmar.core.ike.message.SaPayload;
import dev.fulmar.core.ike.message.TsPayload;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's side of a post-quantum rekey (RFC 9370 §2.2.4) in task tests: it answers our
 * CREATE_CHILD_SA and IKE_FOLLOWUP_KE requests, or starts a rekey of its own, with real key
 * exchanges, and keeps the shared secrets it got in order so that tests can compute the keys the
 * engine must derive ({@link ExpectedKeys}).
 */
final class FollowupGateway {
  static final String IKE = "aes256gcm16-prfsha384-x25519-ke1_mlkem768";
  static final String ESP = "aes256gcm16-x25519-ke1_mlkem768";
  /** The link the gateway hands out in its CREATE_CHILD_SA response (any octets do). */
  static final byte[] LINK = HexFormat.of().parseHex("4c696e6b2d30303031");
  static final int GATEWAY_NEW_SPI = 0xab0002;

  final RekeyRig rig;
  /** SK(0), SK(1), ... as the gateway computed them. */
  final List<byte[]> secrets = new ArrayList<>();

  FollowupGateway(RekeyRig rig) {
    this.rig = rig;
  }

  /** Builds our next request and returns it as the gateway decrypts it. */
  IkeMessage receive(Task task, ExchangeType type) throws TaskFailure {
    assertThat(task.exchange()).isEqualTo(type);
    List<Payload> out = new ArrayList<>();
    assertThat(task.build(out)).isEqualTo(Task.Status.NEED_MORE);
    return rig.toGateway(type, out);
  }

  /** Lets {@code responder} answer the gateway's {@code payloads}; NEED_MORE expected. */
  IkeMessage request(RekeyResponder responder, ExchangeType type, List<Payload> payloads)
      throws TaskFailure {
    return request(responder, rig.requestToEngine(type, payloads), Task.Status.NEED_MORE);
  }

  /** Lets {@code responder} answer {@code request}; returns the answer as the gateway reads it. */
  IkeMessage request(RekeyResponder responder, IkeMessage request, Task.Status expected)
      throws TaskFailure {
    responder.process(request);
    List<Payload> out = new ArrayList<>();
    assertThat(responder.build(out)).isEqualTo(expected);
    return rig.answerToGateway(request.header().exchangeType(), out);
  }

  /** The answer to our CHILD SA rekey: it picks our offer and answers KE(0), with the link. */
  List<Payload> childAnswer(IkeMessage request, byte[] nr, boolean withLink) throws Exception {
    KePayload kei = request.first(KePayload.class).orElseThrow();
    var selected = (ProposalSelection.Selected) ProposalSelection.esp(
        request.first(SaPayload.class).orElseThrow(),
        List.of(ProposalStrings.espOrFail(ESP)), Optional.of(kei), GATEWAY_NEW_SPI);
    List<Payload> out = new ArrayList<>(List.of(new SaPayload(List.of(selected.answer())),
        new NoncePayload(nr), respond(kei),
        request.payloads(TsPayload.class).get(0), request.payloads(TsPayload.class).get(1)));
    if (withLink) {
      out.add(NotifyPayload.of(NotifyType.ADDITIONAL_KEY_EXCHANGE, LINK));
    }
    return out;
  }

  /** The answer to our IKE SA rekey (new SPIr {@code spiR}): KE(0), with the link. */
  List<Payload> ikeAnswer(IkeMessage request, byte[] nr, long spiR) throws Exception {
    KePayload kei = request.first(KePayload.class).orElseThrow();
    var selected = (ProposalSelection.Selected) ProposalSelection.ike(
        request.first(SaPayload.class).orElseThrow(),
        List.of(ProposalStrings.ikeOrFail(IKE)), kei, spiR);
    return List.of(new SaPayload(List.of(selected.answer())), new NoncePayload(nr),
        respond(kei), NotifyPayload.of(NotifyType.ADDITIONAL_KEY_EXCHANGE, LINK));
  }

  /** The gateway answers one of our KE payloads as responder, keeping the secret. */
  KePayload respond(KePayload kei) throws Exception {
    KeyExchangeResponse r = KeyExchanges.respond(kei.method().value(), kei.data(),
        rig.peerRandom);
    secrets.add(r.sharedSecret());
    return new KePayload(kei.method(), r.publicValue());
  }

  /** The gateway answers our IKE_FOLLOWUP_KE: ML-KEM-768 encapsulation to our key. */
  KePayload encapsulate(IkeMessage followup) throws Exception {
    KePayload kei = followup.first(KePayload.class).orElseThrow();
    assertThat(kei.method().value()).isEqualTo(Algorithm.ML_KEM_768.transformId());
    return respond(kei);
  }

  /** As initiator of a round: completes {@code ours} with the engine's KE answer. */
  void complete(KeyExchange ours, IkeMessage answer) throws Exception {
    secrets.add(ours.computeSharedSecret(answer.first(KePayload.class).orElseThrow().data()));
  }

  /** The gateway's CREATE_CHILD_SA rekeying our CHILD SA (by its inbound SPI, our outbound). */
  List<Payload> childRekey(byte[] ni, KeyExchange kei0) {
    return List.of(NotifyPayload.forChildSa(NotifyType.REKEY_SA, ProtocolId.ESP, (int) OLD_OUT,
            new byte[0]),
        Proposals.espOffer(List.of(ProposalStrings.espOrFail(ESP)), GATEWAY_NEW_SPI),
        new NoncePayload(ni), ke(Algorithm.CURVE25519, kei0.publicValue()),
        new TsPayload(true, Selectors.toWire(RekeyRig.REMOTE_TS)),
        new TsPayload(false, Selectors.toWire(RekeyRig.LOCAL_TS)));
  }

  /** The gateway's CREATE_CHILD_SA rekeying the IKE SA: {SA(new SPIi), Ni, KEi}. */
  List<Payload> ikeRekey(long spiI, byte[] ni, KeyExchange kei0) {
    return List.of(Proposals.ikeRekeyOffer(List.of(ProposalStrings.ikeOrFail(IKE)), spiI),
        new NoncePayload(ni), ke(Algorithm.CURVE25519, kei0.publicValue()));
  }

  /** IKE_FOLLOWUP_KE {N(ADDITIONAL_KEY_EXCHANGE)(link), KEi(n)} from the gateway. */
  IkeMessage followup(byte[] link, Algorithm method, byte[] data) {
    return rig.requestToEngine(ExchangeType.IKE_FOLLOWUP_KE, List.of(
        NotifyPayload.of(NotifyType.ADDITIONAL_KEY_EXCHANGE, link), ke(method, data)));
  }

  static KePayload ke(Algorithm method, byte[] data) {
    return new KePayload(KeyExchangeMethod.valueOf(method.transformId()), data);
  }

  static KeyExchange initiate(Algorithm method, RekeyRig rig) throws Exception {
    return KeyExchanges.initiate(method.transformId(), rig.peerRandom);
  }

  /**
   * The SA's keys are KEYMAT from every secret, and not what SK(0) alone would give (RFC 9370
   * §2.2.4): AES-GCM-16-256, i->r then r->i, each key | salt.
   */
  void assertChildKeysFromAllSecrets(ChildSaKeys keys, byte[] ni, byte[] nr) throws Exception {
    byte[] skD = rig.gatewayKeys().skD();
    byte[] expected = ExpectedKeys.childKeymat(skD, secrets, ni, nr);
    byte[] firstOnly = ExpectedKeys.childKeymat(skD, secrets.subList(0, 1), ni, nr);
    byte[] actual = ExpectedKeys.concat(keys.initiatorToResponder().cipherKey(),
        keys.initiatorToResponder().salt(), keys.responderToInitiator().cipherKey(),
        keys.responderToInitiator().salt());
    assertThat(secrets).hasSize(2);
    assertThat(actual).isEqualTo(expected).isNotEqualTo(firstOnly);
  }
}
