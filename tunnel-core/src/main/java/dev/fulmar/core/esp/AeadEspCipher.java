package dev.fulmar.core.esp;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;

/**
 * AES-GCM-16 (RFC 4106) and ChaCha20-Poly1305 (RFC 7634) for ESP. The 12-byte nonce is the 4-byte
 * salt from the key material followed by the 8-byte explicit IV, which is the 64-bit sequence
 * number (unique per key, as both RFCs require). The AAD is SPI | [seq-hi] | seq-lo.
 */
final class AeadEspCipher extends EspCipher {
  private static final int TAG_BITS = 128;
  private static final int TAG_LENGTH = 16;

  private final Cipher cipher;
  private final EspKey key;
  private final boolean gcm;
  private final byte[] nonce = new byte[12];
  private final byte[] aad = new byte[12];

  private AeadEspCipher(String transformation, String keyAlg, byte[] keyMat, boolean gcm)
      throws GeneralSecurityException {
    int keyLen = keyMat.length - EspTransform.AEAD_SALT_LENGTH;
    this.cipher = Cipher.getInstance(transformation);
    this.key = new EspKey(keyAlg, keyMat, 0, keyLen);
    this.gcm = gcm;
    System.arraycopy(keyMat, keyLen, nonce, 0, EspTransform.AEAD_SALT_LENGTH);
  }

  static AeadEspCipher aesGcm(byte[] keyMat) throws GeneralSecurityException {
    return new AeadEspCipher("AES/GCM/NoPadding", "AES", keyMat, true);
  }

  static AeadEspCipher chacha20Poly1305(byte[] keyMat) throws GeneralSecurityException {
    return new AeadEspCipher("ChaCha20-Poly1305", "ChaCha20", keyMat, false);
  }

  @Override
  void writeIv(byte[] buf, int ivOff, long seq) {
    putLong(buf, ivOff, seq);
  }

  private AlgorithmParameterSpec spec() {
    return gcm ? new GCMParameterSpec(TAG_BITS, nonce) : new IvParameterSpec(nonce);
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
      initDecrypt();
      cipher.updateAAD(aad, 0, fillAad(aad, buf, espOff, seqHi, esn));
      cipher.doFinal(buf, ctOff, ctLen + TAG_LENGTH, buf, ctOff);
      return true;
    } catch (GeneralSecurityException | IllegalStateException e) {
      return false;
    }
  }

  /**
   * SunJCE's ChaCha20 refuses an init with the key and nonce of the previous init, even to
   * decrypt. A forged packet followed by the genuine one with the same sequence number would hit
   * that; initialising once with a different nonce first clears it (decrypting twice under one
   * nonce reveals nothing).
   */
  private void initDecrypt() throws GeneralSecurityException {
    try {
      cipher.init(Cipher.DECRYPT_MODE, key, spec());
    } catch (InvalidKeyException sameNonce) {
      if (gcm) {
        throw sameNonce;
      }
      nonce[11] ^= 1;
      cipher.init(Cipher.DECRYPT_MODE, key, spec());
      nonce[11] ^= 1;
      cipher.init(Cipher.DECRYPT_MODE, key, spec());
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
