package dev.fulmar.adapters.jdk;

import dev.fulmar.core.spi.UdpTransport;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * A {@link UdpTransport} on a blocking {@link DatagramChannel}: portable, one datagram per call,
 * no native code. It is the fallback where no offload transport exists, and the baseline that
 * the offload transport is measured against.
 */
public final class JdkUdpTransport implements UdpTransport {

  private static final int MAX_DATAGRAM = 65535;

  private final DatagramChannel channel;
  private final InetSocketAddress local;
  private final ByteBuffer rx = ByteBuffer.allocateDirect(MAX_DATAGRAM);
  private long oversize;

  private JdkUdpTransport(DatagramChannel channel) throws IOException {
    this.channel = channel;
    this.local = (InetSocketAddress) channel.getLocalAddress();
  }

  /**
   * Binds to {@code local} (port 0: any free port).
   *
   * @throws IOException when the address cannot be bound
   */
  public static JdkUdpTransport bind(InetSocketAddress local) throws IOException {
    StandardProtocolFamily family =
        local.getAddress() instanceof Inet6Address
            ? StandardProtocolFamily.INET6
            : StandardProtocolFamily.INET;
    DatagramChannel ch = DatagramChannel.open(family);
    try {
      ch.bind(local);
      return new JdkUdpTransport(ch);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  @Override
  public InetSocketAddress localAddress() {
    return local;
  }

  @Override
  public int batchSize() {
    return 1;
  }

  @Override
  public int send(byte[][] bufs, int[] sizes, int offset, int count, InetSocketAddress to)
      throws IOException {
    for (int i = 0; i < count; i++) {
      channel.send(ByteBuffer.wrap(bufs[i], offset, sizes[i]), to);
    }
    return count;
  }

  @Override
  public int receive(byte[][] bufs, int[] sizes, InetSocketAddress[] from, int offset)
      throws IOException {
    synchronized (rx) {
      while (true) {
        rx.clear();
        InetSocketAddress src = (InetSocketAddress) channel.receive(rx);
        rx.flip();
        if (rx.remaining() > bufs[0].length - offset) {
          oversize++;
          continue; // a truncated datagram is useless to every caller: drop and count it
        }
        sizes[0] = rx.remaining();
        rx.get(bufs[0], offset, sizes[0]);
        from[0] = src;
        return 1;
      }
    }
  }

  /** Datagrams dropped because they did not fit the caller's buffer. */
  public long oversizeDrops() {
    synchronized (rx) {
      return oversize;
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  @Override
  public String toString() {
    return "JdkUdpTransport[" + local + "]";
  }
}
