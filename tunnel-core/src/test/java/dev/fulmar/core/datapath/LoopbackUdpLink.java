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
    this(addressA, addressB, false);
  }

  /** A link whose endpoints also offer UDP GSO/GRO ({@link OffloadEndpoint}) if asked. */
  public LoopbackUdpLink(InetSocketAddress addressA, InetSocketAddress addressB,
      boolean offload) {
    this.a = offload ? new OffloadEndpoint(addressA) : new Endpoint(addressA);
    this.b = offload ? new OffloadEndpoint(addressB) : new Endpoint(addressB);
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
  public class Endpoint implements UdpTransport {
    final InetSocketAddress address;
    final LinkedBlockingQueue<Datagram> inbox = new LinkedBlockingQueue<>();
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
      for (int i = 0; i < count; i++) {
        transmit(Arrays.copyOfRange(bufs[i], offset, offset + sizes[i]), to);
      }
      return count;
    }

    void transmit(byte[] datagram, InetSocketAddress to) {
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

  /**
   * An endpoint with UDP GSO/GRO, as a kernel offers them: a segmented send leaves as separate
   * datagrams; a receive merges queued datagrams of one sender and one size (the last may be
   * shorter) into one entry.
   */
  public final class OffloadEndpoint extends Endpoint implements UdpSegmentationOffload {
    private final java.util.concurrent.atomic.AtomicInteger segmentedSends =
        new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger mergedEntries =
        new java.util.concurrent.atomic.AtomicInteger();

    private OffloadEndpoint(InetSocketAddress address) {
      super(address);
    }

    /** Segmented sends of more than one datagram so far. */
    public int segmentedSends() {
      return segmentedSends.get();
    }

    /** Received entries that held more than one datagram so far. */
    public int mergedEntries() {
      return mergedEntries.get();
    }

    @Override
    public int maxSegments() {
      return 64;
    }

    @Override
    public void sendSegmented(byte[] buf, int offset, int length, int segmentSize,
        InetSocketAddress to) throws IOException {
      if (closed) {
        throw new ClosedChannelException();
      }
      if (length > segmentSize) {
        segmentedSends.incrementAndGet();
      }
      for (int pos = 0; pos < length; pos += segmentSize) {
        int len = Math.min(segmentSize, length - pos);
        transmit(Arrays.copyOfRange(buf, offset + pos, offset + pos + len), to);
      }
    }

    @Override
    public int receiveCoalesced(byte[][] bufs, int[] sizes, int[] segmentSizes,
        InetSocketAddress[] from, int offset) throws IOException {
      Datagram d;
      try {
        d = inbox.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ClosedChannelException();
      }
      if (d == CLOSED || closed) {
        inbox.offer(CLOSED);
        throw new ClosedChannelException();
      }
      int seg = d.data().length;
      int len = 0;
      int n = 0;
      while (d != null) {
        System.arraycopy(d.data(), 0, bufs[0], offset + len, d.data().length);
        len += d.data().length;
        n++;
        Datagram next = inbox.peek();
        if (d.data().length < seg || next == null || next == CLOSED || n == maxSegments()
            || !next.from().equals(d.from()) || next.data().length > seg
            || offset + len + next.data().length > bufs[0].length) {
          break;
        }
        d = inbox.poll();
      }
      if (n > 1) {
        mergedEntries.incrementAndGet();
      }
      sizes[0] = len;
      segmentSizes[0] = seg;
      from[0] = d.from();
      return 1;
    }
  }
}
