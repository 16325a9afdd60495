package dev.fulmar.core.esp;

import java.security.GeneralSecurityException;

/**
 * The per-SA, per-direction cryptographic state of one ESP transform: one JCE {@code Cipher} (and
 * {@code Mac}) created once and re-initialised per packet, writing into the packet's own array.
 * Callers serialise access (the owning {@link EspSa} is locked).
 *
 * <p>Packet layout the methods work on ({@code espOff} is the SPI):
 *
 * <pre>
 *  espOff          +8               ctOff                          ctOff+ctLen
 *  | SPI | Seq(lo) | IV (ivLength) | payload | padding | PL | NH | ICV |
 * </pre>
 */
abstract class EspCipher {

  /** Writes the explicit IV for sequence number {@code seq} at {@code buf[ivOff]}. */
  abstract void writeIv(byte[] buf, int ivOff, long seq) throws GeneralSecurityException;

  /**
   * Encrypts {@code buf[ctOff, ctOff + ctLen)} in place and writes the ICV right after it. The SPI,
   * sequence number and IV are already in place.
   */
  abstract void seal(byte[] buf, int espOff, int ctOff, int ctLen, int seqHi, boolean esn)
      throws GeneralSecurityException;

  /**
   * Verifies the ICV that follows {@code buf[ctOff, ctOff + ctLen)} and decrypts in place.
   *
   * @return false if the ICV does not verify (nothing else is reported)
   */
  abstract boolean open(byte[] buf, int espOff, int ctOff, int ctLen, int seqHi, boolean esn);

  /** Wipes key material (best effort where the JCA keeps its own copy). Idempotent. */
  abstract void destroy();

  /** Fills {@code aad} with SPI | [seq-hi] | seq-lo (RFC 4106 §5, RFC 7634 §2.1); its length. */
  static int fillAad(byte[] aad, byte[] buf, int espOff, int seqHi, boolean esn) {
    System.arraycopy(buf, espOff, aad, 0, 4);
    if (esn) {
      putInt(aad, 4, seqHi);
      System.arraycopy(buf, espOff + 4, aad, 8, 4);
      return 12;
    }
    System.arraycopy(buf, espOff + 4, aad, 4, 4);
    return 8;
  }

  static void putInt(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }

  static void putLong(byte[] b, int off, long v) {
    putInt(b, off, (int) (v >>> 32));
    putInt(b, off + 4, (int) v);
  }

  static int getInt(byte[] b, int off) {
    return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8)
        | (b[off + 3] & 0xFF);
  }

  /** Constant-time comparison of two ranges of equal length. */
  static boolean constantTimeEquals(byte[] a, int aOff, byte[] b, int bOff, int len) {
    int diff = 0;
    for (int i = 0; i < len; i++) {
      diff |= a[aOff + i] ^ b[bOff + i];
    }
    return diff == 0;
  }
}
