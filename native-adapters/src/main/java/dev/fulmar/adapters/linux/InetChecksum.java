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
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  /**
   * Adds {@code b[off .. off+len)} to {@code sum}; an odd last byte is padded with zero. Reads 8
   * bytes at a time and adds their two 32-bit halves: since 2^16 ≡ 1 (mod 2^16 - 1), a sum of
   * 32-bit words folds to the same ones' complement sum as one of 16-bit words (RFC 1071 §2(C)).
   * Up to 64 KB per call cannot overflow the 64-bit accumulator.
   */
  static long add(long sum, byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
    for (; i + 8 <= end; i += 8) {
      long v = (long) LONGS.get(b, i);
      sum += (v >>> 32) + (v & 0xffffffffL);
    }
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
