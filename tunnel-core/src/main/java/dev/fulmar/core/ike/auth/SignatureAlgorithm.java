package dev.fulmar.core.ike.auth;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * A signature algorithm of RFC 7427 digital signature authentication: the JCA algorithm, its
 * hash, the key type and the DER AlgorithmIdentifier that goes into the AUTH payload.
 *
 * <p>The supported set is ours (RSA PKCS#1 v1.5, RSASSA-PSS and ECDSA with SHA-256/384/512), so
 * this is a closed set of constants. RSASSA-PSS uses MGF1 with the same hash and a salt as long
 * as the hash, the parameters RFC 8247 §3.2 expects and strongSwan sends.
 */
public final class SignatureAlgorithm {

  /** sha256WithRSAEncryption. */
  public static final SignatureAlgorithm RSA_SHA256 =
      pkcs1(PKCSObjectIdentifiers.sha256WithRSAEncryption, SignatureHash.SHA2_256, "SHA256withRSA");
  /** sha384WithRSAEncryption. */
  public static final SignatureAlgorithm RSA_SHA384 =
      pkcs1(PKCSObjectIdentifiers.sha384WithRSAEncryption, SignatureHash.SHA2_384, "SHA384withRSA");
  /** sha512WithRSAEncryption. */
  public static final SignatureAlgorithm RSA_SHA512 =
      pkcs1(PKCSObjectIdentifiers.sha512WithRSAEncryption, SignatureHash.SHA2_512, "SHA512withRSA");
  /** RSASSA-PSS with SHA-256, MGF1-SHA-256, salt 32. */
  public static final SignatureAlgorithm RSA_PSS_SHA256 =
      pss(NISTObjectIdentifiers.id_sha256, SignatureHash.SHA2_256);
  /** RSASSA-PSS with SHA-384, MGF1-SHA-384, salt 48. */
  public static final SignatureAlgorithm RSA_PSS_SHA384 =
      pss(NISTObjectIdentifiers.id_sha384, SignatureHash.SHA2_384);
  /** RSASSA-PSS with SHA-512, MGF1-SHA-512, salt 64. */
  public static final SignatureAlgorithm RSA_PSS_SHA512 =
      pss(NISTObjectIdentifiers.id_sha512, SignatureHash.SHA2_512);
  /** ecdsa-with-SHA256 (DER-encoded ECDSA-Sig-Value). */
  public static final SignatureAlgorithm ECDSA_SHA256 =
      ecdsa(X9ObjectIdentifiers.ecdsa_with_SHA256, SignatureHash.SHA2_256, "SHA256withECDSA");
  /** ecdsa-with-SHA384. */
  public static final SignatureAlgorithm ECDSA_SHA384 =
      ecdsa(X9ObjectIdentifiers.ecdsa_with_SHA384, SignatureHash.SHA2_384, "SHA384withECDSA");
  /** ecdsa-with-SHA512. */
  public static final SignatureAlgorithm ECDSA_SHA512 =
      ecdsa(X9ObjectIdentifiers.ecdsa_with_SHA512, SignatureHash.SHA2_512, "SHA512withECDSA");

  private static final List<SignatureAlgorithm> ALL =
      List.of(RSA_SHA256, RSA_SHA384, RSA_SHA512, RSA_PSS_SHA256, RSA_PSS_SHA384, RSA_PSS_SHA512,
          ECDSA_SHA256, ECDSA_SHA384, ECDSA_SHA512);

  private final String name;
  private final SignatureHash hash;
  private final String keyAlgorithm;
  private final String jcaName;
  private final PSSParameterSpec pssSpec;
  private final byte[] algorithmIdentifier;

  private SignatureAlgorithm(String name, SignatureHash hash, String keyAlgorithm, String jcaName,
      PSSParameterSpec pssSpec, AlgorithmIdentifier algId) {
    this.name = name;
    this.hash = hash;
    this.keyAlgorithm = keyAlgorithm;
    this.jcaName = jcaName;
    this.pssSpec = pssSpec;
    try {
      this.algorithmIdentifier = algId.getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode " + name, e);
    }
  }

  private static SignatureAlgorithm pkcs1(
      ASN1ObjectIdentifier oid, SignatureHash hash, String jca) {
    return new SignatureAlgorithm(jca, hash, "RSA", jca, null,
        new AlgorithmIdentifier(oid, DERNull.INSTANCE));
  }

  private static SignatureAlgorithm ecdsa(
      ASN1ObjectIdentifier oid, SignatureHash hash, String jca) {
    return new SignatureAlgorithm(jca, hash, "EC", jca, null, new AlgorithmIdentifier(oid));
  }

  private static SignatureAlgorithm pss(ASN1ObjectIdentifier hashOid, SignatureHash hash) {
    AlgorithmIdentifier hashId = new AlgorithmIdentifier(hashOid, DERNull.INSTANCE);
    RSASSAPSSparams params = new RSASSAPSSparams(hashId,
        new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, hashId),
        new ASN1Integer(hash.length()), RSASSAPSSparams.DEFAULT_TRAILER_FIELD);
    return new SignatureAlgorithm("RSASSA-PSS/" + hash.jcaName(), hash, "RSA", "RSASSA-PSS",
        pssSpec(hash.jcaName(), hash.jcaName(), hash.length()),
        new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSASSA_PSS, params));
  }

  static PSSParameterSpec pssSpec(String hashJca, String mgfHashJca, int salt) {
    return new PSSParameterSpec(hashJca, "MGF1", new MGF1ParameterSpec(mgfHashJca), salt, 1);
  }

  /** Every supported algorithm. */
  public static List<SignatureAlgorithm> all() {
    return ALL;
  }

  /**
   * The algorithm for a key and hash: PKCS#1 v1.5 or PSS for RSA keys (by {@code rsaPss}),
   * ECDSA for EC keys.
   *
   * @throws IllegalArgumentException for other key types or a hash we do not sign with
   */
  public static SignatureAlgorithm forKey(Key key, SignatureHash hash, boolean rsaPss) {
    String type = keyType(key);
    for (SignatureAlgorithm a : ALL) {
      if (a.keyAlgorithm.equals(type) && a.hash.equals(hash)
          && (!type.equals("RSA") || rsaPss == a.isPss())) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "no RFC 7427 signature for a " + key.getAlgorithm() + " key with " + hash);
  }

  /** "RSA" or "EC" for the key's family, or the JCA algorithm name for any other key. */
  static String keyType(Key key) {
    if (key instanceof RSAKey) {
      return "RSA";
    }
    return key instanceof ECKey ? "EC" : key.getAlgorithm();
  }

  /** A display name, e.g. {@code SHA256withECDSA} or {@code RSASSA-PSS/SHA-256}. */
  public String name() {
    return name;
  }

  /** The hash this algorithm signs with. */
  public SignatureHash hash() {
    return hash;
  }

  /** Whether this is RSASSA-PSS. */
  public boolean isPss() {
    return pssSpec != null;
  }

  /** "RSA" or "EC". */
  String keyAlgorithm() {
    return keyAlgorithm;
  }

  /** The DER AlgorithmIdentifier that goes into the AUTH payload. */
  public byte[] algorithmIdentifier() {
    return algorithmIdentifier.clone();
  }

  /** The JCA signature algorithm name. */
  String jcaName() {
    return jcaName;
  }

  /** A fresh, uninitialised JCA signature object for this algorithm. */
  Signature newSignature() throws GeneralSecurityException {
    Signature s = Signature.getInstance(jcaName);
    if (pssSpec != null) {
      s.setParameter(pssSpec);
    }
    return s;
  }

  @Override
  public String toString() {
    return name;
  }
}
