package dev.fulmar.core.ike;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.IkeProposal;
import dev.fulmar.core.ike.auth.IntermediateAuth;
import dev.fulmar.core.ike.auth.SignatureHashAlgorithms;
import dev.fulmar.core.ike.crypto.IkeSuite;
import dev.fulmar.core.ike.crypto.KeyDerivation;
import dev.fulmar.core.ike.crypto.KeyExchangeResponse;
import dev.fulmar.core.ike.crypto.KeyExchanges;
import dev.fulmar.core.ike.crypto.Role;
import dev.fulmar.core.ike.message.CertReqPayload;
import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeHeader;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.KePayload;
import dev.fulmar.core.ike.message.KeyExchangeMethod;
import dev.fulmar.core.ike.message.NoncePayload;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.Payload;
import dev.fulmar.core.ike.message.Proposal;
import dev.fulmar.core.ike.message.SaPayload;
import dev.fulmar.core.ike.message.Transform;
import dev.fulmar.core.ike.message.TransformType;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/** IKE_SA_INIT and IKE_INTERMEDIATE as the test responder does them. */
final class ResponderInit {
  static final byte[] COOKIE = "a cookie from the gateway".getBytes(
      java.nio.charset.StandardCharsets.US_ASCII);

  private final InMemoryResponder r;

  ResponderInit(InMemoryResponder r) {
    this.r = r;
  }

  void handle(IkeMessage in, byte[] raw, InetSocketAddress from, boolean natT)
      throws GeneralSecurityException {
    IkeHeader h = in.header();
    List<Payload> out = new ArrayList<>();
    if (r.config.cookies && !in.notify(NotifyType.COOKIE).map(
        n -> java.util.Arrays.equals(n.data(), COOKIE)).orElse(false)) {
      out.add(NotifyPayload.of(NotifyType.COOKIE, COOKIE));
      reply(h, 0, out, from, natT);
      return;
    }
    if (r.config.redirects > 0) {
      r.config.redirects--;
      byte[] ni = in.first(NoncePayload.class).orElseThrow().nonce();
      out.add(NotifyPayload.of(NotifyType.REDIRECT,
          new dev.fulmar.core.ike.message.RedirectData(r.config.redirectTo, ni).encode()));
      reply(h, 0, out, from, natT);
      return;
    }
    IkeProposal gw = r.config.ike;
    Proposal chosen = choose(in.first(SaPayload.class).orElseThrow(), gw);
    if (chosen == null) {
      out.add(NotifyPayload.of(NotifyType.NO_PROPOSAL_CHOSEN));
      reply(h, 0, out, from, natT);
      return;
    }
    KePayload ke = in.first(KePayload.class).orElseThrow();
    int method = chosen.transforms(TransformType.KE).get(0).id();
    if (ke.method().value() != method) {
      out.add(NotifyPayload.of(NotifyType.INVALID_KE_PAYLOAD,
          ByteBuffer.allocate(2).putShort((short) method).array()));
      reply(h, 0, out, from, natT);
      return;
    }
    ResponderSa sa = new ResponderSa();
    sa.spiI = h.initiatorSpi();
    sa.spiR = r.random.nextLong() | 1;
    sa.client = from;
    sa.natT = natT;
    sa.nonceI = in.first(NoncePayload.class).orElseThrow().nonce();
    sa.nonceR = new byte[32];
    r.random.nextBytes(sa.nonceR);
    sa.initRequest = raw;
    sa.clientFragmentation = in.notify(NotifyType.FRAGMENTATION_SUPPORTED).isPresent();
    KeyExchangeResponse kr = KeyExchanges.respond(method, ke.data(), r.random);
    out.add(new SaPayload(List.of(chosen)));
    out.add(new KePayload(KeyExchangeMethod.valueOf(method), kr.publicValue()));
    out.add(new NoncePayload(sa.nonceR));
    natD(out, sa, from);
    out.add(CertReqPayload.x509(List.of(sha1(r.config.ca.certificate().getPublicKey()
        .getEncoded()))));
    if (r.config.fragmentation) {
      out.add(NotifyPayload.of(NotifyType.FRAGMENTATION_SUPPORTED));
    }
    out.add(NotifyPayload.of(NotifyType.SIGNATURE_HASH_ALGORITHMS,
        SignatureHashAlgorithms.encode(SignatureHashAlgorithms.SUPPORTED)));
    for (int slot = 1; slot <= 7; slot++) {
      chosen.transforms(TransformType.additionalKeyExchange(slot)).stream()
          .filter(t -> t.id() != 0).forEach(t -> sa.additionalKeyExchanges.add(t.id()));
    }
    if (!sa.additionalKeyExchanges.isEmpty()) {
      out.add(NotifyPayload.of(NotifyType.INTERMEDIATE_EXCHANGE_SUPPORTED));
    }
    r.setSa(sa);
    sa.initResponse = reply(h, sa.spiR, out, from, natT);
    IkeSuite suite = IkeSuite.of(enc(gw).transformId(), enc(gw).keyBits(),
        gw.prf().get(0).transformId(), gw.integrity().isEmpty() ? 0
            : gw.integrity().get(0).transformId(), method, sa.additionalKeyExchanges);
    sa.keys = KeyDerivation.ikeSaKeys(suite, kr.sharedSecret(), sa.nonceI, sa.nonceR, sa.spiI,
        sa.spiR);
    sa.ciphers = suite.ciphers(sa.keys, Role.RESPONDER, r.random);
    sa.expectedMid = 1;
  }

  private static Algorithm enc(IkeProposal gw) {
    return gw.encryption().get(0);
  }

  private byte[] reply(IkeHeader request, long spiR, List<Payload> out, InetSocketAddress to,
      boolean natT) {
    IkeHeader h = IkeHeader.responseTo(request).withResponderSpi(spiR);
    byte[] d = IkeMessage.of(h, out).encode();
    r.sendTo(to, natT, d);
    return d;
  }

  private void natD(List<Payload> out, ResponderSa sa, InetSocketAddress client) {
    byte[] source = hash(sa.spiI, sa.spiR, InMemoryResponder.PORT_500);
    if (r.config.fakeNatD) {
      source = new byte[20];
    }
    out.add(NotifyPayload.of(NotifyType.NAT_DETECTION_SOURCE_IP, source));
    out.add(NotifyPayload.of(NotifyType.NAT_DETECTION_DESTINATION_IP,
        hash(sa.spiI, sa.spiR, client)));
  }

  /** The one proposal of the offer that has all of the gateway's algorithms, answered back. */
  static Proposal choose(SaPayload offer, IkeProposal gw) {
    for (Proposal p : offer.proposals()) {
      List<Transform> chosen = new ArrayList<>();
      boolean ok = pick(p, TransformType.ENCR, gw.encryption(), chosen)
          && pick(p, TransformType.PRF, gw.prf(), chosen)
          && (gw.integrity().isEmpty() || pick(p, TransformType.INTEG, gw.integrity(), chosen))
          && pick(p, TransformType.KE, gw.keyExchange(), chosen);
      for (int slot = 0; ok && slot < 7; slot++) {
        List<Algorithm> want = gw.additionalKeyExchanges().get(slot);
        if (!want.isEmpty()) {
          ok = pick(p, TransformType.additionalKeyExchange(slot + 1), want, chosen);
        }
      }
      if (ok) {
        return Proposal.ike(p.number(), chosen);
      }
    }
    return null;
  }

  /** Adds the first of {@code want} (gateway order) that the proposal offers. */
  static boolean pick(Proposal p, TransformType type, List<Algorithm> want,
      List<Transform> into) {
    for (Algorithm a : want) {
      for (Transform t : p.transforms(type)) {
        if (t.id() == a.transformId() && t.keyLength().orElse(0) == a.keyBits()) {
          into.add(t);
          return true;
        }
      }
    }
    return false;
  }

  List<Payload> intermediate(IkeMessage in) throws GeneralSecurityException {
    ResponderSa sa = r.sa();
    KePayload ke = in.first(KePayload.class).orElseThrow();
    int method = sa.additionalKeyExchanges.remove(0);
    KeyExchangeResponse kr = KeyExchanges.respond(method, ke.data(), r.random);
    pendingSecret = kr.sharedSecret();
    return List.of(new KePayload(KeyExchangeMethod.valueOf(method), kr.publicValue()));
  }

  private byte[] pendingSecret;

  /** After an IKE_INTERMEDIATE response: fold IntAuth with the old keys, then rekey. */
  void afterResponse(IkeHeader h, IkeMessage request, IkeMessage response) {
    ResponderSa sa = r.sa();
    if (h.exchangeType().equals(ExchangeType.IKE_AUTH) && sa.firstIkeAuthMid < 0) {
      sa.firstIkeAuthMid = h.messageId();
    }
    if (!h.exchangeType().equals(ExchangeType.IKE_INTERMEDIATE)) {
      return;
    }
    byte[] skPi = sa.keys.skPi();
    byte[] skPr = sa.keys.skPr();
    sa.intAuthI = IntermediateAuth.next(sa.keys.suite().prf(), skPi, sa.intAuthI,
        request.intAuthOctets(), null);
    sa.intAuthR = IntermediateAuth.next(sa.keys.suite().prf(), skPr, sa.intAuthR,
        response.intAuthOctets(), null);
    sa.keys = KeyDerivation.afterAdditionalKeyExchange(sa.keys, pendingSecret, sa.nonceI,
        sa.nonceR, sa.spiI, sa.spiR);
    try {
      sa.ciphers = sa.keys.suite().ciphers(sa.keys, Role.RESPONDER, r.random);
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
    sa.reassembler = null;
  }

  static byte[] hash(long spiI, long spiR, InetSocketAddress a) {
    byte[] ip = a.getAddress().getAddress();
    ByteBuffer b = ByteBuffer.allocate(18 + ip.length);
    b.putLong(spiI).putLong(spiR).put(ip).putShort((short) a.getPort());
    return sha1(b.array());
  }

  static byte[] sha1(byte[] in) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(in);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
