package dev.fulmar.adapters.linux;

import java.net.InetAddress;

/** Builds and inspects IPv4/IPv6 test packets (headers with valid checksums). */
final class Packets {

  static final int UDP = 17;
  static final int TCP = 6;

  private Packets() {}

  /** An IPv4 UDP datagram at {@code out[off]}; returns its length. */
  static int udp4(byte[] out, int off, InetAddress src, int sport, InetAddress dst, int dport,
      byte[] payload) {
    int len = 20 + 8 + payload.length;
    ipv4Header(out, off, len, UDP, src, dst, 0x1234);
    int u = off + 20;
    put16(out, u, sport);
    put16(out, u + 2, dport);
    put16(out, u + 4, 8 + payload.length);
    put16(out, u + 6, 0);
    System.arraycopy(payload, 0, out, u + 8, payload.length);
    long sum = InetChecksum.pseudoHeader(out, off, false, UDP, 8 + payload.length);
    int c = InetChecksum.finish(InetChecksum.add(sum, out, u, 8 + payload.length));
    put16(out, u + 6, c == 0 ? 0xffff : c);
    return len;
  }

  /** An IPv6 UDP datagram at {@code out[off]}; returns its length. */
  static int udp6(byte[] out, int off, InetAddress src, int sport, InetAddress dst, int dport,
      byte[] payload) {
    int l4 = 8 + payload.length;
    out[off] = 0x60;
    out[off + 1] = 0;
    out[off + 2] = 0;
    out[off + 3] = 0;
    put16(out, off + 4, l4);
    out[off + 6] = UDP;
    out[off + 7] = 64;
    System.arraycopy(src.getAddress(), 0, out, off + 8, 16);
    System.arraycopy(dst.getAddress(), 0, out, off + 24, 16);
    int u = off + 40;
    put16(out, u, sport);
    put16(out, u + 2, dport);
    put16(out, u + 4, l4);
    put16(out, u + 6, 0);
    System.arraycopy(payload, 0, out, u + 8, payload.length);
    long sum = InetChecksum.pseudoHeader(out, off, true, UDP, l4);
    int c = InetChecksum.finish(InetChecksum.add(sum, out, u, l4));
    put16(out, u + 6, c == 0 ? 0xffff : c);
    return 40 + l4;
  }

  static void ipv4Header(byte[] out, int off, int totalLen, int proto, InetAddress src,
      InetAddress dst, int id) {
    out[off] = 0x45;
    out[off + 1] = 0;
    put16(out, off + 2, totalLen);
    put16(out, off + 4, id);
    put16(out, off + 6, 0x4000); // DF
    out[off + 8] = 64;
    out[off + 9] = (byte) proto;
    put16(out, off + 10, 0);
    System.arraycopy(src.getAddress(), 0, out, off + 12, 4);
    System.arraycopy(dst.getAddress(), 0, out, off + 16, 4);
    put16(out, off + 10, InetChecksum.finish(InetChecksum.add(0, out, off, 20)));
  }

  static int get16(byte[] b, int off) {
    return (b[off] & 0xff) << 8 | (b[off + 1] & 0xff);
  }

  static void put16(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 8);
    b[off + 1] = (byte) v;
  }

  static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
