package dev.fulmar.adapters.linux;

/**
 * The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of 16-bit
 * big-endian words. Sums are kept unfolded in a {@code long} so that partial sums (pseudo-header,
 * headers, payload) can be added before one final fold.
 */
final class InetChecksum {

  private InetChecksum() {}

  /** Adds {@code b[off .. off+len)} to {@code sum}; an odd last byte is padded with zero. */
  static long add(long sum, byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
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
