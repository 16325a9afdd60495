package dev.fulmar.core.esp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Up to {@link #LANES} ChaCha20 blocks (RFC 8439 §2.3) computed side by side, for the packets long
 * enough to pay for it ({@link #MIN_BLOCKS} blocks or more).
 *
 * <p>Why: JDK 17 has no ChaCha20 intrinsic and no Vector API outside the incubator, but C2's
 * auto-vectoriser (SuperWord) turns a counted loop of add, xor and rotate over int arrays into SIMD
 * code. The state is therefore stored lane-sliced: word {@code k} of block {@code l} is {@code
 * s[k * LANES + l]}, one array so that C2 can tell the rows apart (rows in separate arrays might
 * alias, which keeps it scalar), and each quarter round is one loop over the lanes. That loop has
 * to be inlined into {@link #compute} with constant row offsets; it is small enough to be. The
 * trip count is the packet's block count, not a constant, so C2 does not unroll it into scalar
 * code. Measured per thread CPU time on the build machine: 1.5-1.8x faster than {@link ChaCha20}'s
 * scalar block function at 1400 bytes, slower below about 8 blocks (docs/benchmarks.md §1).
 *
 * <p>No branch or index depends on the key or the data; only the block count steers the loops.
 */
final class ChaCha20Lanes {
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  /** Blocks per {@link #compute} call. */
  static final int LANES = 64;
  /** Fewest blocks for which the lanes beat the scalar block function. */
  static final int MIN_BLOCKS = 8;

  private static final int L = LANES;

  /** The key words, shared with (and set by) the owning {@link ChaCha20}. */
  private final int[] key;
  /** Lane-sliced state: word k of lane l at {@code k * LANES + l}. */
  private final int[] s = new int[16 * LANES];

  ChaCha20Lanes(int[] key) {
    this.key = key;
  }

  /** Overwrites the state (it holds key-derived values). */
  void wipe() {
    Arrays.fill(s, 0);
  }

  /**
   * Runs the 20 rounds for the blocks {@code counter .. counter+n-1} (the counter wraps at 2^32
   * like {@link ChaCha20#block}'s {@code int}); the feed-forward addition is left to {@link
   * #xorBlocks} and {@link #copyBlock}. {@code 1 <= n <= LANES}.
   */
  void compute(int counter, int n0, int n1, int n2, int n) {
    int[] k = key;
    int[] s = this.s;
    for (int l = 0; l < n; l++) {
      s[l] = ChaCha20.C0;
      s[L + l] = ChaCha20.C1;
      s[2 * L + l] = ChaCha20.C2;
      s[3 * L + l] = ChaCha20.C3;
      s[4 * L + l] = k[0];
      s[5 * L + l] = k[1];
      s[6 * L + l] = k[2];
      s[7 * L + l] = k[3];
      s[8 * L + l] = k[4];
      s[9 * L + l] = k[5];
      s[10 * L + l] = k[6];
      s[11 * L + l] = k[7];
      s[12 * L + l] = counter + l;
      s[13 * L + l] = n0;
      s[14 * L + l] = n1;
      s[15 * L + l] = n2;
    }
    for (int round = 0; round < 10; round++) {
      quarterRound(s, 0, 4 * L, 8 * L, 12 * L, n);
      quarterRound(s, L, 5 * L, 9 * L, 13 * L, n);
      quarterRound(s, 2 * L, 6 * L, 10 * L, 14 * L, n);
      quarterRound(s, 3 * L, 7 * L, 11 * L, 15 * L, n);
      quarterRound(s, 0, 5 * L, 10 * L, 15 * L, n);
      quarterRound(s, L, 6 * L, 11 * L, 12 * L, n);
      quarterRound(s, 2 * L, 7 * L, 8 * L, 13 * L, n);
      quarterRound(s, 3 * L, 4 * L, 9 * L, 14 * L, n);
    }
  }

  /** QUARTERROUND(a, b, c, d) of RFC 8439 §2.1 on the rows at offsets a..d, lanes 0..n-1. */
  private static void quarterRound(int[] s, int a, int b, int c, int d, int n) {
    for (int l = 0; l < n; l++) {
      int xa = s[a + l];
      int xb = s[b + l];
      int xc = s[c + l];
      int xd = s[d + l];
      xa += xb; xd = Integer.rotateLeft(xd ^ xa, 16);
      xc += xd; xb = Integer.rotateLeft(xb ^ xc, 12);
      xa += xb; xd = Integer.rotateLeft(xd ^ xa, 8);
      xc += xd; xb = Integer.rotateLeft(xb ^ xc, 7);
      s[a + l] = xa;
      s[b + l] = xb;
      s[c + l] = xc;
      s[d + l] = xd;
    }
  }

  /**
   * XORs lanes {@code 0 .. blocks-1} of the last {@link #compute} (whose first block was {@code
   * counter}) into the whole 64-byte blocks at {@code buf[p ..]}.
   */
  void xorBlocks(int counter, int n0, int n1, int n2, int blocks, byte[] buf, int p) {
    int[] k = key;
    int[] s = this.s;
    for (int l = 0; l < blocks; l++, p += ChaCha20.BLOCK_LENGTH) {
      xorWord(buf, p, s[l] + ChaCha20.C0);
      xorWord(buf, p + 4, s[L + l] + ChaCha20.C1);
      xorWord(buf, p + 8, s[2 * L + l] + ChaCha20.C2);
      xorWord(buf, p + 12, s[3 * L + l] + ChaCha20.C3);
      xorWord(buf, p + 16, s[4 * L + l] + k[0]);
      xorWord(buf, p + 20, s[5 * L + l] + k[1]);
      xorWord(buf, p + 24, s[6 * L + l] + k[2]);
      xorWord(buf, p + 28, s[7 * L + l] + k[3]);
      xorWord(buf, p + 32, s[8 * L + l] + k[4]);
      xorWord(buf, p + 36, s[9 * L + l] + k[5]);
      xorWord(buf, p + 40, s[10 * L + l] + k[6]);
      xorWord(buf, p + 44, s[11 * L + l] + k[7]);
      xorWord(buf, p + 48, s[12 * L + l] + counter + l);
      xorWord(buf, p + 52, s[13 * L + l] + n0);
      xorWord(buf, p + 56, s[14 * L + l] + n1);
      xorWord(buf, p + 60, s[15 * L + l] + n2);
    }
  }

  /** Writes the finished key stream block of lane {@code l} (block {@code counter}) to {@code b}. */
  void copyBlock(int l, int counter, int n0, int n1, int n2, int[] b) {
    int[] s = this.s;
    for (int i = 0; i < 4; i++) {
      b[i] = s[i * L + l];
    }
    for (int i = 4; i < 12; i++) {
      b[i] = s[i * L + l] + key[i - 4];
    }
    b[0] += ChaCha20.C0;
    b[1] += ChaCha20.C1;
    b[2] += ChaCha20.C2;
    b[3] += ChaCha20.C3;
    b[12] = s[12 * L + l] + counter;
    b[13] = s[13 * L + l] + n0;
    b[14] = s[14 * L + l] + n1;
    b[15] = s[15 * L + l] + n2;
  }

  private static void xorWord(byte[] buf, int at, int word) {
    INTS.set(buf, at, (int) INTS.get(buf, at) ^ word);
  }
}
