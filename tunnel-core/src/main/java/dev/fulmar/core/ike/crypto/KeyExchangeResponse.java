package dev.fulmar.core.ike.crypto;

import javax.security.auth.Destroyable;

/**
 * The responding side's result of a key exchange: the Key Exchange Data to send back (our public
 * value, or the ML-KEM ciphertext) and the shared secret. {@link #destroy()} wipes the secret.
 */
public final class KeyExchangeResponse implements Destroyable {

  private final int method;
  private final byte[] publicValue;
  private final byte[] sharedSecret;
  private volatile boolean destroyed;

  /** Takes ownership of both arrays. */
  KeyExchangeResponse(int method, byte[] publicValue, byte[] sharedSecret) {
    this.method = method;
    this.publicValue = publicValue;
    this.sharedSecret = sharedSecret;
  }

  /** The key exchange method (Transform Type 4 ID). */
  public int method() {
    return method;
  }

  /** The Key Exchange Data to send (a copy). */
  public byte[] publicValue() {
    return publicValue.clone();
  }

  /** The shared secret (a copy, which the caller wipes after key derivation). */
  public byte[] sharedSecret() {
    if (destroyed) {
      throw new IllegalStateException("the shared secret has been destroyed");
    }
    return sharedSecret.clone();
  }

  @Override
  public void destroy() {
    destroyed = true;
    Bytes.wipe(sharedSecret);
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  @Override
  public String toString() {
    return "KeyExchangeResponse[" + Algorithms.name(TransformKind.KEY_EXCHANGE, method) + "]";
  }
}
