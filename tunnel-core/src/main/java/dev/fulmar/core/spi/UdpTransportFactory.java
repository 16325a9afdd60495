package dev.fulmar.core.spi;

import java.io.IOException;
import java.net.InetSocketAddress;

/** Opens the UDP sockets of the engine and the data path. */
public interface UdpTransportFactory {

  /**
   * Binds a UDP socket to {@code local} (port 0: any free port).
   *
   * @param offload ask for batching and segmentation offloads ({@link UdpOffload}); the transport
   *     falls back to one datagram per call when the OS offers none
   * @throws IOException when the address cannot be bound (in use, not local, no privilege)
   */
  UdpTransport bind(InetSocketAddress local, boolean offload) throws IOException;
}
