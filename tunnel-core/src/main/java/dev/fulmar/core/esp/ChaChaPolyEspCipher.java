package dev.fulmar.core.esp;

import java.util.Arrays;

/**
 * ChaCha20-Poly1305 for ESP (RFC 7634): the AEAD of RFC 8439 §2.8 with the 12-byte nonce made of
 * the 4-byte salt from the key material and the 8-byte explicit IV (the 64-bit sequence number),
 * and the AAD SPI | [seq-hi] | seq-lo. Runs on {@link ChaCha20} and {@link Poly1305} instead of
 * the JCE for speed (see {@link ChaCha20}); on open the tag is verified, in constant time, before
 * anything is decrypted.
 */
final class ChaChaPolyEspCipher extends EspCipher {
  private static final int SALT_LENGTH = EspTransform.AEAD_SALT_LENGTH;

  private final ChaCha20 chacha = new ChaCha20();
  private final Poly1305 poly = new Poly1305();
  private final byte[] salt = new byte[SALT_LENGTH];
  private final byte[] nonce = new byte[12];
  private final byte[] aad = new byte[12];
  private final byte[] tag = new byte[Poly1305.TAG_LENGTH];
  /** The current packet's nonce as ChaCha20's three nonce words. */
  private int n0;
  private int n1;
  private int n2;
  private boolean destroyed;

  /** @param keyMat the 32-byte key followed by the 4-byte salt (RFC 7634 §2) */
  ChaChaPolyEspCipher(byte[] keyMat) {
    if (keyMat.length != ChaCha20.KEY_LENGTH + SALT_LENGTH) {
      throw new IllegalArgumentException(
          "ChaCha20-Poly1305 needs 36 bytes of key material, got " + keyMat.length);
    }
    chacha.setKey(keyMat, 0);
    System.arraycopy(keyMat, ChaCha20.KEY_LENGTH, salt, 0, SALT_LENGTH);
  }

  @Override
  void writeIv(byte[] buf, int ivOff, long seq) {
    putLong(buf, ivOff, seq);
  }

  @Override
  void seal(byte[] buf, int espOff, int ctOff, int ctLen, int seqHi, boolean esn) {
    checkUsable();
    int aadLen = start(buf, espOff, seqHi, esn);
    chacha.xor(1, n0, n1, n2, buf, ctOff, ctLen);
    mac(buf, ctOff, ctLen, aadLen);
    poly.finish(buf, ctOff + ctLen);
  }

  @Override
  boolean open(byte[] buf, int espOff, int ctOff, int ctLen, int seqHi, boolean esn) {
    if (destroyed || ctLen < 0 || ctOff + ctLen + Poly1305.TAG_LENGTH > buf.length) {
      return false;
    }
    int aadLen = start(buf, espOff, seqHi, esn);
    mac(buf, ctOff, ctLen, aadLen);
    poly.finish(tag, 0);
    if (!constantTimeEquals(tag, 0, buf, ctOff + ctLen, Poly1305.TAG_LENGTH)) {
      return false;
    }
    chacha.xor(1, n0, n1, n2, buf, ctOff, ctLen);
    return true;
  }

  /** MAC input of RFC 8439 §2.8: AAD, pad16, ciphertext, pad16, both lengths. */
  private void mac(byte[] buf, int ctOff, int ctLen, int aadLen) {
    poly.padded(aad, 0, aadLen);
    poly.padded(buf, ctOff, ctLen);
    poly.lengths(aadLen, ctLen);
  }

  /**
   * Per packet: the AAD, the nonce (salt | explicit IV) as ChaCha20's three nonce words, and
   * Poly1305 keyed with the first 32 bytes of block 0 (RFC 8439 §2.6); returns the AAD length.
   */
  private int start(byte[] buf, int espOff, int seqHi, boolean esn) {
    int aadLen = fillAad(aad, buf, espOff, seqHi, esn);
    System.arraycopy(salt, 0, nonce, 0, SALT_LENGTH);
    System.arraycopy(buf, espOff + EspSpec.HEADER_LENGTH, nonce, SALT_LENGTH, 8);
    n0 = ChaCha20.nonceWord(nonce, 0, 0);
    n1 = ChaCha20.nonceWord(nonce, 0, 1);
    n2 = ChaCha20.nonceWord(nonce, 0, 2);
    poly.init(chacha.block(0, n0, n1, n2));
    return aadLen;
  }

  private void checkUsable() {
    if (destroyed) {
      throw new IllegalStateException("ChaCha20-Poly1305 key already destroyed");
    }
  }

  @Override
  void destroy() {
    destroyed = true;
    chacha.wipe();
    poly.wipe();
    Arrays.fill(salt, (byte) 0);
    Arrays.fill(nonce, (byte) 0);
    Arrays.fill(tag, (byte) 0);
    n0 = 0;
    n1 = 0;
    n2 = 0;
  }
}
