package dev.fulmar.core.ike.auth;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;

/**
 * Verification of the gateway's AUTH with the signature methods that predate RFC 7427.
 *
 * <ul>
 *   <li>1, RSA Digital Signature (RFC 7296): PKCS#1 v1.5 with SHA-1 in practice: refused.
 *   <li>3, DSS Digital Signature: DSA with SHA-1: refused.
 *   <li>9, 10, 11, ECDSA with SHA-256 on P-256, SHA-384 on P-384, SHA-512 on P-521 (RFC 4754):
 *       the signature is {@code r | s}, each as long as the curve's field (32, 48, 66 octets).
 * </ul>
 */
public final class ClassicSignatureAuth {

  /** RSA Digital Signature. */
  public static final int RSA_DIGITAL_SIGNATURE = 1;
  /** DSS Digital Signature. */
  public static final int DSS_DIGITAL_SIGNATURE = 3;
  /** ECDSA with SHA-256 on the P-256 curve. */
  public static final int ECDSA_SHA256_P256 = 9;
  /** ECDSA with SHA-384 on the P-384 curve. */
  public static final int ECDSA_SHA384_P384 = 10;
  /** ECDSA with SHA-512 on the P-521 curve. */
  public static final int ECDSA_SHA512_P521 = 11;

  private ClassicSignatureAuth() {}

  /**
   * Verifies AUTH data of {@code method} with the key of the gateway's validated certificate.
   *
   * @throws GatewayAuthException {@code WEAK_ALGORITHM} for methods 1 and 3 (SHA-1), {@code
   *     MALFORMED} if the key or signature size does not fit the method, {@code BAD_SIGNATURE}
   *     if it does not verify, {@code UNSUPPORTED_AUTH_METHOD} for other method numbers
   */
  public static void verify(int method, PublicKey key, byte[] authData, byte[] signedOctets)
      throws GatewayAuthException {
    switch (method) {
      case RSA_DIGITAL_SIGNATURE:
        throw GatewayAuthException.weak("the gateway authenticates with the RSA Digital"
            + " Signature method (1), which signs with SHA-1; SHA-1 is refused as too weak:"
            + " the gateway must use RFC 7427 signatures (method 14)");
      case DSS_DIGITAL_SIGNATURE:
        throw GatewayAuthException.weak("the gateway authenticates with DSS (method 3), which"
            + " signs with SHA-1; SHA-1 is refused as too weak");
      case ECDSA_SHA256_P256:
        verifyEcdsa(key, 256, "SHA256withECDSAinP1363Format", authData, signedOctets);
        return;
      case ECDSA_SHA384_P384:
        verifyEcdsa(key, 384, "SHA384withECDSAinP1363Format", authData, signedOctets);
        return;
      case ECDSA_SHA512_P521:
        verifyEcdsa(key, 521, "SHA512withECDSAinP1363Format", authData, signedOctets);
        return;
      default:
        throw GatewayAuthException.unsupported(
            "the gateway uses the unsupported authentication method " + method);
    }
  }

  private static void verifyEcdsa(PublicKey key, int curveBits, String jca, byte[] authData,
      byte[] signedOctets) throws GatewayAuthException {
    if (!(key instanceof ECPublicKey)
        || ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize() != curveBits) {
      throw GatewayAuthException.malformed("the gateway uses ECDSA on P-" + curveBits
          + ", but its certificate holds a " + describe(key) + " key", null);
    }
    int fieldBytes = (curveBits + 7) / 8;
    if (authData.length != 2 * fieldBytes) {
      throw GatewayAuthException.malformed("the gateway's ECDSA P-" + curveBits + " signature is "
          + authData.length + " bytes, not " + 2 * fieldBytes, null);
    }
    boolean ok;
    try {
      Signature s = Signature.getInstance(jca);
      s.initVerify(key);
      s.update(signedOctets);
      ok = s.verify(authData);
    } catch (GeneralSecurityException | RuntimeException e) {
      ok = false;
    }
    if (!ok) {
      throw GatewayAuthException.badSignature("the gateway's ECDSA P-" + curveBits
          + " AUTH signature does not verify with the key of its certificate");
    }
  }

  static String describe(PublicKey key) {
    if (key instanceof ECPublicKey) {
      return "P-" + ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize()
          + " ECDSA";
    }
    return key.getAlgorithm();
  }
}
