package dev.fulmar.adapters.linux;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of 16-bit
 * big-endian words. Sums are kept unfolded in a {@code long} so that partial sums (pseudo-header,
 * headers, payload) can be added before one final fold.
 */
final class InetChecksum {

  private InetChecksum() {}

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * Adds {@code b[off .. off+len)} to {@code sum}; an odd last byte is padded with zero.
   *
   * <p>The bulk is read 8 bytes at a time in little-endian order (no byte swapping on the hosts
   * Fulmar runs on) into four independent accumulators, so that the additions do not wait on one
   * another; each adds the two 32-bit halves of its word. Two facts of RFC 1071 §2 make this
   * equal to the big-endian 16-bit word sum: (C) since 2^16 ≡ 1 (mod 2^16 - 1), a sum of 32-bit
   * words folds to the same value as a sum of 16-bit words, and (B) summing byte-swapped words
   * gives the byte-swapped sum, so the folded bulk sum is swapped back once. Up to 64 KB per call
   * cannot overflow a 64-bit accumulator.
   */
  static long add(long sum, byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
    long s0 = 0;
    long s1 = 0;
    long s2 = 0;
    long s3 = 0;
    for (; i + 32 <= end; i += 32) {
      long v0 = (long) LONGS.get(b, i);
      long v1 = (long) LONGS.get(b, i + 8);
      long v2 = (long) LONGS.get(b, i + 16);
      long v3 = (long) LONGS.get(b, i + 24);
      s0 += (v0 >>> 32) + (v0 & 0xffffffffL);
      s1 += (v1 >>> 32) + (v1 & 0xffffffffL);
      s2 += (v2 >>> 32) + (v2 & 0xffffffffL);
      s3 += (v3 >>> 32) + (v3 & 0xffffffffL);
    }
    for (; i + 8 <= end; i += 8) {
      long v = (long) LONGS.get(b, i);
      s0 += (v >>> 32) + (v & 0xffffffffL);
    }
    int swapped = fold(s0 + s1 + s2 + s3);
    sum += ((swapped & 0xff) << 8) | (swapped >>> 8);
    for (; i + 1 < end; i += 2) {
      sum += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }
    if (i < end) {
      sum += (b[i] & 0xff) << 8;
    }
    return sum;
  }

  /** Folds a sum to 16 bits (without complementing). */
  static int fold(long sum) {
    while ((sum >>> 16) != 0) {
      sum = (sum & 0xffff) + (sum >>> 16);
    }
    return (int) sum;
  }

  /** The checksum to store: the complement of the folded sum. */
  static int finish(long sum) {
    return ~fold(sum) & 0xffff;
  }

  /**
   * The TCP/UDP pseudo-header sum for a packet whose IP header starts at {@code b[ipOff]}:
   * addresses, protocol and the transport length {@code l4Len} (RFC 793 §3.1, RFC 8200 §8.1).
   */
  static long pseudoHeader(byte[] b, int ipOff, boolean ipv6, int protocol, int l4Len) {
    long sum = ipv6 ? add(0, b, ipOff + 8, 32) : add(0, b, ipOff + 12, 8);
    return sum + protocol + l4Len;
  }
}
