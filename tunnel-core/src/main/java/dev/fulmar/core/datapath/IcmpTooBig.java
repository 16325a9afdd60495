package dev.fulmar.core.datapath;

/**
 * Builds the reply that tells a local sender its packet does not fit the tunnel: ICMP
 * "fragmentation needed and DF set" (RFC 792, type 3 code 4, next-hop MTU per RFC 1191) for IPv4
 * and ICMPv6 "packet too big" (RFC 4443 §3.2) for IPv6. The reply comes from the original
 * destination and quotes as much of the original packet as the RFCs allow.
 */
final class IcmpTooBig {
  /** RFC 1812 §4.3.2.3: an ICMP error should not exceed 576 bytes. */
  static final int MAX_IPV4_REPLY = 576;
  /** RFC 4443 §2.4(c): as much as fits the IPv6 minimum MTU. */
  static final int MAX_IPV6_REPLY = 1280;
  /** The IPv6 minimum link MTU (RFC 8200 §5). */
  static final int IPV6_MIN_MTU = 1280;

  private IcmpTooBig() {}

  /**
   * Writes the reply for the packet {@code in[off, off+len)} into {@code out[outOff..]}.
   *
   * @return the reply's length
   */
  static int build(byte[] in, int off, int len, int mtu, byte[] out, int outOff) {
    return IpPacket.version(in, off) == 4
        ? buildV4(in, off, len, mtu, out, outOff)
        : buildV6(in, off, len, mtu, out, outOff);
  }

  private static int buildV4(byte[] in, int off, int len, int mtu, byte[] out, int o) {
    int quote = Math.min(len, MAX_IPV4_REPLY - 28);
    int total = 28 + quote;
    java.util.Arrays.fill(out, o, o + 28, (byte) 0);
    out[o] = 0x45;
    IpPacket.put16(out, o + 2, total);
    out[o + 8] = 64;
    out[o + 9] = 1;
    System.arraycopy(in, off + 16, out, o + 12, 4); // from the original destination
    System.arraycopy(in, off + 12, out, o + 16, 4); // to the original source
    IpPacket.fixIpv4HeaderChecksum(out, o);
    int icmp = o + 20;
    out[icmp] = 3;
    out[icmp + 1] = 4;
    IpPacket.put16(out, icmp + 6, mtu);
    System.arraycopy(in, off, out, icmp + 8, quote);
    IpPacket.put16(out, icmp + 2, IpPacket.finish(IpPacket.sum(out, icmp, 8 + quote, 0)));
    return total;
  }

  private static int buildV6(byte[] in, int off, int len, int mtu, byte[] out, int o) {
    int quote = Math.min(len, MAX_IPV6_REPLY - 48);
    int icmpLen = 8 + quote;
    java.util.Arrays.fill(out, o, o + 48, (byte) 0);
    out[o] = 0x60;
    IpPacket.put16(out, o + 4, icmpLen);
    out[o + 6] = 58;
    out[o + 7] = 64;
    System.arraycopy(in, off + 24, out, o + 8, 16);
    System.arraycopy(in, off + 8, out, o + 24, 16);
    int icmp = o + 40;
    out[icmp] = 2;
    IpPacket.put16(out, icmp + 4, mtu >>> 16);
    IpPacket.put16(out, icmp + 6, mtu);
    System.arraycopy(in, off, out, icmp + 8, quote);
    long s = IpPacket.pseudoHeaderSum(out, o, 58, icmpLen) + IpPacket.sum(out, icmp, icmpLen, 0);
    IpPacket.put16(out, icmp + 2, IpPacket.finish(s));
    return 40 + icmpLen;
  }
}
