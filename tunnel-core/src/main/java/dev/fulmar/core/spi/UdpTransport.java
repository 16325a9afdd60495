package dev.fulmar.core.spi;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * One bound UDP socket as the engine and the data path see it: IKE on port 500, and IKE plus
 * UDP-encapsulated ESP (RFC 3948) on port 4500.
 *
 * <p>I/O is batched like {@link TunDevice}: datagram {@code i} lives in {@code bufs[i]} at {@code
 * offset}. A plain implementation moves one datagram per call; an implementation with kernel
 * offloads (sendmmsg/recvmmsg, UDP GSO/GRO) may move more and advertises it through
 * {@link #batchSize()}. The offloads stay behind these calls; since only the datagrams of one
 * {@link #send} call can share a system call or a GSO run, callers should send everything they
 * have for one destination in one call.
 *
 * <p>The port-4500 socket is shared: the outbound data path, NAT keepalives and the IKE engine all
 * send on it, so {@link #send} must be safe to call from several threads at once. {@link #receive}
 * has a single caller (the inbound loop, which hands IKE datagrams to the engine).
 */
public interface UdpTransport extends Closeable {

  /** The address the socket is bound to (the port is resolved if 0 was asked for). */
  InetSocketAddress localAddress();

  /** The largest number of datagrams one {@link #receive} or {@link #send} call handles. */
  int batchSize();

  /**
   * Sends {@code count} datagrams to {@code to}; datagram {@code i} is {@code bufs[i][offset ..
   * offset + sizes[i])}.
   *
   * @return the number of datagrams sent
   */
  int send(byte[][] bufs, int[] sizes, int offset, int count, InetSocketAddress to)
      throws IOException;

  /**
   * Receives at least one and at most {@code bufs.length} datagrams, blocking until one arrives.
   * Datagram {@code i} is stored at {@code bufs[i][offset]}, its length in {@code sizes[i]} and its
   * source in {@code from[i]}.
   *
   * @return the number of datagrams received
   * @throws java.nio.channels.ClosedChannelException once the transport is closed
   */
  int receive(byte[][] bufs, int[] sizes, InetSocketAddress[] from, int offset) throws IOException;

  /** Closes the socket; a blocked {@link #receive} returns with an exception. Idempotent. */
  @Override
  void close() throws IOException;
}
