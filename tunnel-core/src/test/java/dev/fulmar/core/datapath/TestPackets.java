package dev.fulmar.core.datapath;

import java.net.InetAddress;

/** Builds inner test packets with correct headers and checksums. */
final class TestPackets {
  private TestPackets() {}

  static byte[] addr(String literal) {
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** IPv4 UDP packet of {@code len} bytes; the payload starts with {@code id}. */
  static byte[] udp4(String src, String dst, int len, int id, boolean df) {
    byte[] p = new byte[len];
    p[0] = 0x45;
    IpPacket.put16(p, 2, len);
    IpPacket.put16(p, 4, id);
    p[6] = (byte) (df ? 0x40 : 0);
    p[8] = 64;
    p[9] = 17;
    System.arraycopy(addr(src), 0, p, 12, 4);
    System.arraycopy(addr(dst), 0, p, 16, 4);
    IpPacket.put16(p, 20, 40000);
    IpPacket.put16(p, 22, 5001);
    IpPacket.put16(p, 24, len - 20);
    IpPacket.put16(p, 28, id);
    for (int i = 30; i < len; i++) {
      p[i] = (byte) (i + id);
    }
    udpChecksum(p, 0, 20, len - 20);
    IpPacket.fixIpv4HeaderChecksum(p, 0);
    return p;
  }

  /** IPv6 UDP packet of {@code len} bytes. */
  static byte[] udp6(String src, String dst, int len, int id) {
    byte[] p = new byte[len];
    p[0] = 0x60;
    IpPacket.put16(p, 4, len - 40);
    p[6] = 17;
    p[7] = 64;
    System.arraycopy(addr(src), 0, p, 8, 16);
    System.arraycopy(addr(dst), 0, p, 24, 16);
    IpPacket.put16(p, 40, 40000);
    IpPacket.put16(p, 42, 5001);
    IpPacket.put16(p, 44, len - 40);
    IpPacket.put16(p, 48, id);
    udpChecksum(p, 0, 40, len - 40);
    return p;
  }

  private static void udpChecksum(byte[] p, int ip, int l4, int len) {
    IpPacket.put16(p, l4 + 6, 0);
    long s = IpPacket.pseudoHeaderSum(p, ip, 17, len) + IpPacket.sum(p, l4, len, 0);
    IpPacket.put16(p, l4 + 6, IpPacket.finish(s));
  }

  /** IPv4 TCP SYN with an MSS option of {@code mss}. */
  static byte[] syn4(String src, String dst, int mss) {
    byte[] p = new byte[44];
    p[0] = 0x45;
    IpPacket.put16(p, 2, 44);
    p[6] = 0x40;
    p[8] = 64;
    p[9] = 6;
    System.arraycopy(addr(src), 0, p, 12, 4);
    System.arraycopy(addr(dst), 0, p, 16, 4);
    IpPacket.put16(p, 20, 40001);
    IpPacket.put16(p, 22, 443);
    IpPacket.put16(p, 24, 0x1234);
    p[32] = (byte) 0x60; // data offset 6 words
    p[33] = 0x02; // SYN
    IpPacket.put16(p, 34, 64240);
    p[40] = 2;
    p[41] = 4;
    IpPacket.put16(p, 42, mss);
    IpPacket.put16(p, 36, IpPacket.finish(IpPacket.pseudoHeaderSum(p, 0, 6, 24)
        + IpPacket.sum(p, 20, 24, 0)));
    IpPacket.fixIpv4HeaderChecksum(p, 0);
    return p;
  }

  /** IPv4 TCP segment with {@code payload} bytes, sequence number {@code seq} and flags. */
  static byte[] tcp4(String src, String dst, int id, long seq, int flags, int payload) {
    int len = 40 + payload;
    byte[] p = new byte[len];
    p[0] = 0x45;
    IpPacket.put16(p, 2, len);
    IpPacket.put16(p, 4, id);
    p[6] = 0x40;
    p[8] = 64;
    p[9] = 6;
    System.arraycopy(addr(src), 0, p, 12, 4);
    System.arraycopy(addr(dst), 0, p, 16, 4);
    IpPacket.put16(p, 20, 443);
    IpPacket.put16(p, 22, 40001);
    IpPacket.put16(p, 24, (int) (seq >>> 16));
    IpPacket.put16(p, 26, (int) seq);
    IpPacket.put16(p, 28, 0x7777);
    p[32] = 0x50;
    p[33] = (byte) flags;
    IpPacket.put16(p, 34, 501);
    for (int i = 40; i < len; i++) {
      p[i] = (byte) (seq + i);
    }
    IpPacket.put16(p, 36, IpPacket.finish(IpPacket.pseudoHeaderSum(p, 0, 6, len - 20)
        + IpPacket.sum(p, 20, len - 20, 0)));
    IpPacket.fixIpv4HeaderChecksum(p, 0);
    return p;
  }

  /** True if the TCP/UDP/ICMPv6 checksum over {@code p}'s transport part verifies. */
  static boolean transportChecksumValid(byte[] p, int protocol) {
    boolean v6 = IpPacket.version(p, 0) == 6;
    int l4 = v6 ? 40 : (p[0] & 0x0F) * 4;
    int len = p.length - l4;
    long s = IpPacket.sum(p, l4, len, 0);
    if (v6 || protocol != 1) {
      s += IpPacket.pseudoHeaderSum(p, 0, protocol, len);
    }
    return IpPacket.finish(s) == 0;
  }

  static boolean ipv4HeaderChecksumValid(byte[] p) {
    return IpPacket.finish(IpPacket.sum(p, 0, (p[0] & 0x0F) * 4, 0)) == 0;
  }
}
