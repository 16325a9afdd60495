package dev.fulmar.core.datapath;

import dev.fulmar.core.esp.EspSa;

/**
 * Transport-mode ESP over UDP (RFC 3948 §3.1): only the upper-layer segment is protected, the IP
 * header is the UDP datagram's own. Outbound strips the inner IP header; inbound rebuilds one from
 * the SA's host selectors and recomputes the TCP/UDP checksum, as RFC 3948 §3.1.2 allows, since
 * NAT changed the addresses the sender's checksum covered.
 */
final class TransportMode {
  private static final int PROTO_UDP = 17;

  private TransportMode() {}

  /** Length of the IP header in front of the segment (20+ for IPv4, 40 for IPv6). */
  static int headerLength(byte[] b, int off) {
    return IpPacket.version(b, off) == 4 ? (b[off] & 0x0F) * 4 : 40;
  }

  static int protocol(byte[] b, int off) {
    return IpPacket.version(b, off) == 4 ? b[off + 9] & 0xFF : b[off + 6] & 0xFF;
  }

  /**
   * Writes an IP header for the segment {@code b[off, off+len)} in front of it.
   *
   * @return the offset of the rebuilt packet, or -1 if there is no headroom
   */
  static int rebuild(EspSa sa, byte[] b, int off, int len, int protocol) {
    boolean v6 = sa.localTs().get(0).isIpv6();
    int hdr = v6 ? 40 : 20;
    int p = off - hdr;
    if (p < 0) {
      return -1;
    }
    java.util.Arrays.fill(b, p, off, (byte) 0);
    if (v6) {
      b[p] = 0x60;
      IpPacket.put16(b, p + 4, len);
      b[p + 6] = (byte) protocol;
      b[p + 7] = 64;
      sa.remoteTs().get(0).copyStartAddress(b, p + 8);
      sa.localTs().get(0).copyStartAddress(b, p + 24);
    } else {
      b[p] = 0x45;
      IpPacket.put16(b, p + 2, hdr + len);
      b[p + 8] = 64;
      b[p + 9] = (byte) protocol;
      sa.remoteTs().get(0).copyStartAddress(b, p + 12);
      sa.localTs().get(0).copyStartAddress(b, p + 16);
      IpPacket.fixIpv4HeaderChecksum(b, p);
    }
    fixTransportChecksum(b, p, off, len, protocol);
    return p;
  }

  private static void fixTransportChecksum(byte[] b, int ip, int l4, int len, int protocol) {
    int csum;
    if (protocol == IpPacket.PROTO_TCP && len >= 20) {
      csum = l4 + 16;
    } else if (protocol == PROTO_UDP && len >= 8) {
      csum = l4 + 6;
      if (IpPacket.u16(b, csum) == 0 && IpPacket.version(b, ip) == 4) {
        return; // IPv4 UDP without checksum stays without
      }
    } else {
      return;
    }
    IpPacket.put16(b, csum, 0);
    long s = IpPacket.pseudoHeaderSum(b, ip, protocol, len) + IpPacket.sum(b, l4, len, 0);
    int c = IpPacket.finish(s);
    IpPacket.put16(b, csum, protocol == PROTO_UDP && c == 0 ? 0xFFFF : c);
  }
}
