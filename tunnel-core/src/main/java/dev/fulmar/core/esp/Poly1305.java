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
 * <p>The accumulator and {@code r} are kept in five 26-bit limbs so that every product fits a
 * {@code long}: per block 25 multiplications, carries and a reduction by 2^130 ≡ 5; no branch or
 * memory access depends on the key or the message, the final "subtract p if h ≥ p" is done with a
 * mask. Checked against all RFC 8439 Appendix A.3 vectors (which probe the carry and reduction
 * edges) and against SunJCE on random inputs.
 */
final class Poly1305 {
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long M26 = 0x3ffffff;
  private static final long M32 = 0xffffffffL;

  static final int TAG_LENGTH = 16;

  private long r0;
  private long r1;
  private long r2;
  private long r3;
  private long r4;
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
    long t0 = keyWords[0] & M32;
    long t1 = keyWords[1] & M32;
    long t2 = keyWords[2] & M32;
    long t3 = keyWords[3] & M32;
    // r &= 0x0ffffffc0ffffffc0ffffffc0fffffff, cut into 26-bit limbs.
    r0 = t0 & 0x3ffffff;
    r1 = ((t0 >>> 26) | (t1 << 6)) & 0x3ffff03;
    r2 = ((t1 >>> 20) | (t2 << 12)) & 0x3ffc0ff;
    r3 = ((t2 >>> 14) | (t3 << 18)) & 0x3f03fff;
    r4 = (t3 >>> 8) & 0x00fffff;
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
    int end = off + len;
    int p = off;
    for (; p + 16 <= end; p += 16) {
      block((int) INTS.get(m, p), (int) INTS.get(m, p + 4), (int) INTS.get(m, p + 8),
          (int) INTS.get(m, p + 12));
    }
    if (p < end) {
      Arrays.fill(last, (byte) 0);
      System.arraycopy(m, p, last, 0, end - p);
      block((int) INTS.get(last, 0), (int) INTS.get(last, 4), (int) INTS.get(last, 8),
          (int) INTS.get(last, 12));
    }
  }

  /** Adds the block of the two little-endian 64-bit lengths that ends the AEAD input. */
  void lengths(long aadLength, long ciphertextLength) {
    block((int) aadLength, (int) (aadLength >>> 32), (int) ciphertextLength,
        (int) (ciphertextLength >>> 32));
  }

  /** h = (h + block + 2^128) * r mod 2^130 - 5 for one whole block given as four words. */
  private void block(int w0, int w1, int w2, int w3) {
    long m0 = w0 & M32;
    long m1 = w1 & M32;
    long m2 = w2 & M32;
    long m3 = w3 & M32;
    long a0 = h0 + (m0 & M26);
    long a1 = h1 + (((m0 >>> 26) | (m1 << 6)) & M26);
    long a2 = h2 + (((m1 >>> 20) | (m2 << 12)) & M26);
    long a3 = h3 + (((m2 >>> 14) | (m3 << 18)) & M26);
    long a4 = h4 + ((m3 >>> 8) | (1L << 24));
    long s1 = r1 * 5;
    long s2 = r2 * 5;
    long s3 = r3 * 5;
    long s4 = r4 * 5;
    long d0 = a0 * r0 + a1 * s4 + a2 * s3 + a3 * s2 + a4 * s1;
    long d1 = a0 * r1 + a1 * r0 + a2 * s4 + a3 * s3 + a4 * s2;
    long d2 = a0 * r2 + a1 * r1 + a2 * r0 + a3 * s4 + a4 * s3;
    long d3 = a0 * r3 + a1 * r2 + a2 * r1 + a3 * r0 + a4 * s4;
    long d4 = a0 * r4 + a1 * r3 + a2 * r2 + a3 * r1 + a4 * r0;
    d1 += d0 >>> 26;
    d2 += d1 >>> 26;
    d3 += d2 >>> 26;
    d4 += d3 >>> 26;
    long c = d4 >>> 26;
    h0 = (d0 & M26) + c * 5;
    h1 = (d1 & M26) + (h0 >>> 26);
    h0 &= M26;
    h2 = d2 & M26;
    h3 = d3 & M26;
    h4 = d4 & M26;
  }

  /** Writes the 16-byte tag ((h mod p) + s mod 2^128) at {@code out[off]} and wipes the state. */
  void finish(byte[] out, int off) {
    long c = h1 >>> 26;
    long f1 = h1 & M26;
    long f2 = h2 + c;
    c = f2 >>> 26;
    f2 &= M26;
    long f3 = h3 + c;
    c = f3 >>> 26;
    f3 &= M26;
    long f4 = h4 + c;
    c = f4 >>> 26;
    f4 &= M26;
    long f0 = h0 + c * 5;
    c = f0 >>> 26;
    f0 &= M26;
    f1 += c;
    // g = h + 5 - 2^130; keep g when it is not negative (h >= p), else h.
    long g0 = f0 + 5;
    c = g0 >>> 26;
    g0 &= M26;
    long g1 = f1 + c;
    c = g1 >>> 26;
    g1 &= M26;
    long g2 = f2 + c;
    c = g2 >>> 26;
    g2 &= M26;
    long g3 = f3 + c;
    c = g3 >>> 26;
    g3 &= M26;
    long g4 = f4 + c - (1L << 26);
    long keepG = (g4 >>> 63) - 1; // all ones when g4 >= 0
    f0 = (f0 & ~keepG) | (g0 & keepG);
    f1 = (f1 & ~keepG) | (g1 & keepG);
    f2 = (f2 & ~keepG) | (g2 & keepG);
    f3 = (f3 & ~keepG) | (g3 & keepG);
    f4 = (f4 & ~keepG) | (g4 & keepG);
    long w0 = (f0 | (f1 << 26)) & M32;
    long w1 = ((f1 >>> 6) | (f2 << 20)) & M32;
    long w2 = ((f2 >>> 12) | (f3 << 14)) & M32;
    long w3 = ((f3 >>> 18) | (f4 << 8)) & M32;
    long t = w0 + pad[0];
    INTS.set(out, off, (int) t);
    t = w1 + pad[1] + (t >>> 32);
    INTS.set(out, off + 4, (int) t);
    t = w2 + pad[2] + (t >>> 32);
    INTS.set(out, off + 8, (int) t);
    t = w3 + pad[3] + (t >>> 32);
    INTS.set(out, off + 12, (int) t);
    wipe();
  }

  /** Overwrites the key and the accumulator. */
  void wipe() {
    r0 = 0;
    r1 = 0;
    r2 = 0;
    r3 = 0;
    r4 = 0;
    h0 = 0;
    h1 = 0;
    h2 = 0;
    h3 = 0;
    h4 = 0;
    Arrays.fill(pad, 0);
    Arrays.fill(last, (byte) 0);
  }
}
