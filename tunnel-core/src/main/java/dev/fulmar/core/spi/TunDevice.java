package dev.fulmar.core.spi;

import java.io.Closeable;
import java.io.IOException;

/**
 * A layer-3 virtual network device (Linux TUN, macOS utun, Windows Wintun) that carries raw IPv4 and
 * IPv6 packets without any packet-information prefix.
 *
 * <p>All I/O is batched in the style of wireguard-go's {@code tun.Device}: the caller owns the
 * buffers, each packet {@code i} lives in {@code bufs[i]} starting at {@code offset}, and {@code
 * offset} leaves headroom in front of the packet for the outer IP/UDP/ESP headers so that the data
 * path can encapsulate in place. Implementations must be safe for one reader thread and one writer
 * thread at the same time.
 *
 * <p>An implementation with kernel offloads (see {@link TunOffload}) keeps them behind these two
 * calls: {@link #read} still returns MTU-sized packets with complete checksums, and {@link #write}
 * may merge consecutive TCP segments of one flow into one kernel write. Callers should therefore
 * pass whole batches to {@link #write} rather than one packet per call.
 */
public interface TunDevice extends Closeable {

  /** The interface name the OS gave the device (e.g. {@code fulmar0}). */
  String name();

  /** The device MTU in bytes, as configured on the OS side. */
  int mtu();

  /** The largest number of packets one {@link #read} or {@link #write} call handles. */
  int batchSize();

  /**
   * Reads at least one and at most {@code bufs.length} packets, blocking until one is available.
   *
   * @param bufs buffers to fill; packet {@code i} is written to {@code bufs[i]} at {@code offset}
   * @param sizes receives the length of packet {@code i} in {@code sizes[i]}
   * @param offset headroom in front of every packet
   * @return the number of packets read
   * @throws java.nio.channels.ClosedChannelException once the device is closed
   */
  int read(byte[][] bufs, int[] sizes, int offset) throws IOException;

  /**
   * Writes {@code count} packets; packet {@code i} is {@code bufs[i][offset .. offset + sizes[i])}.
   *
   * @return the number of packets written
   */
  int write(byte[][] bufs, int[] sizes, int offset, int count) throws IOException;

  /** Removes the device; a blocked {@link #read} returns with an exception. Idempotent. */
  @Override
  void close() throws IOException;
}
