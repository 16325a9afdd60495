package dev.fulmar.core.esp;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;

/**
 * HMAC-SHA2 truncated to the leftmost {@code icvLength} bytes (RFC 4868 §2.3), with an optional
 * implicit 4-byte ESN high half appended to the authenticated data (RFC 4303 §3.3.2.1, RFC 4302
 * §3.3.3.1). One {@link Mac} per SA and direction; {@code doFinal} resets it for the next packet.
 */
final class TruncatedHmac {
  private final Mac mac;
  private final EspKey key;
  private final int icvLength;
  private final byte[] full;
  private final byte[] seqHiBytes = new byte[4];

  TruncatedHmac(EspIntegrity integrity, byte[] keyBytes) throws GeneralSecurityException {
    this.mac = Mac.getInstance(integrity.jceName());
    this.key = new EspKey(integrity.jceName(), keyBytes, 0, keyBytes.length);
    this.icvLength = integrity.icvLength();
    this.full = new byte[mac.getMacLength()];
    mac.init(key);
  }

  int icvLength() {
    return icvLength;
  }

  /** Computes the truncated ICV over {@code buf[off, off+len)} (+ seq-hi) into {@code out}. */
  void compute(byte[] buf, int off, int len, int seqHi, boolean esn, byte[] out, int outOff) {
    update(buf, off, len);
    finish(seqHi, esn, out, outOff);
  }

  /** Feeds more authenticated data (for ICVs over several ranges, as AH needs). */
  void update(byte[] buf, int off, int len) {
    mac.update(buf, off, len);
  }

  /** Appends the implicit seq-hi if {@code esn} and writes the truncated ICV into {@code out}. */
  void finish(int seqHi, boolean esn, byte[] out, int outOff) {
    if (esn) {
      EspCipher.putInt(seqHiBytes, 0, seqHi);
      mac.update(seqHiBytes, 0, 4);
    }
    try {
      mac.doFinal(full, 0);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MAC output buffer", e);
    }
    System.arraycopy(full, 0, out, outOff, icvLength);
  }

  /** True if the ICV at {@code buf[icvOff]} matches the data, compared in constant time. */
  boolean verify(byte[] buf, int off, int len, int seqHi, boolean esn, int icvOff) {
    compute(buf, off, len, seqHi, esn, full, 0);
    return EspCipher.constantTimeEquals(full, 0, buf, icvOff, icvLength);
  }

  void destroy() {
    try {
      mac.init(new EspKey(key.getAlgorithm(), new byte[key.length()], 0, key.length()));
    } catch (GeneralSecurityException | IllegalStateException ignored) {
      // best effort
    }
    key.destroy();
    Arrays.fill(full, (byte) 0);
  }
}
