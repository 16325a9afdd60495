package dev.fulmar.core.ike.auth;

import dev.fulmar.core.api.IkeIdentity;
import dev.fulmar.core.ike.auth.GatewayAuthException.Reason;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;

/**
 * Authenticates the gateway's certificate before anything secret is sent: PKIX path validation
 * against the trust anchors, extended key usage, and the gateway's identity.
 *
 * <ul>
 *   <li>Path: the first certificate is the gateway's own (RFC 7296 §3.6); the others may come in
 *       any order and are linked by issuer. Validity is checked at the injected clock's time.
 *       <b>Revocation is not checked</b> (no CRL or OCSP fetch: the client has no network before
 *       the tunnel is up, and a gateway that is offline to us must not be reachable through a
 *       fetch it controls). Certificates signed with SHA-1 or MD5 and RSA keys under 2048 bits
 *       are refused.
 *   <li>Usage: no EKU, or serverAuth, ikeIntermediate (1.3.6.1.5.5.7.3.17) or
 *       anyExtendedKeyUsage; a key usage extension must allow digitalSignature.
 *   <li>Identity: the profile's remote id must be named by the certificate; with no remote id,
 *       the host the profile connects to must be in its SAN. The IDr the gateway sent must be
 *       named by the certificate too.
 * </ul>
 */
public final class GatewayCertificateValidator {

  static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  static final String IKE_INTERMEDIATE = "1.3.6.1.5.5.7.3.17";
  static final String ANY_EKU = "2.5.29.37.0";

  private final TrustAnchors anchors;
  private final Clock clock;

  /** Validates against {@code anchors} at the time of {@code clock}. */
  public GatewayCertificateValidator(TrustAnchors anchors, Clock clock) {
    this.anchors = anchors;
    this.clock = clock;
  }

  /**
   * Parses DER certificates (the bodies of CERT payloads with encoding 4, X.509 Signature).
   *
   * @throws GatewayAuthException {@code MALFORMED} naming the index of a certificate that does
   *     not parse, {@code NO_CERTIFICATE} for an empty list
   */
  public static List<X509Certificate> parse(List<byte[]> der) throws GatewayAuthException {
    if (der.isEmpty()) {
      throw noCertificate();
    }
    List<X509Certificate> out = new ArrayList<>(der.size());
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      for (int i = 0; i < der.size(); i++) {
        try {
          out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der.get(i))));
        } catch (CertificateException | RuntimeException e) {
          throw GatewayAuthException.malformed(
              "certificate " + (i + 1) + " the gateway sent is not a valid X.509 certificate", e);
        }
      }
    } catch (CertificateException e) {
      throw new IllegalStateException("no X.509 certificate factory", e);
    }
    return out;
  }

  /**
   * Validates the gateway's chain and identity.
   *
   * @param sent the gateway's certificates, its own first
   * @param expected who the profile expects
   * @param idr the identity the gateway sent in IDr, or {@code null} where there is none
   * @return the validated end-entity certificate (its key verifies the gateway's AUTH)
   */
  public X509Certificate validate(List<X509Certificate> sent, ExpectedGateway expected,
      IkeIdentity idr) throws GatewayAuthException {
    X509Certificate ee = validateChain(sent);
    checkIdentity(ee, expected, idr);
    return ee;
  }

  /** PKIX path, weak algorithms and usage; returns the end-entity certificate. */
  X509Certificate validateChain(List<X509Certificate> sent) throws GatewayAuthException {
    if (sent.isEmpty()) {
      throw noCertificate();
    }
    X509Certificate ee = sent.get(0);
    List<X509Certificate> path = ChainBuilder.build(sent, anchors);
    checkWeak(path);
    runPkix(path, sent);
    checkUsage(ee);
    return ee;
  }

  private void runPkix(List<X509Certificate> path, List<X509Certificate> sent)
      throws GatewayAuthException {
    try {
      PKIXParameters params = new PKIXParameters(anchors.anchors());
      params.setRevocationEnabled(false);
      params.setDate(Date.from(clock.instant()));
      CertPathValidator.getInstance("PKIX").validate(
          CertificateFactory.getInstance("X.509").generateCertPath(path), params);
    } catch (CertPathValidatorException e) {
      throw mapPkixFailure(e, path, sent);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PKIX validation is not available", e);
    }
  }

  private GatewayAuthException mapPkixFailure(CertPathValidatorException e,
      List<X509Certificate> path, List<X509Certificate> sent) {
    X509Certificate bad = e.getIndex() >= 0 && e.getIndex() < path.size()
        ? path.get(e.getIndex()) : path.get(0);
    CertPathValidatorException.Reason r = e.getReason();
    if (r == PKIXReason.NO_TRUST_ANCHOR) {
      return unknownCa(sent, e);
    }
    if (r == BasicReason.EXPIRED || r == BasicReason.NOT_YET_VALID) {
      boolean expired = r == BasicReason.EXPIRED;
      String subject = subject(bad);
      return GatewayAuthException.builder(expired ? Reason.EXPIRED : Reason.NOT_YET_VALID,
              "the certificate " + subject + (expired ? " expired on " : " is valid only from ")
                  + (expired ? bad.getNotAfter().toInstant() : bad.getNotBefore().toInstant())
                  + " (now " + clock.instant() + ")")
          .fix(expired ? "the gateway's administrator must renew the certificate"
              : "check this computer's clock and the certificate's validity dates")
          .validity(bad.getNotBefore().toInstant(), bad.getNotAfter().toInstant())
          .chain(subjects(sent), sha256(sent.get(0)))
          .cause(e)
          .build();
    }
    if (r == BasicReason.ALGORITHM_CONSTRAINED) {
      return GatewayAuthException.weak("the certificate " + subject(bad)
          + " uses an algorithm this system refuses: " + e.getMessage());
    }
    return GatewayAuthException.builder(Reason.INVALID_CHAIN, "the gateway's certificate chain"
            + " is invalid at " + subject(bad) + ": " + e.getMessage())
        .fix("the gateway's administrator must install a complete, valid certificate chain")
        .chain(subjects(sent), sha256(sent.get(0)))
        .cause(e)
        .build();
  }

  GatewayAuthException unknownCa(List<X509Certificate> sent, Exception cause) {
    X509Certificate last = sent.get(sent.size() - 1);
    return GatewayAuthException.builder(Reason.UNKNOWN_CA, "the gateway's certificate "
            + subject(sent.get(0)) + " (SHA-256 " + sha256(sent.get(0)) + ") was issued by "
            + last.getIssuerX500Principal().getName(X500Principal.RFC2253)
            + ", which is not a CA in " + anchors.description())
        .fix("add the gateway's CA certificate to the profile (or trust the system store if the"
            + " gateway uses a public CA); compare the fingerprint with the administrator's")
        .chain(subjects(sent), sha256(sent.get(0)))
        .cause(cause)
        .build();
  }

  private static void checkWeak(List<X509Certificate> path) throws GatewayAuthException {
    for (X509Certificate c : path) {
      String alg = c.getSigAlgName().toUpperCase(Locale.ROOT);
      if (alg.contains("SHA1") || alg.contains("SHA-1") || alg.contains("MD5")
          || alg.contains("MD2")) {
        throw GatewayAuthException.weak("the certificate " + subject(c) + " is signed with "
            + c.getSigAlgName() + (alg.contains("MD") ? " (MD5/MD2)" : " (SHA-1)")
            + ", which is refused as too weak");
      }
    }
    X509Certificate ee = path.get(0);
    if (ee.getPublicKey() instanceof RSAPublicKey
        && ((RSAPublicKey) ee.getPublicKey()).getModulus().bitLength() < 2048) {
      throw GatewayAuthException.weak("the gateway's RSA key has "
          + ((RSAPublicKey) ee.getPublicKey()).getModulus().bitLength()
          + " bits; at least 2048 are required");
    }
  }

  private static void checkUsage(X509Certificate ee) throws GatewayAuthException {
    List<String> eku;
    try {
      eku = ee.getExtendedKeyUsage();
    } catch (CertificateParsingException e) {
      throw GatewayAuthException.malformed("the gateway's EKU extension is malformed", e);
    }
    if (eku != null && !eku.contains(SERVER_AUTH) && !eku.contains(IKE_INTERMEDIATE)
        && !eku.contains(ANY_EKU)) {
      throw usage("the gateway's certificate " + subject(ee) + " allows only the extended key"
          + " usages " + eku + ", not serverAuth or ikeIntermediate");
    }
    boolean[] ku = ee.getKeyUsage();
    if (ku != null && !(ku[0] || (ku.length > 1 && ku[1]))) {
      throw usage("the gateway's certificate " + subject(ee)
          + " does not allow digital signatures (key usage)");
    }
  }

  private static GatewayAuthException usage(String message) {
    return GatewayAuthException.builder(Reason.WRONG_KEY_USAGE, message)
        .fix("the gateway needs a certificate with the serverAuth (or ikeIntermediate) extended"
            + " key usage and the digitalSignature key usage")
        .build();
  }

  private static void checkIdentity(X509Certificate ee, ExpectedGateway expected,
      IkeIdentity idr) throws GatewayAuthException {
    List<String> names = CertificateNames.certifiedNames(ee);
    String shown = String.join(", ", names.subList(0, Math.max(1, names.size() - 1)));
    if (expected.remoteId() != null) {
      if (!CertificateNames.certifies(ee, expected.remoteId())) {
        String want = expected.remoteId().toString();
        throw mismatch("the gateway's certificate names " + shown + ", but the profile's remote"
            + " id is " + want, "set the profile's remote id to a name the certificate holds ("
            + shown + ")", names, want);
      }
    } else if (!CertificateNames.certifiesHost(ee, expected.host())) {
      boolean ip = CertificateNames.ipLiteral(expected.host()) != null;
      throw mismatch("the gateway's certificate names " + shown + ", but the profile connects"
          + " to " + expected.host(), ip ? "set remote id or use the DNS name"
          : "set remote id to a name the certificate holds, or connect to one of its names",
          names, expected.host());
    }
    if (idr != null && !CertificateNames.certifies(ee, idr)) {
      throw mismatch("the gateway identified itself as " + idr.toString() + ", but its"
          + " certificate names " + shown, "the gateway's administrator must send an identity"
          + " (IDr) that its certificate holds", names, idr.toString());
    }
  }

  private static GatewayAuthException mismatch(String message, String fix, List<String> names,
      String expected) {
    return GatewayAuthException.builder(Reason.NAME_MISMATCH, message + ": " + fix)
        .fix(fix)
        .names(names, expected)
        .build();
  }

  private static GatewayAuthException noCertificate() {
    return GatewayAuthException.builder(Reason.NO_CERTIFICATE,
            "the gateway sent no certificate to authenticate itself")
        .fix("the gateway must send its certificate (check the CERTREQ and the gateway's"
            + " certificate configuration)")
        .build();
  }

  static List<String> subjects(List<X509Certificate> certs) {
    List<String> out = new ArrayList<>();
    for (X509Certificate c : certs) {
      out.add(subject(c));
    }
    return out;
  }

  static String subject(X509Certificate c) {
    return c.getSubjectX500Principal().getName(X500Principal.RFC2253);
  }

  /** SHA-256 of the DER certificate as upper-case hex pairs joined by colons. */
  public static String sha256(X509Certificate c) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
