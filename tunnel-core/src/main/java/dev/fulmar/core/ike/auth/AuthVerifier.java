package dev.fulmar.core.ike.auth;

import java.security.PublicKey;

/**
 * Verifies the gateway's AUTH payload made with a signature method, dispatching on the method
 * number: 14 (RFC 7427), 9/10/11 (RFC 4754 ECDSA); 1 and 3 are refused because they sign with
 * SHA-1. Shared-key AUTH (method 2) is verified with {@link PskAuth#verify}.
 */
public final class AuthVerifier {

  private AuthVerifier() {}

  /**
   * Verifies signature AUTH data with the key of the gateway's validated certificate.
   *
   * @param method the AUTH payload's Auth Method
   * @param key the public key of the certificate returned by {@link
   *     GatewayCertificateValidator#validate}
   * @param authData the AUTH payload's Authentication Data
   * @param signedOctets the responder's signed octets ({@link SignedOctets})
   */
  public static void verifySignature(int method, PublicKey key, byte[] authData,
      byte[] signedOctets) throws GatewayAuthException {
    if (method == DigitalSignatureAuth.METHOD) {
      DigitalSignatureAuth.verify(key, authData, signedOctets);
    } else if (method == PskAuth.METHOD) {
      throw GatewayAuthException.unsupported("the gateway authenticates with a pre-shared key,"
          + " but the profile expects a certificate: configure the profile for PSK or the"
          + " gateway for certificates");
    } else {
      ClassicSignatureAuth.verify(method, key, authData, signedOctets);
    }
  }
}
