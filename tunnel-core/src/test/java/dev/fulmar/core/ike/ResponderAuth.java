package dev.fulmar.core.ike;

import dev.fulmar.core.api.EspProposal;
import dev.fulmar.core.ike.auth.AuthVerifier;
import dev.fulmar.core.ike.auth.ClientCredential;
import dev.fulmar.core.ike.auth.ClientSignature;
import dev.fulmar.core.ike.auth.CredentialException;
import dev.fulmar.core.ike.auth.GatewayAuthException;
import dev.fulmar.core.ike.auth.IntermediateAuth;
import dev.fulmar.core.ike.auth.PskAuth;
import dev.fulmar.core.ike.auth.SignatureHashAlgorithms;
import dev.fulmar.core.ike.auth.SignedOctets;
import dev.fulmar.core.ike.message.AuthMethod;
import dev.fulmar.core.ike.message.AuthPayload;
import dev.fulmar.core.ike.message.CertPayload;
import dev.fulmar.core.ike.message.ConfigAttribute;
import dev.fulmar.core.ike.message.ConfigAttributeType;
import dev.fulmar.core.ike.message.ConfigPayload;
import dev.fulmar.core.ike.message.ConfigType;
import dev.fulmar.core.ike.message.EapPayload;
import dev.fulmar.core.ike.message.IdPayload;
import dev.fulmar.core.ike.message.IdType;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.Payload;
import dev.fulmar.core.ike.message.Proposal;
import dev.fulmar.core.ike.message.SaPayload;
import dev.fulmar.core.ike.message.Transform;
import dev.fulmar.core.ike.message.TransformType;
import dev.fulmar.core.ike.message.TrafficSelector;
import dev.fulmar.core.ike.message.TsPayload;
import java.io.ByteArrayInputStream;
import java.net.Inet4Address;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** IKE_AUTH as the test responder does it: certificate, PSK or EAP-MSCHAPv2, CP, CHILD SA. */
final class ResponderAuth {
  private final InMemoryResponder r;

  ResponderAuth(InMemoryResponder r) {
    this.r = r;
  }

  List<Payload> handle(IkeMessage in) throws GeneralSecurityException {
    ResponderSa sa = r.sa();
    if (sa.eap != null) {
      return in.first(EapPayload.class).isPresent() ? eapRound(in) : eapFinal(in);
    }
    sa.idi = in.payloads(IdPayload.class).stream().filter(IdPayload::initiator).findFirst()
        .orElseThrow();
    sa.childRequest = in.payloads();
    if (r.config.rejectAuthentication) {
      return failed();
    }
    AuthPayload auth = in.first(AuthPayload.class).orElse(null);
    switch (r.config.clientAuth) {
      case CERTIFICATE:
        if (auth == null || !verifyClientSignature(in, auth)) {
          return failed();
        }
        return established(signedByGateway());
      case PSK:
        if (auth == null || !verifyShared(auth, r.config.psk)) {
          return failed();
        }
        List<Payload> out = new ArrayList<>();
        out.add(idr());
        out.add(new AuthPayload(AuthMethod.SHARED_KEY_MIC, PskAuth.compute(prf(), r.config.psk,
            responderOctets())));
        return established(out);
      default:
        if (auth != null) {
          return failed();
        }
        byte[] challenge = new byte[16];
        r.random.nextBytes(challenge);
        sa.eap = new MsChapV2Server(r.config.eapUser, r.config.eapPassword, challenge);
        List<Payload> first = signedByGateway();
        first.add(new EapPayload(sa.eap.start()));
        sa.gatewayAuthenticatedToClient = true;
        return first;
    }
  }

  private List<Payload> eapRound(IkeMessage in) throws GeneralSecurityException {
    byte[] next = r.sa().eap.next(in.first(EapPayload.class).orElseThrow().message());
    return List.of(new EapPayload(next));
  }

  private List<Payload> eapFinal(IkeMessage in) {
    ResponderSa sa = r.sa();
    AuthPayload auth = in.first(AuthPayload.class).orElse(null);
    if (auth == null || !sa.eap.succeeded()) {
      return failed();
    }
    byte[] msk = sa.eap.msk().orElseThrow();
    if (!verifyShared(auth, PskAuth.eapSecret(msk, sa.keys.skPi()))) {
      return failed();
    }
    List<Payload> out = new ArrayList<>();
    out.add(new AuthPayload(AuthMethod.SHARED_KEY_MIC, PskAuth.compute(prf(),
        PskAuth.eapSecret(msk, sa.keys.skPr()), responderOctets())));
    return established(out);
  }

  private static List<Payload> failed() {
    return List.of(NotifyPayload.of(NotifyType.AUTHENTICATION_FAILED));
  }

  private IdPayload idr() {
    return new IdPayload(false, IdType.valueOf(r.config.gatewayId.type().code()),
        r.config.gatewayId.data());
  }

  private List<Payload> signedByGateway() throws GeneralSecurityException {
    List<Payload> out = new ArrayList<>();
    out.add(idr());
    for (X509Certificate c : r.config.gatewayChain) {
      out.add(CertPayload.x509(c.getEncoded()));
    }
    try {
      ClientSignature.AuthPayloadData a = ClientSignature.sign(
          ClientCredential.of(r.config.gatewayKey, r.config.gatewayChain),
          SignatureHashAlgorithms.SUPPORTED, responderOctets(), false, r.random);
      out.add(new AuthPayload(AuthMethod.valueOf(a.method()), a.data()));
    } catch (CredentialException e) {
      throw new GeneralSecurityException(e);
    }
    return out;
  }

  private boolean verifyClientSignature(IkeMessage in, AuthPayload auth)
      throws GeneralSecurityException {
    CertPayload cert = in.first(CertPayload.class).orElse(null);
    if (cert == null) {
      return false;
    }
    X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(cert.data()));
    c.verify(r.config.ca.certificate().getPublicKey());
    try {
      AuthVerifier.verifySignature(auth.method().value(), c.getPublicKey(), auth.data(),
          initiatorOctets());
      return true;
    } catch (GatewayAuthException e) {
      return false;
    }
  }

  private boolean verifyShared(AuthPayload auth, byte[] secret) {
    try {
      PskAuth.verify(prf(), secret, initiatorOctets(), auth.data());
      return true;
    } catch (GatewayAuthException e) {
      return false;
    }
  }

  private dev.fulmar.core.ike.crypto.Prf prf() {
    return r.sa().keys.suite().prf();
  }

  private byte[] initiatorOctets() {
    ResponderSa sa = r.sa();
    return SignedOctets.compute(prf(), sa.initRequest, sa.nonceR, sa.keys.skPi(),
        body(sa.idi), intAuth());
  }

  private byte[] responderOctets() {
    ResponderSa sa = r.sa();
    return SignedOctets.compute(prf(), sa.initResponse, sa.nonceI, sa.keys.skPr(),
        body(idr()), intAuth());
  }

  private byte[] intAuth() {
    ResponderSa sa = r.sa();
    return sa.intAuthI == null ? null
        : IntermediateAuth.suffix(sa.intAuthI, sa.intAuthR, sa.firstIkeAuthMid < 0
            ? sa.expectedMid : sa.firstIkeAuthMid);
  }

  static byte[] body(IdPayload id) {
    byte[] d = id.data();
    byte[] out = new byte[4 + d.length];
    out[0] = (byte) id.idType().value();
    System.arraycopy(d, 0, out, 4, d.length);
    return out;
  }

  /** The final IKE_AUTH answer: what authenticated us, then CP, SA, TSi, TSr. */
  private List<Payload> established(List<Payload> auth) {
    ResponderSa sa = r.sa();
    List<Payload> out = new ArrayList<>(auth);
    boolean cp = sa.childRequest.stream().anyMatch(p -> p instanceof ConfigPayload c
        && c.cfgType().equals(ConfigType.REQUEST));
    if (cp) {
      out.add(configReply());
    }
    Proposal esp = chooseEsp();
    if (esp == null) {
      out.add(NotifyPayload.of(NotifyType.NO_PROPOSAL_CHOSEN));
      sa.established = true;
      return out;
    }
    out.add(new SaPayload(List.of(esp)));
    if (r.config.authLifetime != null) {
      out.add(NotifyPayload.of(NotifyType.AUTH_LIFETIME,
          java.nio.ByteBuffer.allocate(4).putInt(r.config.authLifetime).array()));
    }
    if (r.config.mobike && sa.childRequest.stream().anyMatch(p -> p instanceof NotifyPayload n
        && n.notifyType().equals(NotifyType.MOBIKE_SUPPORTED))) {
      out.add(NotifyPayload.of(NotifyType.MOBIKE_SUPPORTED));
    }
    TrafficSelector tsi = cp ? TrafficSelector.subnet(r.config.virtualIp, 32)
        : TrafficSelector.ipv4Any();
    out.add(new TsPayload(true, List.of(tsi)));
    List<TrafficSelector> tsr = new ArrayList<>();
    r.config.localTs.forEach(t -> tsr.add(TrafficSelector.range(t.start(), t.end())));
    out.add(new TsPayload(false, tsr));
    sa.established = true;
    return out;
  }

  private ConfigPayload configReply() {
    List<ConfigAttribute> a = new ArrayList<>();
    a.add(ConfigAttribute.address(ConfigAttributeType.INTERNAL_IP4_ADDRESS, r.config.virtualIp));
    r.config.dns.forEach(d -> a.add(ConfigAttribute.address(
        d instanceof Inet4Address ? ConfigAttributeType.INTERNAL_IP4_DNS
            : ConfigAttributeType.INTERNAL_IP6_DNS, d)));
    r.config.splitSubnets.forEach(s -> a.add(ConfigAttribute.ip4Subnet(
        (Inet4Address) s.start(), netmask(s.prefixLength()))));
    r.config.dnsDomains.forEach(d -> a.add(ConfigAttribute.text(
        ConfigAttributeType.INTERNAL_DNS_DOMAIN, d)));
    return new ConfigPayload(ConfigType.REPLY, a);
  }

  private static Inet4Address netmask(int prefix) {
    int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
    try {
      return (Inet4Address) java.net.InetAddress.getByAddress(
          java.nio.ByteBuffer.allocate(4).putInt(mask).array());
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private Proposal chooseEsp() {
    ResponderSa sa = r.sa();
    SaPayload offer = (SaPayload) sa.childRequest.stream().filter(p -> p instanceof SaPayload)
        .findFirst().orElseThrow();
    EspProposal want = r.config.esp;
    for (Proposal p : offer.proposals()) {
      List<Transform> chosen = new ArrayList<>();
      if (ResponderInit.pick(p, TransformType.ENCR, want.encryption(), chosen)
          && (want.integrity().isEmpty()
              || ResponderInit.pick(p, TransformType.INTEG, want.integrity(), chosen))
          && ResponderInit.pick(p, TransformType.ESN, want.esn(), chosen)) {
        sa.childOutboundSpi = p.spiValue();
        sa.childInboundSpi = r.random.nextInt() | 0x1000;
        return Proposal.esp(p.number(), sa.childInboundSpi, chosen);
      }
    }
    return null;
  }
}
