package dev.fulmar.core.ike.crypto;

import java.security.GeneralSecurityException;

/**
 * An algorithm (or key length) that {@link AlgorithmPolicy} does not accept: either because it is
 * weak (DES, 3DES, Blowfish, MD5, SHA-1, small MODP groups...) or because this client does not
 * implement it. The message names the algorithm and says why, e.g. {@code 3DES (ENCR_3DES) is
 * refused: 64-bit block cipher ...}; it never contains key material.
 *
 * <p>The engine maps it to NO_PROPOSAL_CHOSEN when a gateway selects such a transform, and a
 * profile that asks for one fails validation with this message.
 */
public final class RefusedAlgorithmException extends GeneralSecurityException {

  private static final long serialVersionUID = 1L;

  private final TransformKind kind;
  private final int transformId;
  private final int keyBits;
  private final boolean weak;

  RefusedAlgorithmException(
      TransformKind kind, int transformId, int keyBits, boolean weak, String message) {
    super(message);
    this.kind = kind;
    this.transformId = transformId;
    this.keyBits = keyBits;
    this.weak = weak;
  }

  /** The kind of transform that was refused. */
  public TransformKind kind() {
    return kind;
  }

  /** The IANA transform ID that was refused. */
  public int transformId() {
    return transformId;
  }

  /** The key length attribute in bits, or 0 when none applies. */
  public int keyBits() {
    return keyBits;
  }

  /**
   * True when refused for being weak (a security decision); false when merely not implemented by
   * this client (for instance AES-CCM or an unknown ID).
   */
  public boolean isWeak() {
    return weak;
  }
}
