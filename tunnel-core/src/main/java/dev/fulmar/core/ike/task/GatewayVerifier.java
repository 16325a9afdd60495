package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.api.IkeIdentity;
import dev.fulmar.core.api.IkeSessionParams;
import dev.fulmar.core.ike.auth.AuthVerifier;
import dev.fulmar.core.ike.auth.ExpectedGateway;
import dev.fulmar.core.ike.auth.GatewayAuthException;
import dev.fulmar.core.ike.auth.GatewayCertificateValidator;
import dev.fulmar.core.ike.auth.TrustAnchors;
import dev.fulmar.core.ike.message.AuthPayload;
import dev.fulmar.core.ike.message.CertPayload;
import dev.fulmar.core.ike.message.IdPayload;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * Authenticates the gateway from its IKE_AUTH response (RFC 7296 §2.15): its certificate chain
 * against the profile's CA (or the system trust store), its identity against the profile's remote
 * id or host and the IDr it sent, then its AUTH signature with the certificate's key. Failures keep
 * the facts (subjects, names, fingerprint) that the user needs to act.
 */
final class GatewayVerifier {
  private GatewayVerifier() {}

  /**
   * Validates the chain and identity and verifies a signature AUTH.
   *
   * @return the gateway's certificate
   */
  static X509Certificate verifySignature(IkeSessionParams params, Clock clock, IdPayload idr,
      List<CertPayload> certs, AuthPayload auth, byte[] responderSignedOctets)
      throws TaskFailure {
    List<X509Certificate> chain = List.of();
    try {
      List<byte[]> der = new ArrayList<>();
      certs.forEach(c -> der.add(c.data()));
      chain = GatewayCertificateValidator.parse(der);
      GatewayCertificateValidator validator =
          new GatewayCertificateValidator(anchors(params), clock);
      X509Certificate ee = validator.validate(chain, expected(params), identity(idr));
      checkPins(params, ee);
      AuthVerifier.verifySignature(auth.method().value(), ee.getPublicKey(), auth.data(),
          responderSignedOctets);
      return ee;
    } catch (GatewayAuthException e) {
      throw new TaskFailure(map(e, chain), null, e);
    }
  }

  /** The profile's pinned fingerprints, when it has any, must include the certificate's. */
  private static void checkPins(IkeSessionParams params, X509Certificate ee) throws TaskFailure {
    List<byte[]> pins = params.gatewayCertificatePins();
    if (pins.isEmpty()) {
      return;
    }
    byte[] fingerprint;
    try {
      fingerprint = java.security.MessageDigest.getInstance("SHA-256").digest(ee.getEncoded());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    if (pins.stream().anyMatch(p -> java.util.Arrays.equals(p, fingerprint))) {
      return;
    }
    throw TaskFailure.of(FailureStep.IKE_AUTH, ErrorCode.GATEWAY_CERT_INVALID,
        "subject", ee.getSubjectX500Principal().getName(X500Principal.RFC2253),
        "fingerprint", GatewayCertificateValidator.sha256(ee),
        "detail", "its SHA-256 fingerprint " + GatewayCertificateValidator.sha256(ee)
            + " is none of the fingerprints the profile pins",
        "hint", "if the gateway's certificate was renewed, get its new fingerprint from the"
            + " administrator and update the profile");
  }

  static TrustAnchors anchors(IkeSessionParams params) throws TaskFailure {
    Set<X509Certificate> all = new LinkedHashSet<>(params.trustAnchors());
    if (params.systemTrust()) {
      try {
        all.addAll(TrustAnchors.system().certificates());
      } catch (IOException e) {
        throw TaskFailure.of(FailureStep.IKE_AUTH, ErrorCode.GATEWAY_CERT_UNTRUSTED,
            "subject", "?", "issuer", "?", "fingerprint", "?",
            "detail", "the system trust store cannot be read: " + e.getMessage());
      }
    }
    return TrustAnchors.of(all);
  }

  /** The SAN names (DNS, IP, e-mail) when there are any, else the subject DN. */
  private static String names(List<String> certified) {
    List<String> plain = certified.stream().filter(n -> !n.contains("=")).toList();
    return String.join(", ", plain.isEmpty() ? certified : plain);
  }

  static ExpectedGateway expected(IkeSessionParams params) {
    return new ExpectedGateway(params.remoteIdentity().orElse(null), params.gatewayHost());
  }

  static IkeIdentity identity(IdPayload id) {
    return IkeIdentity.of(id.idType().value(), id.data());
  }

  /** The gateway's typed failure as the user's failure, facts included. */
  static IkeFailure map(GatewayAuthException e, List<X509Certificate> sent) {
    Map<String, String> d = new LinkedHashMap<>();
    List<String> chain = e.chainSubjects();
    d.put("subject", chain.isEmpty() ? "none" : chain.get(0));
    d.put("issuer", sent.isEmpty() ? "unknown"
        : sent.get(0).getIssuerX500Principal().getName(X500Principal.RFC2253));
    d.put("fingerprint", e.endEntitySha256().orElse("unknown"));
    d.put("detail", e.getMessage());
    d.put("hint", e.fix());
    ErrorCode code;
    switch (e.reason()) {
      case UNKNOWN_CA:
        code = ErrorCode.GATEWAY_CERT_UNTRUSTED;
        break;
      case NAME_MISMATCH:
        code = ErrorCode.GATEWAY_IDENTITY_MISMATCH;
        d.put("names", names(e.certifiedNames()));
        d.put("expected", e.expectedName().orElse("?"));
        break;
      case BAD_SIGNATURE:
      case UNSUPPORTED_AUTH_METHOD:
        code = ErrorCode.GATEWAY_AUTH_FAILED;
        break;
      default:
        code = ErrorCode.GATEWAY_CERT_INVALID;
    }
    e.notAfter().ifPresent(t -> d.put("notAfter", t.toString()));
    e.notBefore().ifPresent(t -> d.put("notBefore", t.toString()));
    return IkeFailure.of(FailureStep.IKE_AUTH, code, d);
  }
}
