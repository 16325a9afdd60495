package dev.fulmar.adapters.linux;

import dev.fulmar.core.spi.GsoInfo;
import dev.fulmar.core.spi.TunDevice;
import dev.fulmar.core.spi.TunSegmentationOffload;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Moves packets from one TUN device to another on its own thread, batch by batch: the data path
 * without encryption, to drive the devices with real kernel traffic.
 */
final class TunForwarder implements AutoCloseable {

  final AtomicLong packets = new AtomicLong();
  final AtomicLong calls = new AtomicLong();
  final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Thread thread;

  TunForwarder(TunDevice from, TunDevice to, int headroom) {
    this(from, to, headroom, false);
  }

  /** With {@code raw}, super-packets go through unsplit with their GSO metadata. */
  TunForwarder(TunDevice from, TunDevice to, int headroom, boolean raw) {
    thread = new Thread(() -> {
      if (raw) {
        runRawForwardLoop((TunSegmentationOffload) from, (TunSegmentationOffload) to, headroom);
      } else {
        runForwardLoop(from, to, headroom);
      }
    }, "fwd-" + from.name());
    thread.setDaemon(true);
    thread.start();
  }

  private void runForwardLoop(TunDevice from, TunDevice to, int headroom) {
    int batch = from.batchSize();
    byte[][] bufs = new byte[batch][headroom + 65536];
    int[] sizes = new int[batch];
    try {
      while (true) {
        int n = from.read(bufs, sizes, headroom);
        calls.incrementAndGet();
        packets.addAndGet(n);
        to.write(bufs, sizes, headroom, n);
      }
    } catch (ClosedChannelException e) {
      // one side closed: done
    } catch (IOException | RuntimeException e) {
      failure.set(e);
    }
  }

  /** Waits for the loop to end (it ends when a device closes). */
  private void runRawForwardLoop(TunSegmentationOffload from, TunSegmentationOffload to,
      int headroom) {
    int batch = 8;
    byte[][] bufs = new byte[batch][headroom + from.maxSuperPacket()];
    int[] sizes = new int[batch];
    GsoInfo[] gso = new GsoInfo[batch];
    for (int i = 0; i < batch; i++) {
      gso[i] = new GsoInfo();
    }
    try {
      while (true) {
        int n = from.readSuperPackets(bufs, sizes, gso, headroom);
        calls.incrementAndGet();
        packets.addAndGet(n);
        to.writeSuperPackets(bufs, sizes, gso, headroom, n);
      }
    } catch (ClosedChannelException e) {
      // one side closed: done
    } catch (IOException | RuntimeException e) {
      failure.set(e);
    }
  }

  @Override
  public void close() {
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
