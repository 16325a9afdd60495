package dev.fulmar.core.ike.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
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
 * Test certificates made in memory with Bouncy Castle: CAs, gateway and client certificates
 * with SANs, EKUs and chosen validity, in RSA 2048/3072 and ECDSA P-256/P-384/P-521, and
 * PKCS#12 files. Key pairs are generated once per key kind and reused (RSA generation is slow).
 *
 * <p>Certificates are valid around {@link #NOW}; tests validate at {@link #CLOCK}.
 */
public final class TestPki {

  /** The instant every default validity period is built around. */
  public static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  /** A clock fixed at {@link #NOW}. */
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** Key algorithms and sizes. */
  public enum KeyKind {
    RSA_2048, RSA_3072, EC_P256, EC_P384, EC_P521
  }

  /** A certificate with its key pair. */
  public record Issued(X509Certificate certificate, KeyPair keyPair) {
    /** The private key. */
    public PrivateKey privateKey() {
      return keyPair.getPrivate();
    }
  }

  private static final Map<KeyKind, KeyPair> KEYS = new EnumMap<>(KeyKind.class);
  private static final Map<KeyKind, KeyPair> SPARE_KEYS = new EnumMap<>(KeyKind.class);
  private static final AtomicLong SERIAL = new AtomicLong(1000);

  private TestPki() {}

  /** The shared key pair of a kind. */
  public static synchronized KeyPair keyPair(KeyKind kind) {
    return KEYS.computeIfAbsent(kind, TestPki::generate);
  }

  /** A second, different key pair of a kind (for wrong-key tests). */
  public static synchronized KeyPair otherKeyPair(KeyKind kind) {
    return SPARE_KEYS.computeIfAbsent(kind, TestPki::generate);
  }

  private static KeyPair generate(KeyKind kind) {
    try {
      KeyPairGenerator g;
      switch (kind) {
        case RSA_2048, RSA_3072 -> {
          g = KeyPairGenerator.getInstance("RSA");
          g.initialize(kind == KeyKind.RSA_2048 ? 2048 : 3072);
        }
        default -> {
          g = KeyPairGenerator.getInstance("EC");
          String curve = kind == KeyKind.EC_P256 ? "secp256r1"
              : kind == KeyKind.EC_P384 ? "secp384r1" : "secp521r1";
          g.initialize(new ECGenParameterSpec(curve));
        }
      }
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A self-signed CA with the default validity. */
  public static Issued ca(String commonName, KeyKind kind) {
    return cert("CN=" + commonName + ",O=Fulmar Test").key(keyPair(kind)).ca().selfSigned();
  }

  /** A builder for a certificate with subject DN {@code subject}. */
  public static Builder cert(String subject) {
    return new Builder(subject);
  }

  /** Builds one certificate. */
  public static final class Builder {
    private final String subject;
    private KeyPair keyPair;
    private final List<GeneralName> sans = new ArrayList<>();
    private final List<KeyPurposeId> ekus = new ArrayList<>();
    private Integer keyUsage;
    private boolean ca;
    private Instant notBefore = NOW.minus(Duration.ofDays(30));
    private Instant notAfter = NOW.plus(Duration.ofDays(365));
    private String signatureAlgorithm;

    private Builder(String subject) {
      this.subject = subject;
    }

    /** The subject's key pair (default: the shared P-256 pair). */
    public Builder key(KeyPair kp) {
      this.keyPair = kp;
      return this;
    }

    /** The shared key pair of {@code kind}. */
    public Builder key(KeyKind kind) {
      return key(keyPair(kind));
    }

    /** Adds a SAN dNSName. */
    public Builder dns(String name) {
      sans.add(new GeneralName(GeneralName.dNSName, name));
      return this;
    }

    /** Adds a SAN iPAddress (literal). */
    public Builder ip(String address) {
      sans.add(new GeneralName(GeneralName.iPAddress, address));
      return this;
    }

    /** Adds a SAN rfc822Name. */
    public Builder email(String address) {
      sans.add(new GeneralName(GeneralName.rfc822Name, address));
      return this;
    }

    /** Adds the serverAuth EKU. */
    public Builder serverAuth() {
      ekus.add(KeyPurposeId.id_kp_serverAuth);
      return this;
    }

    /** Adds the clientAuth EKU. */
    public Builder clientAuth() {
      ekus.add(KeyPurposeId.id_kp_clientAuth);
      return this;
    }

    /** Adds the ikeIntermediate EKU (1.3.6.1.5.5.7.3.17). */
    public Builder ikeIntermediate() {
      ekus.add(KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.17")));
      return this;
    }

    /** Adds an EKU by OID. */
    public Builder eku(String oid) {
      ekus.add(KeyPurposeId.getInstance(new ASN1ObjectIdentifier(oid)));
      return this;
    }

    /** Sets the key usage bits (BC {@link KeyUsage} constants). */
    public Builder keyUsage(int bits) {
      this.keyUsage = bits;
      return this;
    }

    /** Makes it a CA (basic constraints, keyCertSign). */
    public Builder ca() {
      this.ca = true;
      return this;
    }

    /** Sets the validity period. */
    public Builder validity(Instant from, Instant to) {
      this.notBefore = from;
      this.notAfter = to;
      return this;
    }

    /** Signs with this JCA algorithm (default: SHA256withRSA or SHA256withECDSA). */
    public Builder signatureAlgorithm(String alg) {
      this.signatureAlgorithm = alg;
      return this;
    }

    /** Self-signed. */
    public Issued selfSigned() {
      KeyPair kp = keyPair != null ? keyPair : keyPair(KeyKind.EC_P256);
      return new Issued(build(name(subject), kp.getPrivate(), kp), kp);
    }

    /** Signed by {@code issuer}. */
    public Issued issuedBy(Issued issuer) {
      KeyPair kp = keyPair != null ? keyPair : keyPair(KeyKind.EC_P256);
      X500Name issuerName =
          X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
      return new Issued(build(issuerName, issuer.privateKey(), kp), kp);
    }

    /** The DN as RFC 2253 reads it (most specific RDN first), e.g. {@code CN=gw,O=Example}. */
    private static X500Name name(String dn) {
      return X500Name.getInstance(new X500Principal(dn).getEncoded());
    }

    private X509Certificate build(X500Name issuer, PrivateKey signer, KeyPair kp) {
      try {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer,
            BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore),
            Date.from(notAfter), name(subject), kp.getPublic());
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.subjectKeyIdentifier, false,
            ext.createSubjectKeyIdentifier(kp.getPublic()));
        if (ca) {
          b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
          b.addExtension(Extension.keyUsage, true,
              new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else if (keyUsage != null) {
          b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
        }
        if (!sans.isEmpty()) {
          b.addExtension(Extension.subjectAlternativeName, false,
              new GeneralNames(sans.toArray(new GeneralName[0])));
        }
        if (!ekus.isEmpty()) {
          b.addExtension(Extension.extendedKeyUsage, false,
              new ExtendedKeyUsage(ekus.toArray(new KeyPurposeId[0])));
        }
        String alg = signatureAlgorithm != null ? signatureAlgorithm
            : signer.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        return new JcaX509CertificateConverter()
            .getCertificate(b.build(new JcaContentSignerBuilder(alg).build(signer)));
      } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A PKCS#12 file holding {@code key} with {@code chain} under {@code password}. */
  public static byte[] pkcs12(PrivateKey key, List<X509Certificate> chain, char[] password) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("client", key, password, chain.toArray(new Certificate[0]));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ks.store(out, password);
      return out.toByteArray();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A PKCS#12 file holding only trusted certificates (no key). */
  public static byte[] pkcs12CertificatesOnly(List<X509Certificate> certs, char[] password) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      for (int i = 0; i < certs.size(); i++) {
        ks.setCertificateEntry("ca" + i, certs.get(i));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ks.store(out, password);
      return out.toByteArray();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A deterministic SecureRandom for tests that need reproducible randomness. */
  public static SecureRandom seededRandom(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return r;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
