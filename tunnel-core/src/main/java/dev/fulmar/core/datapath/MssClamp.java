package dev.fulmar.core.datapath;

/**
 * Lowers the TCP MSS option of SYN segments passing through the tunnel so that full-sized
 * segments fit the tunnel MTU (the "ping works but web pages hang" fix). The checksum is updated
 * incrementally (RFC 1624); segments without an MSS option are left alone.
 */
final class MssClamp {
  private static final int SYN = 0x02;
  private static final int KIND_END = 0;
  private static final int KIND_NOP = 1;
  private static final int KIND_MSS = 2;

  private MssClamp() {}

  /** The largest MSS for an inner packet of this IP version through a tunnel of {@code mtu}. */
  static int maxMss(int mtu, boolean ipv6) {
    return mtu - (ipv6 ? 60 : 40);
  }

  /**
   * Clamps the MSS of the TCP SYN in {@code b[off, off+len)} (header validated) to {@code
   * maxMss}.
   *
   * @return true if the option was lowered
   */
  static boolean clamp(byte[] b, int off, int len, int maxMss) {
    int tcp = IpPacket.transportOffset(b, off, len, IpPacket.PROTO_TCP);
    int end = off + len;
    if (tcp < 0 || tcp + 20 > end || (b[tcp + 13] & SYN) == 0) {
      return false;
    }
    int dataOffset = ((b[tcp + 12] & 0xF0) >>> 4) * 4;
    int optEnd = tcp + dataOffset;
    if (dataOffset < 20 || optEnd > end) {
      return false;
    }
    int p = tcp + 20;
    while (p < optEnd) {
      int kind = b[p] & 0xFF;
      if (kind == KIND_END) {
        return false;
      }
      if (kind == KIND_NOP) {
        p++;
        continue;
      }
      if (p + 1 >= optEnd) {
        return false;
      }
      int optLen = b[p + 1] & 0xFF;
      if (optLen < 2 || p + optLen > optEnd) {
        return false;
      }
      if (kind == KIND_MSS && optLen == 4) {
        int mss = IpPacket.u16(b, p + 2);
        if (mss <= maxMss) {
          return false;
        }
        IpPacket.put16(b, p + 2, maxMss);
        IpPacket.updateChecksum(b, tcp + 16, mss, maxMss);
        return true;
      }
      p += optLen;
    }
    return false;
  }
}
