package dev.fulmar.core.ike.crypto;

import javax.security.auth.Destroyable;

/**
 * The initiating side of one key exchange (RFC 7296 §1.2, RFC 9370): it makes the Key Exchange Data
 * we send and turns the responder's data into the shared secret. For Diffie-Hellman methods (MODP,
 * ECP, Curve25519) the data is our public value; for ML-KEM it is the encapsulation key and the
 * responder answers with a ciphertext. The responding side is {@link KeyExchanges#respond}.
 *
 * <p>One instance serves one exchange and is used from one thread. The private key is destroyed
 * after {@link #computeSharedSecret} (or by {@link #destroy()} when the exchange is abandoned, for
 * instance after INVALID_KE_PAYLOAD).
 */
public interface KeyExchange extends Destroyable {

  /** The key exchange method (Transform Type 4 ID), e.g. 31 for Curve25519. */
  int method();

  /** The Key Exchange Data to send (a copy). */
  byte[] publicValue();

  /**
   * Computes the shared secret from the responder's Key Exchange Data. Can be called once; the
   * caller wipes the returned secret after key derivation.
   *
   * @throws InvalidKeyExchangeException if the peer's data is invalid for this method
   * @throws IllegalStateException if already called or destroyed
   */
  byte[] computeSharedSecret(byte[] peerValue) throws InvalidKeyExchangeException;

  /** Forgets the private key (destroying it where the JCA allows). Idempotent. */
  @Override
  void destroy();
}
