package dev.fulmar.core.datapath;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Receives through {@link UdpSegmentationOffload}: one entry may hold many datagrams of one
 * sender back to back ({@code UDP_GRO}); {@link #split} copies them into the pipeline's own
 * buffers at its headroom so that every ESP packet is opened in place as usual. Owned by the
 * inbound thread; its buffers are allocated once.
 */
final class UdpGroReceiver {
  private final UdpSegmentationOffload udp;
  private final byte[][] entries;
  private final int[] sizes;
  private final int[] segmentSizes;
  private final InetSocketAddress[] from;

  UdpGroReceiver(UdpSegmentationOffload udp, int batch, int maxCoalesced) {
    this.udp = udp;
    this.entries = new byte[batch][maxCoalesced];
    this.sizes = new int[batch];
    this.segmentSizes = new int[batch];
    this.from = new InetSocketAddress[batch];
  }

  /** Most datagrams one entry can hold. */
  int maxSegments() {
    return Math.max(1, udp.maxSegments());
  }

  /** Blocks for the next batch; returns the number of entries. */
  int receive() throws IOException {
    return udp.receiveCoalesced(entries, sizes, segmentSizes, from, 0);
  }

  /**
   * Copies the datagrams of entry {@code e} into {@code into[j]} at {@code offset}.
   *
   * @return the number of datagrams
   */
  int split(int e, byte[][] into, int[] intoSizes, InetSocketAddress[] intoFrom, int offset) {
    int seg = segmentSizes[e] > 0 ? segmentSizes[e] : sizes[e];
    int n = 0;
    for (int pos = 0; pos < sizes[e] && n < into.length; pos += seg) {
      int len = Math.min(seg, sizes[e] - pos);
      if (offset + len > into[n].length) {
        break;
      }
      System.arraycopy(entries[e], pos, into[n], offset, len);
      intoSizes[n] = len;
      intoFrom[n++] = from[e];
    }
    return n;
  }
}
