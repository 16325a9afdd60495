package dev.fulmar.core.ike;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.IkeProposal;
import dev.fulmar.core.ike.message.TrafficSelector;
import dev.fulmar.core.ike.crypto.IkeSaKeys;
import dev.fulmar.core.ike.crypto.IkeSuite;
import dev.fulmar.core.ike.crypto.KeyDerivation;
import dev.fulmar.core.ike.crypto.KeyExchange;
import dev.fulmar.core.ike.crypto.KeyExchangeResponse;
import dev.fulmar.core.ike.crypto.KeyExchanges;
import dev.fulmar.core.ike.crypto.Role;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.KePayload;
import dev.fulmar.core.ike.message.KeyExchangeMethod;
import dev.fulmar.core.ike.message.NoncePayload;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.Payload;
import dev.fulmar.core.ike.message.Proposal;
import dev.fulmar.core.ike.message.ProtocolId;
import dev.fulmar.core.ike.message.SaPayload;
import dev.fulmar.core.ike.message.Transform;
import dev.fulmar.core.ike.message.TransformAttribute;
import dev.fulmar.core.ike.message.TransformType;
import dev.fulmar.core.ike.message.TsPayload;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * CREATE_CHILD_SA at the test responder (RFC 7296 §1.3.2, §1.3.3), without PFS for CHILD SAs:
 * it answers the client's rekeys of the CHILD SA and of the IKE SA, and starts its own. The IKE SA
 * a rekey creates replaces the responder's current one once the exchange is over; the old one
 * keeps answering (the client's Delete of it) as {@link InMemoryResponder#previousSa()}.
 */
final class ResponderRekey {
  private final InMemoryResponder r;
  private ResponderSa next;
  private byte[] ourNonce;
  private KeyExchange ourKe;
  private long ourNewSpi;
  private int newInboundSpi;
  /** Nonces to use instead of random ones (collision tests): as initiator, as responder. */
  byte[] fixedNonceAsInitiator;
  byte[] fixedNonceAsResponder;

  ResponderRekey(InMemoryResponder r) {
    this.r = r;
  }

  /** The answer to the client's CREATE_CHILD_SA. */
  List<Payload> answer(IkeMessage in) throws GeneralSecurityException {
    if (r.config.refuseRekeys) {
      return List.of(NotifyPayload.of(NotifyType.TEMPORARY_FAILURE));
    }
    if (in.notify(NotifyType.REKEY_SA).isPresent()) {
      return answerChildRekey(in);
    }
    SaPayload offer = in.first(SaPayload.class).orElseThrow();
    if (offer.proposals().get(0).protocol().equals(ProtocolId.IKE)) {
      return answerIkeRekey(in, offer);
    }
    return List.of(NotifyPayload.of(NotifyType.NO_ADDITIONAL_SAS));
  }

  private List<Payload> answerChildRekey(IkeMessage in) {
    ResponderSa sa = r.sa();
    SaPayload offer = in.first(SaPayload.class).orElseThrow();
    Proposal p = offer.proposals().get(0);
    List<Transform> chosen = new ArrayList<>();
    ResponderInit.pick(p, TransformType.ENCR, r.config.esp.encryption(), chosen);
    ResponderInit.pick(p, TransformType.ESN, r.config.esp.esn(), chosen);
    sa.childOutboundSpi = p.spiValue();
    sa.childInboundSpi = r.random.nextInt() | 0x1000;
    sa.childRekeys++;
    byte[] nr = fixedNonceAsResponder != null ? fixedNonceAsResponder.clone() : nonce();
    return List.of(new SaPayload(List.of(Proposal.esp(p.number(), sa.childInboundSpi, chosen))),
        new NoncePayload(nr), in.first(TsPayload.class).orElseThrow(),
        in.payloads(TsPayload.class).get(1));
  }

  private List<Payload> answerIkeRekey(IkeMessage in, SaPayload offer)
      throws GeneralSecurityException {
    ResponderSa sa = r.sa();
    Proposal chosen = ResponderInit.choose(offer, r.config.ike);
    KePayload ke = in.first(KePayload.class).orElseThrow();
    int method = ke.method().value();
    KeyExchangeResponse kr = KeyExchanges.respond(method, ke.data(), r.random);
    byte[] ni = in.first(NoncePayload.class).orElseThrow().nonce();
    byte[] nr = fixedNonceAsResponder != null ? fixedNonceAsResponder.clone() : nonce();
    long spiI = offer.proposals().get(0).spiValue();
    long spiR = r.random.nextLong() | 1;
    next = derived(sa, method, List.of(kr.sharedSecret()), ni, nr, spiI, spiR, false);
    return List.of(new SaPayload(List.of(Proposal.ikeRekey(chosen.number(), spiR,
        chosen.transforms()))), new NoncePayload(nr),
        new KePayload(KeyExchangeMethod.valueOf(method), kr.publicValue()));
  }

  /** After the answer left: the IKE SA a rekey created becomes current. */
  void afterResponse() {
    if (next != null) {
      r.replaceSa(next);
      next = null;
    }
  }

  /** The gateway rekeys the CHILD SA: CREATE_CHILD_SA {N(REKEY_SA), SA, Ni, TSi, TSr}. */
  List<Payload> childRekeyRequest() {
    ResponderSa sa = r.sa();
    newInboundSpi = r.random.nextInt() | 0x1000;
    ourNonce = fixedNonceAsInitiator != null ? fixedNonceAsInitiator.clone() : nonce();
    List<Transform> t = new ArrayList<>();
    r.config.esp.encryption().stream().limit(1).forEach(a -> t.add(transform(
        TransformType.ENCR, a)));
    r.config.esp.esn().stream().limit(1).forEach(a -> t.add(transform(TransformType.ESN, a)));
    return List.of(NotifyPayload.forChildSa(NotifyType.REKEY_SA, ProtocolId.ESP,
            sa.childInboundSpi, new byte[0]),
        new SaPayload(List.of(Proposal.esp(1, newInboundSpi, t))), new NoncePayload(ourNonce),
        TsPayload.of(true, TrafficSelector.subnet(r.config.virtualIp, 32)),
        new TsPayload(false, r.config.localTs.stream()
            .map(s -> TrafficSelector.range(s.start(), s.end())).toList()));
  }

  /** Our SPI of the IKE SA our last IKE SA rekey request proposed. */
  long lastProposedIkeSpi() {
    return ourNewSpi;
  }

  /** Our inbound SPI of the CHILD SA our last rekey request proposed. */
  int lastProposedInboundSpi() {
    return newInboundSpi;
  }

  /** The client answered our CHILD SA rekey: its new SPI; returns our old inbound SPI. */
  int childRekeyAnswered(IkeMessage answer) {
    ResponderSa sa = r.sa();
    int old = sa.childInboundSpi;
    sa.childOutboundSpi = answer.first(SaPayload.class).orElseThrow().proposals().get(0)
        .spiValue();
    sa.childInboundSpi = newInboundSpi;
    sa.childRekeys++;
    return old;
  }

  /** The gateway rekeys the IKE SA: CREATE_CHILD_SA {SA(new SPIi), Ni, KEi}. */
  List<Payload> ikeRekeyRequest() throws GeneralSecurityException {
    IkeProposal p = r.config.ike;
    Algorithm ke = p.keyExchange().get(0);
    ourKe = KeyExchanges.initiate(ke.transformId(), r.random);
    ourNonce = fixedNonceAsInitiator != null ? fixedNonceAsInitiator.clone() : nonce();
    ourNewSpi = r.random.nextLong() | 1;
    List<Transform> t = new ArrayList<>();
    t.add(transform(TransformType.ENCR, p.encryption().get(0)));
    t.add(transform(TransformType.PRF, p.prf().get(0)));
    p.integrity().stream().limit(1).forEach(a -> t.add(transform(TransformType.INTEG, a)));
    t.add(transform(TransformType.KE, ke));
    return List.of(new SaPayload(List.of(Proposal.ikeRekey(1, ourNewSpi, t))),
        new NoncePayload(ourNonce),
        new KePayload(KeyExchangeMethod.valueOf(ke.transformId()), ourKe.publicValue()));
  }

  /** The client answered our IKE SA rekey: the new SA (the gateway its initiator) takes over. */
  void ikeRekeyAnswered(IkeMessage answer) throws GeneralSecurityException {
    KePayload ke = answer.first(KePayload.class).orElseThrow();
    byte[] secret = ourKe.computeSharedSecret(ke.data());
    byte[] nr = answer.first(NoncePayload.class).orElseThrow().nonce();
    long theirSpi = answer.first(SaPayload.class).orElseThrow().proposals().get(0).spiValue();
    r.replaceSa(derived(r.sa(), ke.method().value(), List.of(secret), ourNonce, nr, ourNewSpi,
        theirSpi, true));
  }

  private ResponderSa derived(ResponderSa old, int method, List<byte[]> secrets, byte[] ni,
      byte[] nr, long spiI, long spiR, boolean weInitiate) throws GeneralSecurityException {
    IkeProposal p = r.config.ike;
    IkeSuite suite = IkeSuite.of(p.encryption().get(0).transformId(),
        p.encryption().get(0).keyBits(), p.prf().get(0).transformId(),
        p.integrity().isEmpty() ? 0 : p.integrity().get(0).transformId(), method, List.of());
    IkeSaKeys keys = KeyDerivation.rekeyedIkeSaKeys(old.keys, suite, secrets, ni, nr, spiI,
        spiR);
    ResponderSa n = new ResponderSa();
    n.spiI = spiI;
    n.spiR = spiR;
    n.keys = keys;
    n.ciphers = suite.ciphers(keys, weInitiate ? Role.INITIATOR : Role.RESPONDER, r.random);
    n.gatewayIsInitiator = weInitiate;
    n.client = old.client;
    n.natT = old.natT;
    n.clientFragmentation = old.clientFragmentation;
    n.established = true;
    n.childInboundSpi = old.childInboundSpi;
    n.childOutboundSpi = old.childOutboundSpi;
    n.childRekeys = old.childRekeys;
    n.ikeRekeys = old.ikeRekeys + 1;
    return n;
  }

  private static Transform transform(TransformType type, Algorithm a) {
    return new Transform(type, a.transformId(), a.keyBits() > 0
        ? List.of(TransformAttribute.keyLength(a.keyBits())) : List.of());
  }

  private byte[] nonce() {
    byte[] n = new byte[32];
    r.random.nextBytes(n);
    return n;
  }
}
