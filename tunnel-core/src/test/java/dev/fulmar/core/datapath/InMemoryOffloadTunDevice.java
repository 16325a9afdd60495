package dev.fulmar.core.datapath;

import dev.fulmar.core.spi.TunDevice;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An in-memory TUN with the TSO capability: {@link #injectSuper} plays the kernel handing over a
 * TCP super-packet with its virtio-net header; writes go to the wrapped {@link InMemoryTunDevice}.
 */
public final class InMemoryOffloadTunDevice implements TunDevice, TunSegmentationOffload {
  private record Super(byte[] packet, GsoInfo.Type type, int mss) {}

  private static final Super CLOSED = new Super(new byte[0], GsoInfo.Type.NONE, 0);

  private final InMemoryTunDevice written;
  private final LinkedBlockingQueue<Super> toRead = new LinkedBlockingQueue<>();

  public InMemoryOffloadTunDevice(InMemoryTunDevice written) {
    this.written = written;
  }

  /** Queues a packet with GSO type {@code type} and segment size {@code mss}. */
  public void injectSuper(byte[] packet, GsoInfo.Type type, int mss) {
    toRead.add(new Super(packet.clone(), type, mss));
  }

  @Override
  public int maxSuperPacket() {
    return 65535;
  }

  @Override
  public int readSuperPackets(byte[][] bufs, int[] sizes, GsoInfo[] gso, int offset)
      throws IOException {
    Super s;
    try {
      s = toRead.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClosedChannelException();
    }
    if (s == CLOSED) {
      toRead.offer(CLOSED);
      throw new ClosedChannelException();
    }
    System.arraycopy(s.packet(), 0, bufs[0], offset, s.packet().length);
    sizes[0] = s.packet().length;
    gso[0].clear();
    gso[0].type = s.type();
    gso[0].segmentSize = s.mss();
    return 1;
  }

  /** One packet the data path wrote with offload metadata. */
  public record SuperWrite(byte[] packet, GsoInfo.Type type, int segmentSize,
      boolean needsChecksum, int checksumStart, int checksumOffset) {}

  private final LinkedBlockingQueue<SuperWrite> superWrites = new LinkedBlockingQueue<>();

  /** The next packet written through {@link #writeSuperPackets}, or null after the timeout. */
  public SuperWrite takeSuperWrite(long timeoutMs) throws InterruptedException {
    return superWrites.poll(timeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  @Override
  public int writeSuperPackets(byte[][] bufs, int[] sizes, GsoInfo[] gso, int offset, int count)
      throws IOException {
    for (int i = 0; i < count; i++) {
      GsoInfo g = gso[i];
      superWrites.add(new SuperWrite(
          java.util.Arrays.copyOfRange(bufs[i], offset, offset + sizes[i]), g.type,
          g.segmentSize, g.needsChecksum, g.checksumStart, g.checksumOffset));
    }
    return count;
  }

  @Override
  public String name() {
    return "tso0";
  }

  @Override
  public int mtu() {
    return 1400;
  }

  @Override
  public int batchSize() {
    return 4;
  }

  @Override
  public int read(byte[][] bufs, int[] sizes, int offset) throws IOException {
    throw new IOException("this device is read with readSuperPackets");
  }

  @Override
  public int write(byte[][] bufs, int[] sizes, int offset, int count) throws IOException {
    return written.write(bufs, sizes, offset, count);
  }

  @Override
  public void close() {
    toRead.offer(CLOSED);
    written.close();
  }
}
