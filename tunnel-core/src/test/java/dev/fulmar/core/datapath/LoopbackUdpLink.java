package dev.fulmar.core.datapath;

import dev.fulmar.core.spi.UdpTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Two {@link UdpTransport} endpoints joined back to back in memory. An {@link Interceptor} sees
 * every datagram on its way and may pass, change or swallow it, as a network or an attacker
 * would; {@link #deliver} injects a datagram as if it had arrived.
 */
public final class LoopbackUdpLink {
  /** Sees each datagram in flight; returns what to deliver, or null to drop it. */
  @FunctionalInterface
  public interface Interceptor {
    byte[] onDatagram(InetSocketAddress from, InetSocketAddress to, byte[] datagram);
  }

  private static final Datagram CLOSED = new Datagram(new byte[0], null);

  private record Datagram(byte[] data, InetSocketAddress from) {}

  private final Endpoint a;
  private final Endpoint b;
  private volatile Interceptor interceptor = (from, to, d) -> d;

  public LoopbackUdpLink(InetSocketAddress addressA, InetSocketAddress addressB) {
    this.a = new Endpoint(addressA);
    this.b = new Endpoint(addressB);
  }

  public Endpoint a() {
    return a;
  }

  public Endpoint b() {
    return b;
  }

  public void setInterceptor(Interceptor i) {
    this.interceptor = i;
  }

  /** Delivers {@code datagram} to {@code to} as if sent from {@code from}. */
  public void deliver(Endpoint to, byte[] datagram, InetSocketAddress from) {
    to.inbox.add(new Datagram(datagram.clone(), from));
  }

  /** One end of the link. */
  public final class Endpoint implements UdpTransport {
    private final InetSocketAddress address;
    private final LinkedBlockingQueue<Datagram> inbox = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    private Endpoint(InetSocketAddress address) {
      this.address = address;
    }

    @Override
    public InetSocketAddress localAddress() {
      return address;
    }

    @Override
    public int batchSize() {
      return 16;
    }

    @Override
    public int send(byte[][] bufs, int[] sizes, int offset, int count, InetSocketAddress to)
        throws IOException {
      if (closed) {
        throw new ClosedChannelException();
      }
      Endpoint other = this == a ? b : a;
      for (int i = 0; i < count; i++) {
        byte[] d = interceptor.onDatagram(address,
            to, Arrays.copyOfRange(bufs[i], offset, offset + sizes[i]));
        if (d != null && to.equals(other.address)) {
          other.inbox.add(new Datagram(d, address));
        }
      }
      return count;
    }

    @Override
    public int receive(byte[][] bufs, int[] sizes, InetSocketAddress[] from, int offset)
        throws IOException {
      Datagram d;
      try {
        d = inbox.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ClosedChannelException();
      }
      int n = 0;
      while (d != null) {
        if (d == CLOSED || closed) {
          inbox.offer(CLOSED);
          if (n == 0) {
            throw new ClosedChannelException();
          }
          return n;
        }
        System.arraycopy(d.data(), 0, bufs[n], offset, d.data().length);
        sizes[n] = d.data().length;
        from[n++] = d.from();
        if (n == bufs.length) {
          break;
        }
        d = inbox.poll();
      }
      return n;
    }

    @Override
    public void close() {
      closed = true;
      inbox.offer(CLOSED);
    }
  }
}
