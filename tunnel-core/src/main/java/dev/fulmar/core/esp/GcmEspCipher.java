package dev.fulmar.core.esp;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM-16 (RFC 4106) for ESP on the JCE. The 12-byte nonce is the 4-byte salt from the key
 * material followed by the 8-byte explicit IV, which is the 64-bit sequence number (unique per
 * key, as the RFC requires). The AAD is SPI | [seq-hi] | seq-lo. ChaCha20-Poly1305 (RFC 7634) is
 * {@link ChaChaPolyEspCipher}.
 */
final class GcmEspCipher extends EspCipher {
  private static final int TAG_BITS = 128;
  private static final int TAG_LENGTH = 16;

  private final Cipher cipher;
  private final EspKey key;
  private final byte[] nonce = new byte[12];
  private final byte[] aad = new byte[12];

  private GcmEspCipher(byte[] keyMat) throws GeneralSecurityException {
    int keyLen = keyMat.length - EspTransform.AEAD_SALT_LENGTH;
    this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
    this.key = new EspKey("AES", keyMat, 0, keyLen);
    System.arraycopy(keyMat, keyLen, nonce, 0, EspTransform.AEAD_SALT_LENGTH);
  }

  static GcmEspCipher aesGcm(byte[] keyMat) throws GeneralSecurityException {
    return new GcmEspCipher(keyMat);
  }

  @Override
  void writeIv(byte[] buf, int ivOff, long seq) {
    putLong(buf, ivOff, seq);
  }

  private GCMParameterSpec spec() {
    return new GCMParameterSpec(TAG_BITS, nonce);
  }

  @Override
  void seal(byte[] buf, int espOff, int ctOff, int ctLen, int seqHi, boolean esn)
      throws GeneralSecurityException {
    System.arraycopy(buf, espOff + EspSpec.HEADER_LENGTH, nonce, 4, 8);
    cipher.init(Cipher.ENCRYPT_MODE, key, spec());
    cipher.updateAAD(aad, 0, fillAad(aad, buf, espOff, seqHi, esn));
    cipher.doFinal(buf, ctOff, ctLen, buf, ctOff);
  }

  @Override
  boolean open(byte[] buf, int espOff, int ctOff, int ctLen, int seqHi, boolean esn) {
    System.arraycopy(buf, espOff + EspSpec.HEADER_LENGTH, nonce, 4, 8);
    try {
      cipher.init(Cipher.DECRYPT_MODE, key, spec());
      cipher.updateAAD(aad, 0, fillAad(aad, buf, espOff, seqHi, esn));
      cipher.doFinal(buf, ctOff, ctLen + TAG_LENGTH, buf, ctOff);
      return true;
    } catch (GeneralSecurityException | IllegalStateException e) {
      return false;
    }
  }

  @Override
  void destroy() {
    try {
      // Overwrite the provider's copy of the key schedule with an all-zero key.
      EspKey zero = new EspKey(key.getAlgorithm(), new byte[key.length()], 0, key.length());
      nonce[11] ^= 0x5A;
      cipher.init(Cipher.DECRYPT_MODE, zero, spec());
    } catch (GeneralSecurityException | IllegalStateException ignored) {
      // best effort: our own copy below is wiped regardless
    }
    key.destroy();
    Arrays.fill(nonce, (byte) 0);
  }
}
