package dev.fulmar.core.ike.auth;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Digital Signature authentication (auth method 14, RFC 7427 §3).
 *
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | ASN.1 Length  | AlgorithmIdentifier ASN.1 object              |
 * +-+-+-+-+-+-+-+-+                                               +
 * ~        AlgorithmIdentifier ASN.1 object continuing            ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                         Signature Value                       ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>This is the AUTH payload's Authentication Data; the signature covers the signed octets
 * ({@link SignedOctets}). Incoming signatures with SHA-1 are refused with a message that names it.
 */
public final class DigitalSignatureAuth {

  /** The auth method number. */
  public static final int METHOD = 14;

  private static final Map<ASN1ObjectIdentifier, SignatureAlgorithm> PLAIN = Map.of(
      PKCSObjectIdentifiers.sha256WithRSAEncryption, SignatureAlgorithm.RSA_SHA256,
      PKCSObjectIdentifiers.sha384WithRSAEncryption, SignatureAlgorithm.RSA_SHA384,
      PKCSObjectIdentifiers.sha512WithRSAEncryption, SignatureAlgorithm.RSA_SHA512,
      X9ObjectIdentifiers.ecdsa_with_SHA256, SignatureAlgorithm.ECDSA_SHA256,
      X9ObjectIdentifiers.ecdsa_with_SHA384, SignatureAlgorithm.ECDSA_SHA384,
      X9ObjectIdentifiers.ecdsa_with_SHA512, SignatureAlgorithm.ECDSA_SHA512);

  private static final Map<ASN1ObjectIdentifier, String> DIGESTS = Map.of(
      NISTObjectIdentifiers.id_sha256, "SHA-256",
      NISTObjectIdentifiers.id_sha384, "SHA-384",
      NISTObjectIdentifiers.id_sha512, "SHA-512");

  /** id-sha1 (1.3.14.3.2.26). */
  private static final ASN1ObjectIdentifier SHA1_OID = new ASN1ObjectIdentifier("1.3.14.3.2.26");

  private DigitalSignatureAuth() {}

  /**
   * Signs the signed octets and returns the AUTH data.
   *
   * @throws GeneralSecurityException if the key cannot sign with {@code algorithm}
   */
  public static byte[] sign(PrivateKey key, SignatureAlgorithm algorithm, byte[] signedOctets,
      SecureRandom random) throws GeneralSecurityException {
    Signature s = algorithm.newSignature();
    s.initSign(key, random);
    s.update(signedOctets);
    byte[] sig = s.sign();
    byte[] algId = algorithm.algorithmIdentifier();
    byte[] out = new byte[1 + algId.length + sig.length];
    out[0] = (byte) algId.length;
    System.arraycopy(algId, 0, out, 1, algId.length);
    System.arraycopy(sig, 0, out, 1 + algId.length, sig.length);
    return out;
  }

  /**
   * Verifies the gateway's AUTH data with the public key of its validated certificate.
   *
   * @throws GatewayAuthException {@code BAD_SIGNATURE} if it does not verify, {@code
   *     WEAK_ALGORITHM} for SHA-1, {@code UNSUPPORTED_AUTH_METHOD} for algorithms we do not
   *     accept and {@code MALFORMED} for unparsable data
   */
  public static void verify(PublicKey key, byte[] authData, byte[] signedOctets)
      throws GatewayAuthException {
    if (authData.length < 1 || authData.length < 1 + (authData[0] & 0xff)) {
      throw GatewayAuthException.malformed(
          "the gateway's AUTH data (" + authData.length + " bytes) is shorter than its"
              + " AlgorithmIdentifier length field says", null);
    }
    int algLen = authData[0] & 0xff;
    Verifier v = parseAlgorithm(Arrays.copyOfRange(authData, 1, 1 + algLen));
    String keyType = SignatureAlgorithm.keyType(key);
    if (!v.keyAlgorithm.equals(keyType)) {
      throw GatewayAuthException.malformed("the gateway signed with " + v.display
          + ", which does not fit the " + keyType + " key of its certificate", null);
    }
    byte[] sig = Arrays.copyOfRange(authData, 1 + algLen, authData.length);
    boolean ok;
    try {
      Signature s = Signature.getInstance(v.jcaName);
      if (v.pss != null) {
        s.setParameter(v.pss);
      }
      s.initVerify(key);
      s.update(signedOctets);
      ok = s.verify(sig);
    } catch (GeneralSecurityException | RuntimeException e) {
      ok = false;
    }
    if (!ok) {
      throw GatewayAuthException.badSignature("the gateway's AUTH signature (" + v.display
          + ") does not verify with the key of its certificate");
    }
  }

  private static Verifier parseAlgorithm(byte[] der) throws GatewayAuthException {
    AlgorithmIdentifier algId;
    try {
      algId = der.length == 0 ? null
          : AlgorithmIdentifier.getInstance(ASN1Primitive.fromByteArray(der));
    } catch (Exception e) {
      algId = null;
    }
    if (algId == null) {
      throw GatewayAuthException.malformed(
          "the gateway's AUTH AlgorithmIdentifier is not valid DER", null);
    }
    ASN1ObjectIdentifier oid = algId.getAlgorithm();
    SignatureAlgorithm plain = PLAIN.get(oid);
    if (plain != null) {
      ASN1Encodable p = algId.getParameters();
      if (p != null && !(p instanceof DERNull) && !DERNull.INSTANCE.equals(p)) {
        throw GatewayAuthException.malformed("unexpected parameters for " + plain.name(), null);
      }
      return new Verifier(plain.jcaName(), null, plain.keyAlgorithm(), plain.name());
    }
    if (oid.equals(PKCSObjectIdentifiers.sha1WithRSAEncryption)
        || oid.equals(X9ObjectIdentifiers.ecdsa_with_SHA1)) {
      throw GatewayAuthException.weak(
          "the gateway signs its AUTH with SHA-1, which is refused as too weak");
    }
    if (oid.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
      return parsePss(algId.getParameters());
    }
    throw GatewayAuthException.unsupported(
        "the gateway signs its AUTH with the unsupported algorithm " + oid.getId());
  }

  private static Verifier parsePss(ASN1Encodable parameters) throws GatewayAuthException {
    RSASSAPSSparams p;
    try {
      p = RSASSAPSSparams.getInstance(parameters);
    } catch (Exception e) {
      throw GatewayAuthException.malformed("the gateway's RSASSA-PSS parameters are invalid", e);
    }
    if (p == null) {
      throw GatewayAuthException.weak(
          "the gateway signs with RSASSA-PSS default parameters (SHA-1), which is refused");
    }
    String hash = digest(p.getHashAlgorithm());
    if (!PKCSObjectIdentifiers.id_mgf1.equals(p.getMaskGenAlgorithm().getAlgorithm())) {
      throw GatewayAuthException.unsupported("the gateway's RSASSA-PSS mask generation "
          + p.getMaskGenAlgorithm().getAlgorithm().getId() + " is not MGF1");
    }
    String mgfHash;
    try {
      mgfHash = digest(AlgorithmIdentifier.getInstance(p.getMaskGenAlgorithm().getParameters()));
    } catch (IllegalArgumentException e) {
      throw GatewayAuthException.malformed("the gateway's MGF1 parameters are invalid", e);
    }
    if (p.getTrailerField().intValueExact() != 1) {
      throw GatewayAuthException.unsupported("RSASSA-PSS trailer field must be 1");
    }
    int salt = p.getSaltLength().intValueExact();
    PSSParameterSpec spec = SignatureAlgorithm.pssSpec(hash, mgfHash, salt);
    return new Verifier("RSASSA-PSS", spec, "RSA", "RSASSA-PSS/" + hash);
  }

  private static String digest(AlgorithmIdentifier hashAlg) throws GatewayAuthException {
    if (hashAlg == null || SHA1_OID.equals(hashAlg.getAlgorithm())) {
      throw GatewayAuthException.weak(
          "the gateway signs with RSASSA-PSS over SHA-1, which is refused as too weak");
    }
    String name = DIGESTS.get(hashAlg.getAlgorithm());
    if (name == null) {
      throw GatewayAuthException.unsupported(
          "unsupported RSASSA-PSS hash " + hashAlg.getAlgorithm().getId());
    }
    return name;
  }

  /** What verification needs: JCA name, optional PSS parameters, key family, display name. */
  private static final class Verifier {
    final String jcaName;
    final PSSParameterSpec pss;
    final String keyAlgorithm;
    final String display;

    Verifier(String jcaName, PSSParameterSpec pss, String keyAlgorithm, String display) {
      this.jcaName = jcaName;
      this.pss = pss;
      this.keyAlgorithm = keyAlgorithm;
      this.display = display;
    }
  }
}
