package dev.fulmar.core.ike.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.ProviderException;
import java.security.PublicKey;
import javax.crypto.KeyAgreement;
import javax.security.auth.DestroyFailedException;
import javax.security.auth.Destroyable;

/**
 * A Diffie-Hellman style key exchange on a JCA {@link KeyAgreement}: both sides send a public
 * value, so the responder is simply a second initiator ({@link #respond}). Subclasses encode and
 * decode the wire format and validate the peer's value; the JCA validates it again on {@code
 * doPhase} (range check, curve membership, small order), and any refusal becomes an {@link
 * InvalidKeyExchangeException}.
 */
abstract class DhKeyExchange implements KeyExchange {

  private final int method;
  private final String agreement;
  private final byte[] publicValue;
  private PrivateKey privateKey;

  DhKeyExchange(int method, String agreement, KeyPair keyPair, byte[] publicValue) {
    this.method = method;
    this.agreement = agreement;
    this.publicValue = publicValue;
    this.privateKey = keyPair.getPrivate();
  }

  /** Decodes and validates the peer's Key Exchange Data into a public key of our group. */
  abstract PublicKey peerKey(byte[] peerValue) throws InvalidKeyExchangeException;

  /** Brings the agreement output to the wire form of the shared secret and checks it. */
  abstract byte[] finishSecret(byte[] secret) throws InvalidKeyExchangeException;

  /**
   * {@code secret} left-padded with zeros to {@code length} bytes: the shared secret has the length
   * of the prime (RFC 7296 §2.14) or of the curve's field (RFC 5903 §7), while the JCA may drop
   * leading zero bytes. A shorter input is wiped.
   */
  static byte[] leftPadded(byte[] secret, int length) {
    if (secret.length == length) {
      return secret;
    }
    byte[] padded = new byte[length];
    System.arraycopy(secret, 0, padded, length - secret.length, secret.length);
    Bytes.wipe(secret);
    return padded;
  }

  @Override
  public final int method() {
    return method;
  }

  @Override
  public final byte[] publicValue() {
    return publicValue.clone();
  }

  @Override
  public final synchronized byte[] computeSharedSecret(byte[] peerValue)
      throws InvalidKeyExchangeException {
    if (privateKey == null) {
      throw new IllegalStateException(
          Algorithms.name(TransformKind.KEY_EXCHANGE, method) + " key exchange already used");
    }
    try {
      PublicKey peer = peerKey(peerValue);
      KeyAgreement ka = KeyAgreement.getInstance(agreement);
      ka.init(privateKey);
      ka.doPhase(peer, true);
      return finishSecret(ka.generateSecret());
    } catch (InvalidKeyException | ProviderException e) {
      throw new InvalidKeyExchangeException(method, "rejected by the JCA: " + e.getMessage(), e);
    } catch (InvalidKeyExchangeException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks " + agreement, e);
    } finally {
      destroy();
    }
  }

  @Override
  public final synchronized void destroy() {
    if (privateKey instanceof Destroyable) {
      try {
        ((Destroyable) privateKey).destroy();
      } catch (DestroyFailedException e) {
        // The JDK's DH/EC/XDH keys cannot be destroyed; dropping the reference is all we can do.
      }
    }
    privateKey = null;
  }

  @Override
  public final synchronized boolean isDestroyed() {
    return privateKey == null;
  }

  /**
   * The responder side of a Diffie-Hellman exchange: our own public value and the secret computed
   * from the initiator's value with a fresh key pair.
   */
  static KeyExchangeResponse respond(DhKeyExchange ours, byte[] initiatorValue)
      throws InvalidKeyExchangeException {
    byte[] publicValue = ours.publicValue();
    return new KeyExchangeResponse(
        ours.method, publicValue, ours.computeSharedSecret(initiatorValue));
  }

  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "["
        + Algorithms.name(TransformKind.KEY_EXCHANGE, method)
        + "]";
  }
}
