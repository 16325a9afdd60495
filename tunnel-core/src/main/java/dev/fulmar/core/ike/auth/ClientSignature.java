package dev.fulmar.core.ike.auth;

import dev.fulmar.core.ike.auth.CredentialException.Reason;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.List;

/**
 * Our own AUTH payload for certificate authentication: RFC 7427 digital signatures (method 14)
 * when the gateway announced SIGNATURE_HASH_ALGORITHMS, otherwise, for ECDSA keys, the RFC 4754
 * methods 9/10/11. An RSA key with a gateway that did not announce RFC 7427 would have to sign
 * with SHA-1 (method 1), which is refused.
 */
public final class ClientSignature {

  private ClientSignature() {}

  /** The AUTH payload's method and data. */
  public record AuthPayloadData(int method, byte[] data) {}

  /**
   * Signs {@code signedOctets} (the initiator's signed octets) with the credential's key.
   *
   * @param gatewayHashes the hashes of the gateway's SIGNATURE_HASH_ALGORITHMS notify, empty if
   *     it sent none
   * @param rsaPss use RSASSA-PSS for RSA keys (PKCS#1 v1.5 otherwise)
   * @throws CredentialException {@code NO_COMMON_ALGORITHM} if no acceptable signature exists
   */
  public static AuthPayloadData sign(ClientCredential credential,
      List<SignatureHash> gatewayHashes, byte[] signedOctets, boolean rsaPss,
      SecureRandom random) throws CredentialException {
    try {
      if (!gatewayHashes.isEmpty()) {
        SignatureAlgorithm alg = credential.signatureAlgorithm(gatewayHashes, rsaPss);
        return new AuthPayloadData(DigitalSignatureAuth.METHOD, DigitalSignatureAuth.sign(
            credential.privateKey(), alg, signedOctets, random));
      }
      int bits = credential.ecCurveBits();
      if (bits == 0) {
        throw new CredentialException(Reason.NO_COMMON_ALGORITHM, "the gateway does not support"
            + " RFC 7427 signatures, and an RSA key would have to sign with SHA-1, which is"
            + " refused: enable RFC 7427 (signature_hash) on the gateway", null);
      }
      return signEcdsaClassic(credential, bits, signedOctets, random);
    } catch (GeneralSecurityException e) {
      throw new CredentialException(Reason.UNSUPPORTED_KEY,
          "the private key cannot sign: " + e.getMessage(), e);
    }
  }

  private static AuthPayloadData signEcdsaClassic(ClientCredential credential, int bits,
      byte[] signedOctets, SecureRandom random)
      throws GeneralSecurityException, CredentialException {
    int method;
    String jca;
    if (bits == 256) {
      method = ClassicSignatureAuth.ECDSA_SHA256_P256;
      jca = "SHA256withECDSAinP1363Format";
    } else if (bits == 384) {
      method = ClassicSignatureAuth.ECDSA_SHA384_P384;
      jca = "SHA384withECDSAinP1363Format";
    } else if (bits == 521) {
      method = ClassicSignatureAuth.ECDSA_SHA512_P521;
      jca = "SHA512withECDSAinP1363Format";
    } else {
      throw new CredentialException(Reason.NO_COMMON_ALGORITHM, "the gateway does not support"
          + " RFC 7427 signatures and there is no classic IKEv2 method for a " + bits
          + "-bit EC key", null);
    }
    Signature s = Signature.getInstance(jca);
    s.initSign(credential.privateKey(), random);
    s.update(signedOctets);
    return new AuthPayloadData(method, s.sign());
  }
}
