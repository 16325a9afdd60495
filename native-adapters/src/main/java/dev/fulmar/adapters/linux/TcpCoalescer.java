package dev.fulmar.adapters.linux;

import static dev.fulmar.adapters.linux.GsoSplitter.get16;
import static dev.fulmar.adapters.linux.GsoSplitter.get32;
import static dev.fulmar.adapters.linux.GsoSplitter.put16;

import java.util.Arrays;

/**
 * Merges consecutive TCP segments of one flow, as the data path writes them to the TUN device,
 * into one GSO super-packet with a virtio header ({@code GSO_TCPV4}/{@code GSO_TCPV6},
 * {@code NEEDS_CSUM}): the kernel then takes a whole burst in one {@code write} and hands it to
 * the socket as one unit, as its own GRO would (tcp_gro_receive's rules: same addresses, ports,
 * ACK number, options, TTL/hop limit and TOS; sequence numbers that follow on; every segment as
 * long as the first, the last possibly shorter; only ACK and, on the last, PSH set).
 *
 * <p>Only neighbours in the batch are merged, so the order of packets is kept. Allocates nothing.
 */
final class TcpCoalescer {

  private static final int TCP = 6;
  private static final int ACK = 0x10;
  private static final int PSH = 0x08;
  private static final int MAX_TOTAL = 65535;

  private byte[][] bufs;
  private int[] sizes;
  private int offset;
  private int count;
  private int pos;
  private int lastGroup;

  /** Starts on a new batch: packet {@code i} is {@code bufs[i][offset .. offset+sizes[i])}. */
  TcpCoalescer reset(byte[][] bufs, int[] sizes, int offset, int count) {
    this.bufs = bufs;
    this.sizes = sizes;
    this.offset = offset;
    this.count = count;
    this.pos = 0;
    return this;
  }

  /**
   * Writes the next output packet, virtio header first, at {@code out[0]}.
   *
   * @return its length including the header, or -1 when the batch is exhausted
   */
  int next(byte[] out) {
    if (pos >= count) {
      return -1;
    }
    int first = pos;
    int hdr = headerLength(first);
    int segSize = hdr < 0 ? 0 : sizes[first] - hdr;
    int group = 1;
    int total = sizes[first];
    if (hdr >= 0 && segSize > 0 && (flags(first) & PSH) == 0) {
      while (first + group < count) {
        int c = first + group;
        int payload = sizes[c] - hdr;
        if (!sameFlow(first, c, hdr) || payload <= 0 || payload > segSize
            || total + payload > MAX_TOTAL
            || seq(c) != ((seq(first) + (long) group * segSize) & 0xffffffffL)) {
          break;
        }
        total += payload;
        group++;
        if (payload < segSize || (flags(c) & PSH) != 0) {
          break; // a short or pushed segment ends the burst
        }
      }
    }
    pos = first + group;
    lastGroup = group;
    int v = VirtioNetHeader.LENGTH;
    if (group == 1) {
      VirtioNetHeader.writeNone(out, 0);
      System.arraycopy(bufs[first], offset, out, v, sizes[first]);
      return v + sizes[first];
    }
    merge(out, v, first, group, hdr, total);
    boolean ipv6 = version(first) == 6;
    int l4 = ipv6 ? 40 : 20;
    VirtioNetHeader.write(out, 0, VirtioNetHeader.FLAG_NEEDS_CSUM,
        ipv6 ? VirtioNetHeader.GSO_TCPV6 : VirtioNetHeader.GSO_TCPV4, hdr, segSize, l4, 16);
    return v + total;
  }

  /** How many input packets the last {@link #next} output holds. */
  int lastGroupSize() {
    return lastGroup;
  }

  private void merge(byte[] out, int o, int first, int group, int hdr, int total) {
    System.arraycopy(bufs[first], offset, out, o, hdr);
    int p = o + hdr;
    for (int i = first; i < first + group; i++) {
      int payload = sizes[i] - hdr;
      System.arraycopy(bufs[i], offset + hdr, out, p, payload);
      p += payload;
    }
    int last = first + group - 1;
    boolean ipv6 = version(first) == 6;
    int l4 = ipv6 ? 40 : 20;
    if (ipv6) {
      put16(out, o + 4, total - 40);
    } else {
      put16(out, o + 2, total);
      put16(out, o + 10, 0);
      put16(out, o + 10, InetChecksum.finish(InetChecksum.add(0, out, o, 20)));
    }
    out[o + l4 + 13] = (byte) (ACK | (flags(last) & PSH));
    System.arraycopy(bufs[last], offset + l4 + 14, out, o + l4 + 14, 2); // latest window
    // CHECKSUM_PARTIAL: the field holds the folded pseudo-header sum, not complemented
    long pseudo = InetChecksum.pseudoHeader(out, o, ipv6, TCP, total - l4);
    put16(out, o + l4 + 16, InetChecksum.fold(pseudo));
  }

  /** IP + TCP header length when packet {@code i} may be merged at all, else -1. */
  private int headerLength(int i) {
    if (sizes[i] < 40) {
      return -1;
    }
    byte[] b = bufs[i];
    int o = offset;
    int v = version(i);
    int l4;
    if (v == 4) {
      if (sizes[i] < 40 || (b[o] & 0x0f) != 5 || (b[o + 9] & 0xff) != TCP
          || (get16(b, o + 6) & 0x3fff) != 0 || get16(b, o + 2) != sizes[i]) {
        return -1; // IP options, fragments or a length that disagrees: leave it alone
      }
      l4 = 20;
    } else if (v == 6) {
      if (sizes[i] < 60 || (b[o + 6] & 0xff) != TCP || get16(b, o + 4) != sizes[i] - 40) {
        return -1; // extension headers or a length that disagrees
      }
      l4 = 40;
    } else {
      return -1;
    }
    int tcpHl = ((b[o + l4 + 12] & 0xff) >> 4) * 4;
    int f = b[o + l4 + 13] & 0xff;
    if (tcpHl < 20 || l4 + tcpHl > sizes[i] || (f & ~(ACK | PSH)) != 0 || (f & ACK) == 0) {
      return -1;
    }
    return l4 + tcpHl;
  }

  private boolean sameFlow(int a, int c, int hdr) {
    if (headerLength(c) != hdr || version(a) != version(c)) {
      return false;
    }
    byte[] x = bufs[a];
    byte[] y = bufs[c];
    int o = offset;
    boolean ipv6 = version(a) == 6;
    int l4 = ipv6 ? 40 : 20;
    boolean ipSame = ipv6
        ? Arrays.equals(x, o, o + 4, y, o, o + 4) && x[o + 7] == y[o + 7]
            && Arrays.equals(x, o + 8, o + 40, y, o + 8, o + 40)
        : x[o + 1] == y[o + 1] && x[o + 8] == y[o + 8] && (x[o + 6] & 0x40) == (y[o + 6] & 0x40)
            && Arrays.equals(x, o + 12, o + 20, y, o + 12, o + 20);
    return ipSame
        && Arrays.equals(x, o + l4, o + l4 + 4, y, o + l4, o + l4 + 4) // ports
        && Arrays.equals(x, o + l4 + 8, o + l4 + 12, y, o + l4 + 8, o + l4 + 12) // ACK number
        && Arrays.equals(x, o + l4 + 20, o + hdr, y, o + l4 + 20, o + hdr); // options
  }

  private int version(int i) {
    return (bufs[i][offset] & 0xff) >> 4;
  }

  private int flags(int i) {
    int l4 = version(i) == 6 ? 40 : 20;
    return bufs[i][offset + l4 + 13] & 0xff;
  }

  private long seq(int i) {
    int l4 = version(i) == 6 ? 40 : 20;
    return get32(bufs[i], offset + l4 + 4);
  }
}
