package dev.fulmar.core.api;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A UDP socket connected to one gateway address (its port 500, or 4500 after the NAT-T switch).
 * Connected so that {@link #localAddress()} is the real source address, which NAT detection hashes,
 * and so that datagrams from anyone else are never delivered.
 */
public interface IkeSocket extends Closeable {

  /** The bound and connected local address (a concrete IP, the actual port). */
  InetSocketAddress localAddress();

  /** The gateway address the socket is connected to. */
  InetSocketAddress remoteAddress();

  /** Sends one datagram. */
  void send(byte[] datagram) throws IOException;

  /** Closes the socket; no more datagrams are delivered. Idempotent. */
  @Override
  void close();

  /** Receives the datagrams of a socket, on a thread of the socket's choosing. */
  @FunctionalInterface
  interface Receiver {
    void received(byte[] datagram, InetSocketAddress from);
  }

  /** Opens sockets; the system one uses DatagramChannel, tests an in-memory network. */
  @FunctionalInterface
  interface Factory {
    /**
     * Binds to {@code local} (port 0 = any free port), connects to {@code remote} and starts
     * delivering datagrams to {@code receiver}.
     *
     * @throws java.net.BindException when the port is taken or needs privileges
     */
    IkeSocket open(InetSocketAddress local, InetSocketAddress remote, Receiver receiver)
        throws IOException;
  }
}
