package dev.fulmar.core.ike.crypto;

import java.security.GeneralSecurityException;

/**
 * Protection of the Encrypted payload (SK, RFC 7296 §3.14) and the Encrypted Fragment payload (SKF,
 * RFC 7383 §2.5) for one direction of one IKE SA: either an AEAD (RFC 5282) or a cipher plus an
 * integrity algorithm (encrypt-then-MAC).
 *
 * <p>The message codec computes the payload length from {@link #sealedLength(int)} before it writes
 * the IKE header, then calls {@link #seal} with everything that precedes the SK/SKF body: the IKE
 * header, any unencrypted payloads and the SK/SKF generic header (plus fragment number and total for
 * SKF). That prefix is the AEAD's associated data (RFC 5282 §5.1) or the start of the integrity
 * checksum (RFC 7296 §3.14, "from the Fixed IKE header through the Pad Length").
 */
public interface SkCipher {

  /** Length in bytes of the body ({@code IV | ciphertext incl. padding and pad length | ICV}). */
  int sealedLength(int plaintextLength);

  /** The smallest body that {@link #open} can accept (IV + one block or pad-length byte + ICV). */
  int minimumSealedLength();

  /**
   * Pads and encrypts {@code plaintext} (the inner payload chain) and returns {@code IV | ciphertext
   * | ICV}, exactly {@link #sealedLength(int)} bytes long.
   *
   * @param prefix the message bytes before the body (associated data / start of the checksum)
   */
  byte[] seal(byte[] prefix, byte[] plaintext) throws GeneralSecurityException;

  /**
   * Verifies and decrypts a body and returns the inner payload chain with padding and pad length
   * removed.
   *
   * @throws javax.crypto.AEADBadTagException or another {@link GeneralSecurityException} when the ICV
   *     does not verify or the padding is malformed; nothing of the plaintext is returned then
   */
  byte[] open(byte[] prefix, byte[] body) throws GeneralSecurityException;
}
