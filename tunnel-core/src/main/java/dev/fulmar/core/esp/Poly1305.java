package dev.fulmar.core.esp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The Poly1305 one-time authenticator of RFC 8439 §2.5 for the AEAD construction of §2.8, where
 * every block the MAC sees is a whole 16 bytes (the AAD and the ciphertext are padded with zeros
 * to 16, then the two lengths fill one block).
 *
 * <p>Radix 2^32: the accumulator is five limbs {@code h0..h4} of value {@code Σ h_i·2^(32i)} and
 * {@code r} four 32-bit limbs. Clamping leaves every {@code r_i < 2^28} and {@code r1..r3}
 * divisible by 4, so a product landing at 2^128 or above is reduced by 2^130 ≡ 5 with the
 * precomputed {@code s_i = r_i + r_i/4 = 5·r_i/4} (exact), and each column of the schoolbook
 * product is a sum of at most five 64-bit products that stays below 2^64 (see {@link #block}).
 * That makes a block 20 multiplications (five 26-bit limbs need 25) with no splitting of the
 * message into limbs, and Java's plain wrapping {@code long} arithmetic with unsigned shifts is
 * exact. No branch or memory access depends on the key or the message; the final "subtract p if
 * h ≥ p" is done with a mask. Checked against all RFC 8439 Appendix A.3 vectors (which probe the
 * carry and reduction edges), accumulator values next to 2^130 - 5, and against SunJCE on random
 * inputs.
 */
final class Poly1305 {
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long M32 = 0xffffffffL;

  static final int TAG_LENGTH = 16;

  private long r0;
  private long r1;
  private long r2;
  private long r3;
  private long h0;
  private long h1;
  private long h2;
  private long h3;
  private long h4;
  private final long[] pad = new long[4];
  private final byte[] last = new byte[16];

  /**
   * Starts a MAC with the one-time key given as eight little-endian words (the first 32 bytes of
   * ChaCha20 block 0, RFC 8439 §2.6): {@code r} clamped per §2.5, then {@code s}.
   */
  void init(int[] keyWords) {
    // r &= 0x0ffffffc0ffffffc0ffffffc0fffffff, one limb per word.
    r0 = keyWords[0] & 0x0fffffffL;
    r1 = keyWords[1] & 0x0ffffffcL;
    r2 = keyWords[2] & 0x0ffffffcL;
    r3 = keyWords[3] & 0x0ffffffcL;
    for (int i = 0; i < 4; i++) {
      pad[i] = keyWords[4 + i] & M32;
    }
    h0 = 0;
    h1 = 0;
    h2 = 0;
    h3 = 0;
    h4 = 0;
  }

  /** Takes the 32-byte key at {@code key[off]} (for the RFC's stand-alone Poly1305 vectors). */
  void init(byte[] key, int off) {
    int[] words = new int[8];
    for (int i = 0; i < 8; i++) {
      words[i] = (int) INTS.get(key, off + 4 * i);
    }
    init(words);
    Arrays.fill(words, 0);
  }

  /**
   * Adds {@code m[off, off+len)} as whole blocks; a last partial block is padded with zeros to 16
   * bytes ("pad16" of RFC 8439 §2.8), so callers only ever feed the AEAD's padded fields.
   */
  void padded(byte[] m, int off, int len) {
    int whole = len >>> 4;
    blocks(m, off, whole);
    int rest = len & 15;
    if (rest != 0) {
      Arrays.fill(last, (byte) 0);
      System.arraycopy(m, off + 16 * whole, last, 0, rest);
      blocks(last, 0, 1);
    }
  }

  /** Adds the block of the two little-endian 64-bit lengths that ends the AEAD input. */
  void lengths(long aadLength, long ciphertextLength) {
    LONGS.set(last, 0, aadLength);
    LONGS.set(last, 8, ciphertextLength);
    blocks(last, 0, 1);
  }

  /**
   * h = (h + block + 2^128) * r mod 2^130 - 5 for {@code n} whole blocks at {@code m[off]},
   * partly reduced: on return h0 < 2^33.2, h1..h3 < 2^32, h4 ≤ 3.
   *
   * <p>Bounds (all unsigned; Java's {@code long} wraps mod 2^64, so a sum that stays below 2^64
   * is exact when read with {@code >>>}): after a message block is added h0 < 2^34, h1..h3 <
   * 2^33, h4 ≤ 4, and every multiplier is at most {@code s_i ≤ 5/4·(2^28 - 4) < 1.25·2^28}. A
   * column {@code d_k} is then below {@code (2^34 + 3·2^33 + 4)·1.25·2^28 < 0.79·2^64}, and
   * adding the carry {@code d_(k-1) >>> 32 < 2^32} keeps it below 2^64. The part at 2^128 is
   * {@code h4·r0 + (d3 >>> 32) < 2^30 + 0.79·2^32 < 1.04·2^32}; its bits from 2^130 up, times 5,
   * go back into h0: {@code c < 1.3·2^32}, so h0 < 2^32 + c < 2^33.2 and, after the next message
   * word, < 2^34.
   */
  private void blocks(byte[] m, int off, int n) {
    long r0 = this.r0;
    long r1 = this.r1;
    long r2 = this.r2;
    long r3 = this.r3;
    long s1 = r1 + (r1 >>> 2); // 5·r1/4, exact: clamping cleared r1's two low bits
    long s2 = r2 + (r2 >>> 2);
    long s3 = r3 + (r3 >>> 2);
    long a0 = h0;
    long a1 = h1;
    long a2 = h2;
    long a3 = h3;
    long a4 = h4;
    for (int p = off, end = off + 16 * n; p < end; p += 16) {
      a0 += (int) INTS.get(m, p) & M32;
      a1 += (int) INTS.get(m, p + 4) & M32;
      a2 += (int) INTS.get(m, p + 8) & M32;
      a3 += (int) INTS.get(m, p + 12) & M32;
      a4 += 1;
      long d0 = a0 * r0 + a1 * s3 + a2 * s2 + a3 * s1;
      long d1 = a0 * r1 + a1 * r0 + a2 * s3 + a3 * s2 + a4 * s1;
      long d2 = a0 * r2 + a1 * r1 + a2 * r0 + a3 * s3 + a4 * s2;
      long d3 = a0 * r3 + a1 * r2 + a2 * r1 + a3 * r0 + a4 * s3;
      d1 += d0 >>> 32;
      d2 += d1 >>> 32;
      d3 += d2 >>> 32;
      long top = a4 * r0 + (d3 >>> 32);
      // top·2^128 = (top >>> 2)·2^130 + (top & 3)·2^128, and 2^130 ≡ 5.
      a0 = (d0 & M32) + (top >>> 2) + (top & ~3L);
      a1 = d1 & M32;
      a2 = d2 & M32;
      a3 = d3 & M32;
      a4 = top & 3;
    }
    h0 = a0;
    h1 = a1;
    h2 = a2;
    h3 = a3;
    h4 = a4;
  }

  /** Writes the 16-byte tag ((h mod p) + s mod 2^128) at {@code out[off]} and wipes the state. */
  void finish(byte[] out, int off) {
    // Carry h0's bits above 2^32 up: then f0..f3 < 2^32, f4 ≤ 4 and, as h0 < 2^33.2, h < 2^130
    // + 2^34 < 2p, so h mod p is h or h - p.
    long f0 = h0 & M32;
    long f1 = h1 + (h0 >>> 32);
    long f2 = h2 + (f1 >>> 32);
    f1 &= M32;
    long f3 = h3 + (f2 >>> 32);
    f2 &= M32;
    long f4 = h4 + (f3 >>> 32);
    f3 &= M32;
    // g = h + 5 - 2^130 = h - p; keep g when it is not negative (h >= p).
    long g0 = f0 + 5;
    long g1 = f1 + (g0 >>> 32);
    long g2 = f2 + (g1 >>> 32);
    long g3 = f3 + (g2 >>> 32);
    long g4 = f4 + (g3 >>> 32) - 4;
    long keepG = (g4 >>> 63) - 1; // all ones when g4 >= 0
    f0 = (f0 & ~keepG) | (g0 & keepG);
    f1 = (f1 & ~keepG) | (g1 & keepG);
    f2 = (f2 & ~keepG) | (g2 & keepG);
    f3 = (f3 & ~keepG) | (g3 & keepG);
    long t = (f0 & M32) + pad[0];
    INTS.set(out, off, (int) t);
    t = (f1 & M32) + pad[1] + (t >>> 32);
    INTS.set(out, off + 4, (int) t);
    t = (f2 & M32) + pad[2] + (t >>> 32);
    INTS.set(out, off + 8, (int) t);
    t = (f3 & M32) + pad[3] + (t >>> 32);
    INTS.set(out, off + 12, (int) t);
    wipe();
  }

  /** Overwrites the key and the accumulator. */
  void wipe() {
    r0 = 0;
    r1 = 0;
    r2 = 0;
    r3 = 0;
    h0 = 0;
    h1 = 0;
    h2 = 0;
    h3 = 0;
    h4 = 0;
    Arrays.fill(pad, 0);
    Arrays.fill(last, (byte) 0);
  }
}
