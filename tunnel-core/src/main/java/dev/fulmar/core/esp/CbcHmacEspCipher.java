package dev.fulmar.core.esp;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;

/**
 * AES-CBC (RFC 3602) with HMAC-SHA2 (RFC 4868), encrypt-then-MAC: the ICV covers SPI, sequence
 * number, IV and ciphertext, plus the implicit ESN high half. The IV must be unpredictable (RFC
 * 3602 §2.3); it is the sequence number encrypted under the SA's key, the first method of NIST SP
 * 800-38A Appendix C, so it costs one AES block and needs no random source per packet.
 */
final class CbcHmacEspCipher extends EspCipher {
  private static final int BLOCK = 16;

  private final Cipher cbc;
  private final Cipher ivGen;
  private final EspKey key;
  private final TruncatedHmac mac;
  private final byte[] counterBlock = new byte[BLOCK];

  CbcHmacEspCipher(byte[] encKey, byte[] integKey, EspIntegrity integrity, boolean outbound)
      throws GeneralSecurityException {
    this.key = new EspKey("AES", encKey, 0, encKey.length);
    this.cbc = Cipher.getInstance("AES/CBC/NoPadding");
    this.mac = new TruncatedHmac(integrity, integKey);
    if (outbound) {
      this.ivGen = Cipher.getInstance("AES/ECB/NoPadding");
      ivGen.init(Cipher.ENCRYPT_MODE, key);
    } else {
      this.ivGen = null;
    }
  }

  @Override
  void writeIv(byte[] buf, int ivOff, long seq) throws GeneralSecurityException {
    putLong(counterBlock, 0, seq);
    ivGen.doFinal(counterBlock, 0, BLOCK, buf, ivOff);
  }

  @Override
  void seal(byte[] buf, int espOff, int ctOff, int ctLen, int seqHi, boolean esn)
      throws GeneralSecurityException {
    cbc.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(buf, ctOff - BLOCK, BLOCK));
    cbc.doFinal(buf, ctOff, ctLen, buf, ctOff);
    mac.compute(buf, espOff, ctOff + ctLen - espOff, seqHi, esn, buf, ctOff + ctLen);
  }

  @Override
  boolean open(byte[] buf, int espOff, int ctOff, int ctLen, int seqHi, boolean esn) {
    if (ctLen % BLOCK != 0
        || !mac.verify(buf, espOff, ctOff + ctLen - espOff, seqHi, esn, ctOff + ctLen)) {
      return false;
    }
    try {
      cbc.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(buf, ctOff - BLOCK, BLOCK));
      cbc.doFinal(buf, ctOff, ctLen, buf, ctOff);
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  @Override
  void destroy() {
    try {
      EspKey zero = new EspKey("AES", new byte[key.length()], 0, key.length());
      cbc.init(Cipher.DECRYPT_MODE, zero, new IvParameterSpec(new byte[BLOCK]));
      if (ivGen != null) {
        ivGen.init(Cipher.ENCRYPT_MODE, zero);
      }
    } catch (GeneralSecurityException | IllegalStateException ignored) {
      // best effort
    }
    key.destroy();
    mac.destroy();
    Arrays.fill(counterBlock, (byte) 0);
  }
}
