package dev.fulmar.core.datapath;

/**
 * Reading and checksumming raw IPv4/IPv6 packets in place (RFC 791, RFC 8200, RFC 1071, RFC
 * 1624). Only what the data path needs: header validation, addresses, protocol, checksums.
 */
final class IpPacket {
  static final int PROTO_TCP = 6;

  private IpPacket() {}

  static int version(byte[] b, int off) {
    return (b[off] & 0xF0) >>> 4;
  }

  /**
   * The packet's own length from its header if {@code b[off, off+len)} holds a well-formed IPv4
   * or IPv6 header and the whole packet, else -1. Extra bytes after it (TFC padding) are allowed.
   */
  static int validate(byte[] b, int off, int len) {
    if (len < 1) {
      return -1;
    }
    int v = version(b, off);
    if (v == 4) {
      if (len < 20) {
        return -1;
      }
      int ihl = (b[off] & 0x0F) * 4;
      int total = u16(b, off + 2);
      return ihl >= 20 && total >= ihl && total <= len ? total : -1;
    }
    if (v == 6) {
      if (len < 40) {
        return -1;
      }
      int total = 40 + u16(b, off + 4);
      return total <= len ? total : -1;
    }
    return -1;
  }

  static int u16(byte[] b, int off) {
    return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
  }

  static void put16(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 8);
    b[off + 1] = (byte) v;
  }

  /** Offset of the transport header if the packet is TCP/UDP without fragmentation, else -1. */
  static int transportOffset(byte[] b, int off, int len, int protocol) {
    if (version(b, off) == 4) {
      int fragment = u16(b, off + 6) & 0x1FFF;
      if ((b[off + 9] & 0xFF) != protocol || fragment != 0) {
        return -1;
      }
      return off + (b[off] & 0x0F) * 4;
    }
    return (b[off + 6] & 0xFF) == protocol ? off + 40 : -1;
  }

  /** IPv4 "don't fragment" bit. */
  static boolean dontFragment(byte[] b, int off) {
    return (b[off + 6] & 0x40) != 0;
  }

  /** One's-complement sum of 16-bit words (RFC 1071), not folded or inverted. */
  static long sum(byte[] b, int off, int len, long initial) {
    long s = initial;
    int i = 0;
    for (; i + 1 < len; i += 2) {
      s += ((b[off + i] & 0xFF) << 8) | (b[off + i + 1] & 0xFF);
    }
    if (i < len) {
      s += (b[off + i] & 0xFF) << 8;
    }
    return s;
  }

  /** Folds and inverts a {@link #sum} into the 16-bit Internet checksum. */
  static int finish(long sum) {
    long s = sum;
    while ((s >>> 16) != 0) {
      s = (s & 0xFFFF) + (s >>> 16);
    }
    return (int) (~s & 0xFFFF);
  }

  /** Recomputes the IPv4 header checksum in place. */
  static void fixIpv4HeaderChecksum(byte[] b, int off) {
    int ihl = (b[off] & 0x0F) * 4;
    put16(b, off + 10, 0);
    put16(b, off + 10, finish(sum(b, off, ihl, 0)));
  }

  /** Pseudo-header sum for a transport checksum (RFC 768/793, RFC 8200 §8.1). */
  static long pseudoHeaderSum(byte[] b, int off, int protocol, int l4Length) {
    if (version(b, off) == 4) {
      return sum(b, off + 12, 8, 0) + protocol + l4Length;
    }
    return sum(b, off + 8, 32, 0) + protocol + l4Length;
  }

  /**
   * Updates the checksum at {@code b[csumOff]} after a 16-bit word changed from {@code oldWord}
   * to {@code newWord}: HC' = ~(~HC + ~m + m') (RFC 1624 eqn. 3).
   */
  static void updateChecksum(byte[] b, int csumOff, int oldWord, int newWord) {
    long s = (~u16(b, csumOff) & 0xFFFF) + (~oldWord & 0xFFFF) + (newWord & 0xFFFF);
    put16(b, csumOff, finish(s));
  }
}
