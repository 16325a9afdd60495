package dev.fulmar.interop.lab;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A test PKI made in memory with Bouncy Castle: a CA, gateway certificates (SAN = DNS name and IP,
 * EKU serverAuth + ikeIntermediate), client certificates (e-mail or DNS SAN), and for refusal
 * tests a second, untrusted CA and a gateway certificate with the wrong name. Keys are generated
 * once per JVM and kept; {@link #shared()} is the PKI every lab uses unless a test wants its own.
 */
public final class Pki {
  /** RFC 4945 §5.1.3.12: the IKE intermediate extended key usage. */
  static final KeyPurposeId IKE_INTERMEDIATE =
      KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.3.6.1.5.5.8.2.2"));

  /** The key types the lab issues certificates for. */
  public enum KeyKind {
    RSA_2048("rsa2048"), RSA_3072("rsa3072"), ECDSA_P256("ecdsa256"), ECDSA_P384("ecdsa384");

    final String label;

    KeyKind(String label) {
      this.label = label;
    }
  }

  private static Pki shared;

  private final String caName;
  private final KeyPair caKeys;
  private final X509Certificate caCert;
  private final Map<String, Credential> issued = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private Pki untrusted;

  private Pki(String caName) {
    this.caName = caName;
    this.caKeys = generate(KeyKind.RSA_2048);
    X500Name subject = new X500Name("C=CH, O=Fulmar Lab, CN=" + caName);
    this.caCert = sign(subject, caKeys, subject, caKeys, true, null, null, Duration.ofDays(3650));
  }

  /** The PKI shared by all labs of this JVM. */
  public static synchronized Pki shared() {
    if (shared == null) {
      shared = new Pki("Fulmar Lab Root CA");
    }
    return shared;
  }

  /** A PKI with its own CA. */
  public static Pki create(String caName) {
    return new Pki(caName);
  }

  public X509Certificate caCert() {
    return caCert;
  }

  public String caName() {
    return caName;
  }

  /** The CA certificate in PEM. */
  public String caPem() {
    return Credential.pem("CERTIFICATE", Credential.der(caCert));
  }

  /** The lab gateway's certificate: vpn.fulmar.test and 192.0.2.1. */
  public Credential gateway(KeyKind kind) {
    return gatewayNamed(Lab.GATEWAY_NAME, Lab.GATEWAY_IP, kind);
  }

  /** A gateway certificate that names other.fulmar.test / 192.0.2.99 instead of the gateway. */
  public Credential gatewayWithWrongName() {
    return gatewayNamed("other.fulmar.test", "192.0.2.99", KeyKind.RSA_2048);
  }

  /** A gateway certificate for the lab gateway's names from a CA that no client trusts. */
  public Credential gatewayFromUnknownCa() {
    return untrusted().gateway(KeyKind.RSA_2048);
  }

  /** The CA that nobody trusts. */
  public synchronized Pki untrusted() {
    if (untrusted == null) {
      untrusted = new Pki("Unknown Test CA");
    }
    return untrusted;
  }

  /** A gateway certificate with SAN {@code dnsName} and {@code ip}. */
  public Credential gatewayNamed(String dnsName, String ip, KeyKind kind) {
    return issued.computeIfAbsent("gateway-" + dnsName + "-" + kind.label, n -> {
      KeyPair keys = generate(kind);
      GeneralNames san = new GeneralNames(new GeneralName[] {
          new GeneralName(GeneralName.dNSName, dnsName),
          new GeneralName(GeneralName.iPAddress, ip)});
      ExtendedKeyUsage eku = new ExtendedKeyUsage(
          new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, IKE_INTERMEDIATE});
      X509Certificate cert = sign(new X500Name("C=CH, O=Fulmar Lab, CN=" + dnsName), keys,
          caSubject(), caKeys, false, san, eku, Duration.ofDays(365));
      String file = dnsName.equals(Lab.GATEWAY_NAME) ? "gateway-" + kind.label
          : "gateway-" + dnsName.replace('.', '_') + "-" + kind.label;
      return new Credential(file, dnsName, keys.getPrivate(), cert, caCert);
    });
  }

  /** A client certificate whose SAN (and identity) is the e-mail address {@code email}. */
  public Credential clientWithEmail(String email, KeyKind kind) {
    return client(email, new GeneralName(GeneralName.rfc822Name, email), kind);
  }

  /** A client certificate whose SAN (and identity) is the DNS name {@code dnsName}. */
  public Credential clientWithDns(String dnsName, KeyKind kind) {
    return client(dnsName, new GeneralName(GeneralName.dNSName, dnsName), kind);
  }

  private Credential client(String identity, GeneralName sanName, KeyKind kind) {
    return issued.computeIfAbsent("client-" + identity + "-" + kind.label, n -> {
      KeyPair keys = generate(kind);
      ExtendedKeyUsage eku = new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth);
      X509Certificate cert = sign(new X500Name("C=CH, O=Fulmar Lab, CN=" + identity), keys,
          caSubject(), caKeys, false, new GeneralNames(sanName), eku, Duration.ofDays(365));
      String file = "client-" + identity.replaceAll("[^A-Za-z0-9]", "_") + "-" + kind.label;
      return new Credential(file, identity, keys.getPrivate(), cert, caCert);
    });
  }

  private X500Name caSubject() {
    return X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded());
  }

  static KeyPair generate(KeyKind kind) {
    try {
      KeyPairGenerator g;
      switch (kind) {
        case RSA_2048, RSA_3072 -> {
          g = KeyPairGenerator.getInstance("RSA");
          g.initialize(kind == KeyKind.RSA_2048 ? 2048 : 3072);
        }
        default -> {
          g = KeyPairGenerator.getInstance("EC");
          g.initialize(new ECGenParameterSpec(kind == KeyKind.ECDSA_P256 ? "secp256r1"
              : "secp384r1"));
        }
      }
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new LabException("cannot generate a " + kind + " key", e);
    }
  }

  private X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer,
      KeyPair issuerKeys, boolean ca, GeneralNames san, ExtendedKeyUsage eku, Duration validity) {
    Instant now = Instant.now();
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer,
          new BigInteger(64, random).setBit(62), Date.from(now.minus(Duration.ofDays(1))),
          Date.from(now.plus(validity)), subject, subjectKeys.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      b.addExtension(Extension.subjectKeyIdentifier, false,
          ext.createSubjectKeyIdentifier(subjectKeys.getPublic()));
      b.addExtension(Extension.authorityKeyIdentifier, false,
          ext.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(ca
          ? KeyUsage.keyCertSign | KeyUsage.cRLSign
          : keyUsageFor(subjectKeys)));
      if (san != null) {
        b.addExtension(Extension.subjectAlternativeName, false, san);
      }
      if (eku != null) {
        b.addExtension(Extension.extendedKeyUsage, false, eku);
      }
      String alg = issuerKeys.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA"
          : "SHA384withECDSA";
      return new JcaX509CertificateConverter().getCertificate(
          b.build(new JcaContentSignerBuilder(alg).build(issuerKeys.getPrivate())));
    } catch (GeneralSecurityException | OperatorCreationException
        | org.bouncycastle.cert.CertIOException e) {
      throw new LabException("cannot issue a certificate for " + subject, e);
    }
  }

  private static int keyUsageFor(KeyPair keys) {
    return keys.getPrivate().getAlgorithm().equals("RSA")
        ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
        : KeyUsage.digitalSignature;
  }

  /** Every credential issued so far (for diagnostics). */
  public List<Credential> issued() {
    return new ArrayList<>(issued.values());
  }
}
