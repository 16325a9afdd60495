package dev.fulmar.adapters.linux;

import static dev.fulmar.adapters.linux.VirtioNetHeader.FLAG_NEEDS_CSUM;
import static dev.fulmar.adapters.linux.VirtioNetHeader.GSO_ECN;
import static dev.fulmar.adapters.linux.VirtioNetHeader.GSO_NONE;
import static dev.fulmar.adapters.linux.VirtioNetHeader.GSO_TCPV4;
import static dev.fulmar.adapters.linux.VirtioNetHeader.GSO_TCPV6;
import static dev.fulmar.adapters.linux.VirtioNetHeader.GSO_UDP_L4;


/**
 * Cuts a packet read from a TUN device with {@code IFF_VNET_HDR} into MTU-sized packets with
 * complete checksums, as the kernel's own GSO would (tcp_gso_segment, __udp_gso_segment): each
 * segment gets the headers of the super-packet, its share of the payload, IPv4 ids counting up,
 * TCP sequence numbers advanced, FIN/PSH only on the last and CWR only on the first segment.
 *
 * <p>An iterator over one packet: {@link #start} validates the header and the packet, then each
 * {@link #next} writes one segment into the caller's buffer. Allocates nothing.
 */
final class GsoSplitter {

  private static final int TCP = 6;
  private static final int UDP = 17;
  private static final int TCP_FIN = 0x01;
  private static final int TCP_PSH = 0x08;
  private static final int TCP_CWR = 0x80;

  private byte[] pkt;
  private int off;
  private int len;
  private boolean ipv6;
  private boolean tcp;
  private int l4;
  private int hdrLen;
  private int segSize;
  private int payloadPos;
  private int index;
  private boolean gso;
  private boolean done = true;

  /**
   * Takes the packet {@code b[off .. off+len)} that follows the virtio header at {@code b[vnet]}.
   *
   * @return false when the packet is malformed or of an unsupported GSO type (drop it)
   */
  boolean start(byte[] b, int vnet, int off, int len) {
    this.pkt = b;
    this.off = off;
    this.len = len;
    this.index = 0;
    this.done = true;
    if (len < 20) {
      return false;
    }
    int version = (b[off] & 0xff) >> 4;
    ipv6 = version == 6;
    if (version != 4 && !(ipv6 && len >= 40)) {
      return false;
    }
    int type = VirtioNetHeader.gsoType(b, vnet) & ~GSO_ECN;
    gso = type != GSO_NONE;
    if (!gso) {
      int flags = VirtioNetHeader.flags(b, vnet);
      if ((flags & FLAG_NEEDS_CSUM) != 0 && !completeChecksum(b, vnet)) {
        return false;
      }
      done = false;
      return true;
    }
    return startGso(b, vnet, type);
  }

  /** Validates a super-packet of GSO type {@code type} and prepares its segmentation. */
  private boolean startGso(byte[] b, int vnet, int type) {
    if (type != GSO_TCPV4 && type != GSO_TCPV6 && type != GSO_UDP_L4) {
      return false;
    }
    if ((type == GSO_TCPV4 && ipv6) || (type == GSO_TCPV6 && !ipv6)) {
      return false;
    }
    tcp = type != GSO_UDP_L4;
    l4 = VirtioNetHeader.checksumStart(b, vnet);
    segSize = VirtioNetHeader.gsoSize(b, vnet);
    int ipHl = ipv6 ? 40 : (b[off] & 0x0f) * 4;
    if (l4 < ipHl || l4 + (tcp ? 20 : 8) > len || segSize == 0 || protocol() != (tcp ? TCP : UDP)) {
      return false;
    }
    hdrLen = l4 + (tcp ? ((b[off + l4 + 12] & 0xff) >> 4) * 4 : 8);
    if (hdrLen > len || (tcp && hdrLen < l4 + 20)) {
      return false;
    }
    payloadPos = hdrLen;
    done = false;
    return true;
  }

  /**
   * Writes the next segment at {@code out[outOff]}.
   *
   * @return its length, or -1 when the packet is exhausted
   */
  int next(byte[] out, int outOff) {
    if (done) {
      return -1;
    }
    if (!gso) {
      System.arraycopy(pkt, off, out, outOff, len);
      done = true;
      return len;
    }
    int chunk = Math.min(segSize, len - payloadPos);
    boolean last = payloadPos + chunk >= len;
    System.arraycopy(pkt, off, out, outOff, hdrLen);
    System.arraycopy(pkt, off + payloadPos, out, outOff + hdrLen, chunk);
    int total = hdrLen + chunk;
    fixIp(out, outOff, total);
    if (tcp) {
      fixTcp(out, outOff, total, last);
    } else {
      put16(out, outOff + l4 + 4, total - l4);
    }
    put16(out, outOff + l4 + (tcp ? 16 : 6), 0);
    long sum = InetChecksum.pseudoHeader(out, outOff, ipv6, tcp ? TCP : UDP, total - l4);
    int c = InetChecksum.finish(InetChecksum.add(sum, out, outOff + l4, total - l4));
    put16(out, outOff + l4 + (tcp ? 16 : 6), c == 0 && !tcp ? 0xffff : c);
    payloadPos += chunk;
    index++;
    done = last;
    return total;
  }

  /** The size of the largest segment {@link #next} writes. */
  int maxSegmentLength() {
    return gso ? hdrLen + segSize : len;
  }

  private int protocol() {
    return ipv6 ? pkt[off + 6] & 0xff : pkt[off + 9] & 0xff;
  }

  private void fixIp(byte[] out, int o, int total) {
    if (ipv6) {
      put16(out, o + 4, total - 40);
      return;
    }
    put16(out, o + 2, total);
    put16(out, o + 4, get16(pkt, off + 4) + index);
    put16(out, o + 10, 0);
    int ihl = (out[o] & 0x0f) * 4;
    put16(out, o + 10, InetChecksum.finish(InetChecksum.add(0, out, o, ihl)));
  }

  private void fixTcp(byte[] out, int o, int total, boolean last) {
    int t = o + l4;
    long seq = (get32(pkt, off + l4 + 4) + (long) index * segSize) & 0xffffffffL;
    put32(out, t + 4, seq);
    int flags = out[t + 13] & 0xff;
    if (!last) {
      flags &= ~(TCP_FIN | TCP_PSH);
    }
    if (index > 0) {
      flags &= ~TCP_CWR;
    }
    out[t + 13] = (byte) flags;
  }

  /** Completes a partial checksum: sum from csum_start (the field holds the pseudo-header sum). */
  private boolean completeChecksum(byte[] b, int vnet) {
    int start = VirtioNetHeader.checksumStart(b, vnet);
    int field = start + VirtioNetHeader.checksumOffset(b, vnet);
    if (field + 2 > len || start >= len) {
      return false;
    }
    int c = InetChecksum.finish(InetChecksum.add(0, b, off + start, len - start));
    put16(b, off + field, c == 0 ? 0xffff : c);
    return true;
  }

  static int get16(byte[] b, int o) {
    return (b[o] & 0xff) << 8 | (b[o + 1] & 0xff);
  }

  static long get32(byte[] b, int o) {
    return ((long) get16(b, o) << 16) | get16(b, o + 2);
  }

  static void put16(byte[] b, int o, int v) {
    b[o] = (byte) (v >>> 8);
    b[o + 1] = (byte) v;
  }

  static void put32(byte[] b, int o, long v) {
    put16(b, o, (int) (v >>> 16));
    put16(b, o + 2, (int) v);
  }
}
