package dev.fulmar.core.datapath;

import dev.fulmar.core.spi.UdpTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Two {@link UdpTransport} endpoints joined back to back in memory. An {@link Interceptor} sees
 * every datagram on its way and may pass, change or swallow it, as a network or an attacker
 * would; {@link #deliver} injects a datagram as if it had arrived. Each endpoint records its
 * {@link Endpoint#sendCalls() send calls}, so tests can see how callers batch.
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

  /** One {@link UdpTransport#send} call: its destination and how many datagrams it carried. */
  public record SendCall(InetSocketAddress to, int count) {}

  /** One end of the link. */
  public final class Endpoint implements UdpTransport {
    final InetSocketAddress address;
    final LinkedBlockingQueue<Datagram> inbox = new LinkedBlockingQueue<>();
    private final Queue<SendCall> sendCalls = new ConcurrentLinkedQueue<>();
    volatile boolean closed;

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
      sendCalls.add(new SendCall(to, count));
      for (int i = 0; i < count; i++) {
        transmit(Arrays.copyOfRange(bufs[i], offset, offset + sizes[i]), to);
      }
      return count;
    }

    /** Every send call so far, in order. */
    public List<SendCall> sendCalls() {
      return List.copyOf(sendCalls);
    }

    private void transmit(byte[] datagram, InetSocketAddress to) {
      Endpoint other = this == a ? b : a;
      byte[] d = interceptor.onDatagram(address, to, datagram);
      if (d != null && to.equals(other.address)) {
        other.inbox.add(new Datagram(d, address));
      }
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
