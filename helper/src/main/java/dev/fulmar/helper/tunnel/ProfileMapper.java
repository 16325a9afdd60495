package dev.fulmar.helper.tunnel;

import dev.fulmar.core.api.AuthConfig;
import dev.fulmar.core.api.ClientCertificates;
import dev.fulmar.core.api.EapMethod;
import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.EspProposal;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.api.IkeIdentity;
import dev.fulmar.core.api.IkeProposal;
import dev.fulmar.core.api.IkeSessionException;
import dev.fulmar.core.api.IkeSessionParams;
import dev.fulmar.core.api.KeyLogSink;
import dev.fulmar.core.api.ProposalBuilder;
import dev.fulmar.core.api.SaLifetime;
import dev.fulmar.core.api.Secret;
import dev.fulmar.core.api.TrafficSelector;
import dev.fulmar.core.esp.SaInstaller;
import dev.fulmar.profiles.model.Algorithm;
import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.Identity;
import dev.fulmar.profiles.model.KeyExchange;
import dev.fulmar.profiles.model.Pkcs12;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.Routing;
import dev.fulmar.profiles.model.Subnet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * The only place where a {@link Profile} becomes {@link IkeSessionParams} (ARCHITECTURE.md): the
 * gateway, identities, trust, authentication with its secrets, proposals, tunnel kind and
 * transport options (MOBIKE), dead-peer detection and SA lifetimes. Problems become an {@link
 * IkeSessionException} at {@link FailureStep#PREPARE} naming the profile field, before any packet
 * is sent.
 */
public final class ProfileMapper {
  /** IANA transform type of extended sequence numbers (RFC 7296 §3.3.2). */
  private static final int ESN_TYPE = 5;
  /** ke<i>n</i>_ is transform type 5 + n, "Additional Key Exchange n" (RFC 9370 §2.2). */
  private static final int ADDITIONAL_KE_TYPE_BASE = 5;

  private final Path baseDir;

  /** @param baseDir where relative file references of the profile (CA, PKCS#12) are resolved */
  public ProfileMapper(Path baseDir) {
    this.baseDir = baseDir;
  }

  public IkeSessionParams toParams(Profile p, Credentials credentials, Optional<KeyLogSink> keyLog)
      throws IkeSessionException {
    return toParams(p, credentials, keyLog, Optional.empty());
  }

  /**
   * The parameters of a session that carries traffic: its CHILD SAs go to {@code dataPath}, and
   * ESP is always UDP-encapsulated, the only way the userspace data path sends it.
   */
  public IkeSessionParams toParams(Profile p, Credentials credentials, Optional<KeyLogSink> keyLog,
      Optional<SaInstaller> dataPath) throws IkeSessionException {
    return builder(p, credentials, keyLog, dataPath).build();
  }

  /**
   * The same parameters as a builder, for a caller that starts several sessions from one profile
   * (a tunnel that reconnects) and sets what differs per session: the gateway that redirected
   * it, the virtual address to ask for again, the data path's activity counter. Secrets are read
   * (and asked for) once, here.
   */
  public IkeSessionParams.Builder builder(Profile p, Credentials credentials,
      Optional<KeyLogSink> keyLog, Optional<SaInstaller> dataPath) throws IkeSessionException {
    IkeSessionParams.Builder b = IkeSessionParams.builder()
        .name(p.name())
        .gateway(p.gateway().host(), p.gateway().port())
        .trustAnchors(new Trusts(baseDir).anchors(p.trust()))
        .systemTrust(p.trust().useSystemTrustStore())
        .gatewayCertificatePins(p.trust().serverCertificatePins().stream()
            .map(dev.fulmar.profiles.model.Bytes::toArray).toList())
        .auth(auth(p.auth(), credentials))
        .ikeProposals(ike(p))
        .espProposals(esp(p))
        .trafficSelectors(localSelectors(p.routing()), remoteSelectors(p.routing()))
        .fragmentation(p.transport().fragmentation(), 1280)
        .forceUdpEncapsulation(p.transport().forceEncapsulation())
        .mobike(p.transport().mobike())
        .dpd(p.timers().dpdInterval())
        .ikeLifetime(lifetime(p.timers().ikeLifetime(), "timers.ikeLifetime"))
        .childLifetime(lifetime(p.timers().childLifetime(), "timers.childLifetime"));
    if (p.timers().dpdInterval().isNegative()) {
      throw invalid("timers.dpd", "a negative interval");
    }
    if (p.localId() != null) {
      b.localIdentity(identity(p.localId(), "localId"));
    }
    if (p.remoteId() != null) {
      b.remoteIdentity(identity(p.remoteId(), "remoteId"));
    }
    keyLog.ifPresent(b::keyLog);
    dataPath.ifPresent(installer -> b.saInstaller(installer).forceUdpEncapsulation(true));
    return b;
  }

  private AuthConfig auth(Authentication a, Credentials c) throws IkeSessionException {
    if (a instanceof Authentication.PasswordEap e) {
      return new AuthConfig.Eap(Set.of(eapMethod(e.eap())), e.username(),
          c.provider(what -> new IllegalStateException("no " + what)), null);
    }
    if (a instanceof Authentication.EapTls t) {
      AuthConfig.Certificate cert = certificate(t.certificate(), c);
      String id = t.identity() != null ? t.identity()
          : cert.chain().get(0).getSubjectX500Principal().getName(X500Principal.RFC2253);
      return new AuthConfig.Eap(Set.of(EapMethod.TLS), id, null, cert);
    }
    if (a instanceof Authentication.Certificate cert) {
      return certificate(cert.certificate(), c);
    }
    if (a instanceof Authentication.Psk) {
      char[] psk = c.now("pre-shared key").orElseThrow(() -> missing("pre-shared key"));
      try {
        return new AuthConfig.Psk(Secret.ofChars(psk));
      } finally {
        Arrays.fill(psk, '\0');
      }
    }
    throw invalid("auth.method", "authentication \"" + a.method() + "\" is not supported yet");
  }

  private AuthConfig.Certificate certificate(Pkcs12 p12, Credentials c)
      throws IkeSessionException {
    if (p12 == null) {
      throw invalid("auth.certificate", "the profile names no PKCS#12 certificate");
    }
    byte[] content;
    String name;
    if (p12 instanceof Pkcs12.Embedded e) {
      content = e.data().toArray();
      name = "embedded in the profile";
    } else {
      Path file = baseDir.resolve(((Pkcs12.FileRef) p12).path());
      name = file.toString();
      try {
        content = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new IkeSessionException(IkeFailure.of(FailureStep.PREPARE,
            ErrorCode.CLIENT_CERTIFICATE_UNUSABLE, "file", name, "detail",
            "it cannot be read (" + e.getMessage() + ")"), e);
      }
    }
    char[] password = c.now("PKCS#12 password").orElseThrow(() -> missing("PKCS#12 password"));
    try {
      return ClientCertificates.fromPkcs12(name, content, password);
    } finally {
      Arrays.fill(password, '\0');
      Arrays.fill(content, (byte) 0);
    }
  }

  private static EapMethod eapMethod(Authentication.EapMethod m) {
    switch (m) {
      case GTC:
        return EapMethod.GTC;
      case MD5:
        return EapMethod.MD5;
      case TLS:
        return EapMethod.TLS;
      default:
        return EapMethod.MSCHAPV2;
    }
  }

  /** The profile's IKE proposals, algorithm by algorithm (see {@link #build}). */
  private static List<IkeProposal> ike(Profile p) throws IkeSessionException {
    List<IkeProposal> out = new ArrayList<>();
    for (dev.fulmar.profiles.model.IkeProposal x : p.proposals().effectiveIke()) {
      out.add(build(IkeProposal.builder(),
          List.of(x.encryption(), x.integrity(), x.prf(), x.keyExchange()),
          x.additionalKeyExchanges()));
    }
    return out;
  }

  /** The profile's ESP proposals, algorithm by algorithm; ESN is transform type 5. */
  private static List<EspProposal> esp(Profile p) throws IkeSessionException {
    List<EspProposal> out = new ArrayList<>();
    for (dev.fulmar.profiles.model.EspProposal x : p.proposals().effectiveEsp()) {
      ProposalBuilder<EspProposal> b = EspProposal.builder();
      x.esn().forEach(e -> b.transform(ESN_TYPE, e.transformId(), 0));
      out.add(build(b, List.of(x.encryption(), x.integrity(), x.keyExchange()),
          x.additionalKeyExchanges()));
    }
    return out;
  }

  /**
   * Maps each algorithm by its IANA transform type, ID and key length, ke<i>n</i>_ methods to
   * ADDKE<i>n</i>; the engine refuses a weak or unsupported one.
   */
  private static <P> P build(ProposalBuilder<P> b, List<List<? extends Algorithm>> byType,
      Map<Integer, List<KeyExchange>> additional) throws IkeSessionException {
    for (List<? extends Algorithm> list : byType) {
      list.forEach(a -> b.transform(a.transformType(), a.transformId(), a.keyLength()));
    }
    additional.forEach((n, methods) -> methods.forEach(
        k -> b.transform(ADDITIONAL_KE_TYPE_BASE + n, k.transformId(), 0)));
    return b.build();
  }

  /**
   * TSr. Full tunnel: all addresses of both families (IPv6 too: a full tunnel routes it into the
   * tunnel, so without a selector for it IPv6 would go nowhere). Split: the profile's subnets,
   * or all addresses of both families for the gateway to narrow to what it announces when the
   * profile lists none. A gateway without IPv6 narrows ::/0 away.
   */
  static List<TrafficSelector> remoteSelectors(Routing r) {
    if (r.mode() == Routing.Mode.FULL || r.include().isEmpty()) {
      return List.of(TrafficSelector.all(false), TrafficSelector.all(true));
    }
    List<TrafficSelector> out = new ArrayList<>();
    for (Subnet s : r.include()) {
      out.add(TrafficSelector.subnet(s.network().address().address(), s.prefixLength()));
    }
    return out;
  }

  /** TSi: any address of each family the tunnel carries (the gateway narrows to our address). */
  static List<TrafficSelector> localSelectors(Routing r) {
    boolean v6 = r.mode() == Routing.Mode.FULL || r.include().isEmpty()
        || r.include().stream().anyMatch(s -> s.address().isIpv6());
    boolean v4 = r.mode() == Routing.Mode.FULL || r.include().isEmpty()
        || r.include().stream().anyMatch(s -> !s.address().isIpv6());
    List<TrafficSelector> out = new ArrayList<>();
    if (v4) {
      out.add(TrafficSelector.all(false));
    }
    if (v6) {
      out.add(TrafficSelector.all(true));
    }
    return out;
  }

  static IkeIdentity identity(Identity id, String field) throws IkeSessionException {
    try {
      switch (id.type()) {
        case FQDN:
          return IkeIdentity.fqdn(id.value());
        case RFC822_ADDR:
          return IkeIdentity.email(id.value());
        case DER_ASN1_DN:
          return IkeIdentity.distinguishedName(new X500Principal(id.value()));
        case KEY_ID:
          return IkeIdentity.keyId(HexFormat.of().parseHex(id.value().replace(":", "")));
        default:
          return IkeIdentity.parse(id.value());
      }
    } catch (IllegalArgumentException e) {
      throw invalid(field, "\"" + id.value() + "\" is not a valid " + id.type() + " identity");
    }
  }

  private static IkeSessionException missing(String what) {
    return new IkeSessionException(IkeFailure.of(FailureStep.PREPARE,
        ErrorCode.CREDENTIALS_MISSING, "what", what));
  }

  /** Rekey after {@code d} with 10 % jitter, as strongSwan does. */
  private static SaLifetime lifetime(java.time.Duration d, String field)
      throws IkeSessionException {
    if (d.isNegative() || d.isZero()) {
      throw invalid(field, "a lifetime must be positive");
    }
    return SaLifetime.of(d);
  }

  static IkeSessionException invalid(String field, String detail) {
    return new IkeSessionException(IkeFailure.of(FailureStep.PREPARE,
        ErrorCode.INVALID_PARAMETERS, "detail", field + ": " + detail));
  }
}
