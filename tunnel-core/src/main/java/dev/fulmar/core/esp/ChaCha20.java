package dev.fulmar.core.esp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The ChaCha20 stream cipher of RFC 8439 §2.3–§2.4 (256-bit key, 96-bit nonce, 32-bit block
 * counter) working in place on byte arrays and allocating nothing.
 *
 * <p>Why not the JDK's: on JDK 17 SunJCE's ChaCha20-Poly1305 costs about 10 µs for a 1400-byte
 * packet on the build machine (7x its AES-GCM), which made it the slowest ESP transform by far
 * (docs/benchmarks.md). ChaCha20 is add-rotate-xor on 32-bit words, so plain Java code has no
 * secret-dependent branches or table lookups, and it is checked against the RFC's test vectors
 * and against SunJCE on random inputs.
 */
final class ChaCha20 {
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  /** "expand 32-byte k" (RFC 8439 §2.3). */
  static final int C0 = 0x61707865;
  static final int C1 = 0x3320646e;
  static final int C2 = 0x79622d32;
  static final int C3 = 0x6b206574;

  static final int KEY_LENGTH = 32;
  static final int BLOCK_LENGTH = 64;

  private final int[] key = new int[8];
  /** The current key stream block, as 16 little-endian words. */
  private final int[] block = new int[16];
  /** Many blocks side by side, for the longer inputs. */
  private final ChaCha20Lanes lanes = new ChaCha20Lanes(key);

  /** Takes the 32-byte key at {@code k[off]}. */
  void setKey(byte[] k, int off) {
    for (int i = 0; i < 8; i++) {
      key[i] = (int) INTS.get(k, off + 4 * i);
    }
  }

  /** Overwrites the key and the last key stream block. */
  void wipe() {
    Arrays.fill(key, 0);
    Arrays.fill(block, 0);
    lanes.wipe();
  }

  /**
   * Computes the block for {@code counter} and the nonce words {@code n0..n2} (the nonce's bytes
   * 0–3, 4–7, 8–11 read little-endian) and returns its 16 words; the array is reused by the next
   * call.
   */
  int[] block(int counter, int n0, int n1, int n2) {
    int x0 = C0;
    int x1 = C1;
    int x2 = C2;
    int x3 = C3;
    int x4 = key[0];
    int x5 = key[1];
    int x6 = key[2];
    int x7 = key[3];
    int x8 = key[4];
    int x9 = key[5];
    int x10 = key[6];
    int x11 = key[7];
    int x12 = counter;
    int x13 = n0;
    int x14 = n1;
    int x15 = n2;
    for (int round = 0; round < 10; round++) {
      // Column round: QUARTERROUND(0,4,8,12) (1,5,9,13) (2,6,10,14) (3,7,11,15).
      x0 += x4; x12 = Integer.rotateLeft(x12 ^ x0, 16);
      x8 += x12; x4 = Integer.rotateLeft(x4 ^ x8, 12);
      x0 += x4; x12 = Integer.rotateLeft(x12 ^ x0, 8);
      x8 += x12; x4 = Integer.rotateLeft(x4 ^ x8, 7);
      x1 += x5; x13 = Integer.rotateLeft(x13 ^ x1, 16);
      x9 += x13; x5 = Integer.rotateLeft(x5 ^ x9, 12);
      x1 += x5; x13 = Integer.rotateLeft(x13 ^ x1, 8);
      x9 += x13; x5 = Integer.rotateLeft(x5 ^ x9, 7);
      x2 += x6; x14 = Integer.rotateLeft(x14 ^ x2, 16);
      x10 += x14; x6 = Integer.rotateLeft(x6 ^ x10, 12);
      x2 += x6; x14 = Integer.rotateLeft(x14 ^ x2, 8);
      x10 += x14; x6 = Integer.rotateLeft(x6 ^ x10, 7);
      x3 += x7; x15 = Integer.rotateLeft(x15 ^ x3, 16);
      x11 += x15; x7 = Integer.rotateLeft(x7 ^ x11, 12);
      x3 += x7; x15 = Integer.rotateLeft(x15 ^ x3, 8);
      x11 += x15; x7 = Integer.rotateLeft(x7 ^ x11, 7);
      // Diagonal round: QUARTERROUND(0,5,10,15) (1,6,11,12) (2,7,8,13) (3,4,9,14).
      x0 += x5; x15 = Integer.rotateLeft(x15 ^ x0, 16);
      x10 += x15; x5 = Integer.rotateLeft(x5 ^ x10, 12);
      x0 += x5; x15 = Integer.rotateLeft(x15 ^ x0, 8);
      x10 += x15; x5 = Integer.rotateLeft(x5 ^ x10, 7);
      x1 += x6; x12 = Integer.rotateLeft(x12 ^ x1, 16);
      x11 += x12; x6 = Integer.rotateLeft(x6 ^ x11, 12);
      x1 += x6; x12 = Integer.rotateLeft(x12 ^ x1, 8);
      x11 += x12; x6 = Integer.rotateLeft(x6 ^ x11, 7);
      x2 += x7; x13 = Integer.rotateLeft(x13 ^ x2, 16);
      x8 += x13; x7 = Integer.rotateLeft(x7 ^ x8, 12);
      x2 += x7; x13 = Integer.rotateLeft(x13 ^ x2, 8);
      x8 += x13; x7 = Integer.rotateLeft(x7 ^ x8, 7);
      x3 += x4; x14 = Integer.rotateLeft(x14 ^ x3, 16);
      x9 += x14; x4 = Integer.rotateLeft(x4 ^ x9, 12);
      x3 += x4; x14 = Integer.rotateLeft(x14 ^ x3, 8);
      x9 += x14; x4 = Integer.rotateLeft(x4 ^ x9, 7);
    }
    int[] b = block;
    b[0] = x0 + C0;
    b[1] = x1 + C1;
    b[2] = x2 + C2;
    b[3] = x3 + C3;
    b[4] = x4 + key[0];
    b[5] = x5 + key[1];
    b[6] = x6 + key[2];
    b[7] = x7 + key[3];
    b[8] = x8 + key[4];
    b[9] = x9 + key[5];
    b[10] = x10 + key[6];
    b[11] = x11 + key[7];
    b[12] = x12 + counter;
    b[13] = x13 + n0;
    b[14] = x14 + n1;
    b[15] = x15 + n2;
    return b;
  }

  /**
   * XORs {@code buf[off, off+len)} in place with the key stream that starts at block {@code
   * counter} (RFC 8439 §2.4). The caller keeps {@code len} below 2^32 - counter blocks (an ESP
   * packet is at most 64 KiB). From {@link ChaCha20Lanes#MIN_BLOCKS} blocks on, up to {@link
   * ChaCha20Lanes#LANES} blocks at a time are computed side by side; the result is the same.
   */
  void xor(int counter, int n0, int n1, int n2, byte[] buf, int off, int len) {
    int end = off + len;
    int p = off;
    while (end - p >= ChaCha20Lanes.MIN_BLOCKS * BLOCK_LENGTH) {
      int blocks = Math.min((end - p + BLOCK_LENGTH - 1) / BLOCK_LENGTH, ChaCha20Lanes.LANES);
      int whole = Math.min(blocks, (end - p) / BLOCK_LENGTH);
      lanes.compute(counter, n0, n1, n2, blocks);
      lanes.xorBlocks(counter, n0, n1, n2, whole, buf, p);
      p += whole * BLOCK_LENGTH;
      counter += whole;
      if (whole < blocks) {
        lanes.copyBlock(whole, counter, n0, n1, n2, block);
        xorTail(block, buf, p, end);
        return;
      }
    }
    for (; p + BLOCK_LENGTH <= end; p += BLOCK_LENGTH) {
      int[] b = block(counter++, n0, n1, n2);
      for (int i = 0; i < 16; i++) {
        int at = p + 4 * i;
        INTS.set(buf, at, (int) INTS.get(buf, at) ^ b[i]);
      }
    }
    if (p < end) {
      xorTail(block(counter, n0, n1, n2), buf, p, end);
    }
  }

  /**
   * XORs the first {@code end - p} (< 64) bytes of key stream block {@code b} into buf[p..], its
   * words taken apart with shifts (no copy of the key stream left behind).
   */
  private static void xorTail(int[] b, byte[] buf, int p, int end) {
    for (int i = 0; p + i < end; i++) {
      buf[p + i] ^= (byte) (b[i >> 2] >>> ((i & 3) << 3));
    }
  }

  /** The 12-byte nonce at {@code b[off]} as the three words {@link #block} takes. */
  static int nonceWord(byte[] b, int off, int index) {
    return (int) INTS.get(b, off + 4 * index);
  }
}
