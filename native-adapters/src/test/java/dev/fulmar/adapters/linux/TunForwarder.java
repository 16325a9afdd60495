package dev.fulmar.adapters.linux;

import dev.fulmar.core.spi.TunDevice;
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
    thread = new Thread(() -> runForwardLoop(from, to, headroom), "fwd-" + from.name());
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
  @Override
  public void close() {
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
