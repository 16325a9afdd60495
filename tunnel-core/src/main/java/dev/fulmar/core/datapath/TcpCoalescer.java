package dev.fulmar.core.datapath;

/**
 * Userspace TCP receive coalescing (GRO) for a TUN with {@code IFF_VNET_HDR}: consecutive
 * in-order segments of one flow in a decrypted batch are merged into one super-packet written
 * with {@link GsoInfo.Type#TCPV4}/{@code TCPV6} metadata, so the kernel takes dozens of segments
 * in one write. Only adjacent segments merge, so the order of packets is never changed. A
 * segment merges when the IP and TCP headers match the group's (addresses, ports, TTL/hop limit,
 * TOS, ACK number, window, options), it continues the sequence, carries at most the group's
 * segment size and only ACK (PSH allowed on the last), and its checksum verifies; a short or PSH
 * segment closes the group. Everything else passes unchanged.
 */
final class TcpCoalescer {
  private static final int ACK = 0x10;
  private static final int PSH = 0x08;
  private static final int MAX_IP_LENGTH = 65535;

  private final byte[][] out;
  private final int[] sizes;
  private final GsoInfo[] gso;
  private final int offset;
  private int count;
  private boolean groupOpen;
  private int segments;
  private int ihl;
  private int thl;
  private int segmentSize;
  private long nextSeq;

  TcpCoalescer(int maxItems, int maxSuperPacket, int offset) {
    this.out = new byte[maxItems][offset + maxSuperPacket];
    this.sizes = new int[maxItems];
    this.gso = new GsoInfo[maxItems];
    for (int i = 0; i < maxItems; i++) {
      gso[i] = new GsoInfo();
    }
    this.offset = offset;
  }

  byte[][] buffers() {
    return out;
  }

  int[] sizes() {
    return sizes;
  }

  GsoInfo[] gso() {
    return gso;
  }

  int count() {
    return count;
  }

  int offset() {
    return offset;
  }

  /** Starts a new batch. */
  void reset() {
    count = 0;
    groupOpen = false;
    segments = 0;
  }

  /**
   * Adds the inner packet {@code b[off, off+len)} (header validated).
   *
   * @return false if no item is left; the caller writes the items, resets and adds again
   */
  boolean add(byte[] b, int off, int len) {
    if (groupOpen && canAppend(b, off, len)) {
      append(b, off, len);
      return true;
    }
    finishGroup();
    if (count == out.length || len > out[0].length - offset) {
      return false;
    }
    System.arraycopy(b, off, out[count], offset, len);
    sizes[count] = len;
    gso[count].clear();
    startGroup(b, off, len);
    count++;
    return true;
  }

  /** Completes the last group; call before writing the items. */
  void finish() {
    finishGroup();
  }

  private void startGroup(byte[] b, int off, int len) {
    int tcp = IpPacket.transportOffset(b, off, len, IpPacket.PROTO_TCP);
    boolean v4Plain = IpPacket.version(b, off) != 4
        || ((b[off] & 0x0F) == 5 && (b[off + 6] & 0x20) == 0); // no options, no MF
    if (tcp < 0 || !v4Plain || tcp + 20 > off + len) {
      return;
    }
    int h = ((b[tcp + 12] & 0xF0) >>> 4) * 4;
    int payload = off + len - tcp - h;
    if (h < 20 || payload <= 0 || (b[tcp + 13] & 0xFF) != ACK || !checksumValid(b, off, len)) {
      return;
    }
    groupOpen = true;
    segments = 1;
    ihl = tcp - off;
    thl = h;
    segmentSize = payload;
    nextSeq = (seq(b, tcp) + payload) & 0xFFFF_FFFFL;
  }

  private boolean canAppend(byte[] b, int off, int len) {
    byte[] g = out[count - 1];
    int tcp = off + ihl;
    int payload = len - ihl - thl;
    int flags = len >= ihl + 20 ? b[tcp + 13] & 0xFF : -1;
    return len > ihl + thl && payload <= segmentSize && (flags == ACK || flags == (ACK | PSH))
        && IpPacket.transportOffset(b, off, len, IpPacket.PROTO_TCP) == tcp
        && ((b[tcp + 12] & 0xF0) >>> 4) * 4 == thl
        && sameHeaders(g, offset, b, off)
        && seq(b, tcp) == nextSeq
        && sizes[count - 1] + payload <= Math.min(MAX_IP_LENGTH, g.length - offset)
        && checksumValid(b, off, len);
  }

  private boolean sameHeaders(byte[] g, int goff, byte[] b, int off) {
    boolean v6 = IpPacket.version(g, goff) == 6;
    if (IpPacket.version(b, off) != IpPacket.version(g, goff)) {
      return false;
    }
    boolean ip = v6
        ? equal(g, goff, b, off, 4) && equal(g, goff + 6, b, off + 6, 34)
        : equal(g, goff, b, off, 2) && g[goff + 6] == b[off + 6] && g[goff + 7] == b[off + 7]
            && equal(g, goff + 8, b, off + 8, 2) && equal(g, goff + 12, b, off + 12, 8);
    int gt = goff + ihl;
    int t = off + ihl;
    return ip && equal(g, gt, b, t, 4) && equal(g, gt + 8, b, t + 8, 4)
        && equal(g, gt + 14, b, t + 14, 2) && equal(g, gt + 20, b, t + 20, thl - 20);
  }

  private void append(byte[] b, int off, int len) {
    int payload = len - ihl - thl;
    byte[] g = out[count - 1];
    System.arraycopy(b, off + ihl + thl, g, offset + sizes[count - 1], payload);
    sizes[count - 1] += payload;
    segments++;
    nextSeq = (nextSeq + payload) & 0xFFFF_FFFFL;
    boolean push = (b[off + ihl + 13] & PSH) != 0;
    if (push) {
      g[offset + ihl + 13] |= PSH;
    }
    if (push || payload < segmentSize) {
      finishGroup();
    }
  }

  /** Fixes lengths and checksums of a merged group and describes it for the kernel. */
  private void finishGroup() {
    if (groupOpen && segments > 1) {
      int i = count - 1;
      byte[] g = out[i];
      int len = sizes[i];
      boolean v6 = IpPacket.version(g, offset) == 6;
      if (v6) {
        IpPacket.put16(g, offset + 4, len - 40);
      } else {
        IpPacket.put16(g, offset + 2, len);
        IpPacket.fixIpv4HeaderChecksum(g, offset);
      }
      // NEEDS_CSUM: the field holds the folded, uncomplemented pseudo-header sum
      long pseudo = IpPacket.pseudoHeaderSum(g, offset, IpPacket.PROTO_TCP, len - ihl);
      IpPacket.put16(g, offset + ihl + 16, ~IpPacket.finish(pseudo) & 0xFFFF);
      GsoInfo info = gso[i];
      info.type = v6 ? GsoInfo.Type.TCPV6 : GsoInfo.Type.TCPV4;
      info.headerLength = ihl + thl;
      info.segmentSize = segmentSize;
      info.needsChecksum = true;
      info.checksumStart = ihl;
      info.checksumOffset = 16;
    }
    groupOpen = false;
    segments = 0;
  }

  private static long seq(byte[] b, int tcp) {
    return ((long) IpPacket.u16(b, tcp + 4) << 16) | IpPacket.u16(b, tcp + 6);
  }

  private static boolean checksumValid(byte[] b, int off, int len) {
    int l4 = IpPacket.version(b, off) == 6 ? off + 40 : off + (b[off] & 0x0F) * 4;
    int tcpLen = off + len - l4;
    long s = IpPacket.pseudoHeaderSum(b, off, IpPacket.PROTO_TCP, tcpLen)
        + IpPacket.sum(b, l4, tcpLen, 0);
    return IpPacket.finish(s) == 0;
  }

  private static boolean equal(byte[] a, int ao, byte[] b, int bo, int n) {
    return java.util.Arrays.equals(a, ao, ao + n, b, bo, bo + n);
  }
}
