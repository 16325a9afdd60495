package dev.fulmar.core.datapath;

import dev.fulmar.core.spi.TunDevice;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link TunDevice} in memory: {@link #inject} plays the OS handing a packet to the tunnel,
 * {@link #takeWritten} returns what the data path wrote towards the OS, and {@link #writeCalls}
 * how many packets each write call carried.
 */
public final class InMemoryTunDevice implements TunDevice {
  private static final byte[] CLOSED = new byte[0];

  private final String name;
  private final int mtu;
  private final int batchSize;
  private final LinkedBlockingQueue<byte[]> toRead = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<byte[]> written = new LinkedBlockingQueue<>();
  private final Queue<Integer> writeCalls = new ConcurrentLinkedQueue<>();
  private volatile boolean closed;

  public InMemoryTunDevice(String name, int mtu, int batchSize) {
    this.name = name;
    this.mtu = mtu;
    this.batchSize = batchSize;
  }

  /** Queues {@code packet} for the data path to read. */
  public void inject(byte[] packet) {
    toRead.add(packet.clone());
  }

  /** The next packet the data path wrote, or null after {@code timeoutMs}. */
  public byte[] takeWritten(long timeoutMs) throws InterruptedException {
    return written.poll(timeoutMs, TimeUnit.MILLISECONDS);
  }

  /** The queue of written packets (tests may inspect or clear it). */
  public java.util.Queue<byte[]> written() {
    return written;
  }

  /** The number of packets of every write call so far, in order. */
  public List<Integer> writeCalls() {
    return List.copyOf(writeCalls);
  }

  /** Packets written and not yet taken. */
  public int writtenPending() {
    return written.size();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int mtu() {
    return mtu;
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public int read(byte[][] bufs, int[] sizes, int offset) throws IOException {
    byte[] first;
    try {
      first = toRead.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClosedChannelException();
    }
    if (first == CLOSED || closed) {
      toRead.offer(CLOSED);
      throw new ClosedChannelException();
    }
    int n = 0;
    byte[] p = first;
    while (p != null) {
      System.arraycopy(p, 0, bufs[n], offset, p.length);
      sizes[n++] = p.length;
      if (n == bufs.length) {
        break;
      }
      p = toRead.peek() == CLOSED ? null : toRead.poll();
    }
    return n;
  }

  @Override
  public int write(byte[][] bufs, int[] sizes, int offset, int count) throws IOException {
    if (closed) {
      throw new ClosedChannelException();
    }
    writeCalls.add(count);
    for (int i = 0; i < count; i++) {
      written.add(Arrays.copyOfRange(bufs[i], offset, offset + sizes[i]));
    }
    return count;
  }

  @Override
  public void close() {
    closed = true;
    toRead.offer(CLOSED);
  }
}
