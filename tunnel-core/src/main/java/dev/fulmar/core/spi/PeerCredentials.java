package dev.fulmar.core.spi;

import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * Asks the OS who connected to a Unix domain socket: the basis of the helper's per-request
 * authorization (root, members of group {@code fulmar}, everyone else refused).
 */
public interface PeerCredentials {

  /**
   * The identity of the peer of {@code channel}, a connected {@link
   * java.net.StandardProtocolFamily#UNIX} channel, as recorded by the kernel at connect time.
   *
   * @throws IOException when the channel is not a connected Unix domain socket or the OS refuses
   */
  PeerIdentity identify(SocketChannel channel) throws IOException;
}
