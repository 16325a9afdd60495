package dev.fulmar.core.datapath;

/**
 * Userspace TCP segmentation (what a NIC's TSO does): cuts a TCP super-packet read from a TUN
 * with {@code IFF_VNET_HDR} into segments of at most the MSS, each with its own IP header (IPv4
 * total length, identification + i, header checksum; IPv6 payload length), TCP sequence number
 * advanced, FIN/PSH only on the last segment, CWR only on the first, and a full TCP checksum.
 */
final class TcpSegmenter {
  private static final int FIN = 0x01;
  private static final int PSH = 0x08;
  private static final int CWR = 0x80;

  private TcpSegmenter() {}

  /**
   * Segments {@code in[off, off+len)} described by {@code gso} into {@code out[i]} at {@code
   * outOffset}.
   *
   * @return the number of segments, or -1 if the packet is not a well-formed TCP super-packet or
   *     {@code out} has too few buffers
   */
  static int segment(byte[] in, int off, int len, GsoInfo gso, byte[][] out, int outOffset,
      int[] outSizes) {
    boolean v6 = IpPacket.version(in, off) == 6;
    int ihl = v6 ? 40 : (in[off] & 0x0F) * 4;
    int tcp = off + ihl;
    if (len < ihl + 20 || (in[v6 ? off + 6 : off + 9] & 0xFF) != IpPacket.PROTO_TCP) {
      return -1;
    }
    int hdr = ihl + ((in[tcp + 12] & 0xF0) >>> 4) * 4;
    int mss = gso.segmentSize;
    int payload = len - hdr;
    if (hdr > len || mss <= 0 || payload < 0) {
      return -1;
    }
    int count = Math.max(1, (payload + mss - 1) / mss);
    if (count > out.length) {
      return -1;
    }
    long seq = ((long) IpPacket.u16(in, tcp + 4) << 16) | IpPacket.u16(in, tcp + 6);
    int flags = in[tcp + 13] & 0xFF;
    int id = v6 ? 0 : IpPacket.u16(in, off + 4);
    for (int i = 0; i < count; i++) {
      int chunk = Math.min(mss, payload - i * mss);
      byte[] o = out[i];
      int p = outOffset;
      System.arraycopy(in, off, o, p, hdr);
      System.arraycopy(in, off + hdr + i * mss, o, p + hdr, chunk);
      int segLen = hdr + chunk;
      writeIpHeader(o, p, v6, segLen, (id + i) & 0xFFFF);
      int f = flags & (i < count - 1 ? ~(FIN | PSH) : 0xFF) & (i > 0 ? ~CWR : 0xFF);
      writeTcpHeader(o, p, ihl, segLen, seq + (long) i * mss, f);
      outSizes[i] = segLen;
    }
    return count;
  }

  /** Sequence number, flags and a full checksum for one segment's TCP header. */
  private static void writeTcpHeader(byte[] o, int p, int ihl, int segLen, long seq, int flags) {
    int t = p + ihl;
    long s = seq & 0xFFFF_FFFFL;
    IpPacket.put16(o, t + 4, (int) (s >>> 16));
    IpPacket.put16(o, t + 6, (int) s);
    o[t + 13] = (byte) flags;
    IpPacket.put16(o, t + 16, 0);
    int tcpLen = segLen - ihl;
    long sum = IpPacket.pseudoHeaderSum(o, p, IpPacket.PROTO_TCP, tcpLen)
        + IpPacket.sum(o, t, tcpLen, 0);
    IpPacket.put16(o, t + 16, IpPacket.finish(sum));
  }

  private static void writeIpHeader(byte[] o, int p, boolean v6, int segLen, int id) {
    if (v6) {
      IpPacket.put16(o, p + 4, segLen - 40);
    } else {
      IpPacket.put16(o, p + 2, segLen);
      IpPacket.put16(o, p + 4, id);
      IpPacket.fixIpv4HeaderChecksum(o, p);
    }
  }

  /**
   * Completes the transport checksum of a plain packet whose {@link GsoInfo#needsChecksum} is
   * set (the checksum field holds only the pseudo-header sum).
   */
  static void completeChecksum(byte[] b, int off, int len, GsoInfo gso) {
    int start = off + gso.checksumStart;
    int field = start + gso.checksumOffset;
    if (gso.checksumStart < 0 || field + 2 > off + len) {
      return;
    }
    long sum = IpPacket.sum(b, start, off + len - start, 0);
    IpPacket.put16(b, field, IpPacket.finish(sum));
  }
}
