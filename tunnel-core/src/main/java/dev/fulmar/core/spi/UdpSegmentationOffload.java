package dev.fulmar.core.spi;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Capability of a {@link UdpTransport} with UDP GSO and GRO (Linux {@code UDP_SEGMENT} and {@code
 * UDP_GRO}): one call moves a run of equally sized datagrams laid out back to back in one buffer,
 * which the kernel (or the NIC) cuts apart on send and merges on receive.
 *
 * <p>Obtain it with {@code udp instanceof UdpSegmentationOffload offload}; the plain batched calls
 * of {@link UdpTransport} remain available (and use the same offloads internally).
 */
public interface UdpSegmentationOffload {

  /** The most datagrams one {@link #sendSegmented} may carry (the kernel allows 64). */
  int maxSegments();

  /**
   * Sends {@code buf[offset .. offset + length)} as datagrams of {@code segmentSize} bytes each
   * (the last may be shorter) to {@code to}, in order.
   */
  void sendSegmented(byte[] buf, int offset, int length, int segmentSize, InetSocketAddress to)
      throws IOException;

  /**
   * Like {@link UdpTransport#receive}, but entry {@code i} may hold several datagrams of one
   * sender back to back, each {@code segmentSizes[i]} bytes long except possibly the last; 0
   * means the entry is one datagram. An entry never holds more than fits its buffer.
   *
   * @throws java.nio.channels.ClosedChannelException once the transport is closed
   */
  int receiveCoalesced(byte[][] bufs, int[] sizes, int[] segmentSizes, InetSocketAddress[] from,
      int offset) throws IOException;
}
