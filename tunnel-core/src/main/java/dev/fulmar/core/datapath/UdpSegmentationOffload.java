package dev.fulmar.core.datapath;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Optional capability of a {@code UdpTransport} with Linux UDP GSO ({@code UDP_SEGMENT}) and GRO
 * ({@code UDP_GRO}): one call moves a run of equally sized datagrams laid out back to back in one
 * buffer, which the kernel (or the NIC) splits and merges. An adapter implements this next to
 * {@code UdpTransport}; the plain batched calls remain the fallback.
 */
public interface UdpSegmentationOffload {
  /** Most datagrams one segmented send may carry (the kernel allows 64). */
  int maxSegments();

  /**
   * Sends {@code buf[offset, offset+length)} as datagrams of {@code segmentSize} bytes each (the
   * last may be shorter) to {@code to}.
   */
  void sendSegmented(byte[] buf, int offset, int length, int segmentSize, InetSocketAddress to)
      throws IOException;

  /**
   * Receives like {@code UdpTransport.receive}; entry {@code i} may hold several datagrams of
   * {@code segmentSizes[i]} bytes each, back to back (the last may be shorter).
   */
  int receiveCoalesced(byte[][] bufs, int[] sizes, int[] segmentSizes, InetSocketAddress[] from,
      int offset) throws IOException;
}
