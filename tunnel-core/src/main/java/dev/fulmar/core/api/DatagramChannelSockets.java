package dev.fulmar.core.api;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link IkeSocket.Factory}: a connected {@link DatagramChannel} per socket and one
 * daemon receive thread ({@code runReceiveLoop}) that hands each datagram to the session.
 */
final class DatagramChannelSockets implements IkeSocket.Factory {
  private static final Logger LOG = LoggerFactory.getLogger(DatagramChannelSockets.class);
  private static final int MAX_DATAGRAM = 65535;

  @Override
  public IkeSocket open(
      InetSocketAddress local, InetSocketAddress remote, IkeSocket.Receiver receiver)
      throws IOException {
    StandardProtocolFamily family =
        remote.getAddress() instanceof java.net.Inet6Address
            ? StandardProtocolFamily.INET6
            : StandardProtocolFamily.INET;
    DatagramChannel channel = DatagramChannel.open(family);
    try {
      channel.setOption(StandardSocketOptions.SO_REUSEADDR, false);
      channel.bind(local);
      channel.connect(remote);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    ChannelSocket socket = new ChannelSocket(channel, remote);
    Thread t = new Thread(() -> socket.runReceiveLoop(receiver), "fulmar-ike-rx-" + local.getPort());
    t.setDaemon(true);
    t.start();
    return socket;
  }

  private static final class ChannelSocket implements IkeSocket {
    private final DatagramChannel channel;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;

    ChannelSocket(DatagramChannel channel, InetSocketAddress remote) throws IOException {
      this.channel = channel;
      this.remote = remote;
      this.local = (InetSocketAddress) channel.getLocalAddress();
    }

    void runReceiveLoop(IkeSocket.Receiver receiver) {
      ByteBuffer buf = ByteBuffer.allocate(MAX_DATAGRAM);
      while (channel.isOpen()) {
        try {
          buf.clear();
          channel.receive(buf);
          buf.flip();
          receiver.received(Arrays.copyOf(buf.array(), buf.limit()), remote);
        } catch (PortUnreachableException e) {
          LOG.debug("ICMP port unreachable from {}", remote);
        } catch (ClosedChannelException e) {
          return;
        } catch (IOException e) {
          LOG.warn("receive on {} failed: {}", local, e.toString());
        } catch (RuntimeException e) {
          LOG.error("datagram handler failed", e);
        }
      }
    }

    @Override
    public InetSocketAddress localAddress() {
      return local;
    }

    @Override
    public InetSocketAddress remoteAddress() {
      return remote;
    }

    @Override
    public void send(byte[] datagram) throws IOException {
      channel.write(ByteBuffer.wrap(datagram));
    }

    @Override
    public void close() {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.debug("close of {} failed: {}", local, e.toString());
      }
    }
  }
}
