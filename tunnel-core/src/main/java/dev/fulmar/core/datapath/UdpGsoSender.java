package dev.fulmar.core.datapath;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Sends sealed ESP packets through {@link UdpSegmentationOffload}: runs of equally sized
 * datagrams to one peer (the last of a run may be shorter) are laid out back to back in one
 * buffer and handed to the kernel as one {@code UDP_SEGMENT} send. Owned by the outbound thread.
 */
final class UdpGsoSender {
  /** Largest UDP payload one {@code UDP_SEGMENT} send may carry (64 KiB minus headers). */
  static final int MAX_GSO_BYTES = 65507;

  private final UdpSegmentationOffload udp;
  private final byte[] run;
  private final int maxSegments;

  UdpGsoSender(UdpSegmentationOffload udp, int maxDatagram) {
    this.udp = udp;
    this.maxSegments = Math.max(1, udp.maxSegments());
    this.run = new byte[Math.min(maxSegments * maxDatagram, MAX_GSO_BYTES)];
  }

  /**
   * Sends datagram {@code i} = {@code bufs[i][offset, offset + sizes[i])} for all {@code i <
   * count}, in order.
   */
  void send(byte[][] bufs, int[] sizes, int offset, int count, InetSocketAddress to)
      throws IOException {
    int i = 0;
    while (i < count) {
      int segment = sizes[i];
      int len = 0;
      int n = 0;
      while (i < count && n < maxSegments && sizes[i] <= segment
          && len + sizes[i] <= run.length) {
        System.arraycopy(bufs[i], offset, run, len, sizes[i]);
        len += sizes[i];
        n++;
        i++;
        if (sizes[i - 1] < segment) {
          break; // a shorter datagram ends the run
        }
      }
      udp.sendSegmented(run, 0, len, segment, to);
    }
  }
}
