package dev.fulmar.core.datapath;

import dev.fulmar.core.spi.TunDevice;
import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises writes to the TUN device: the inbound loop writes decrypted packets and the outbound
 * loop writes ICMP too-big replies, but {@link TunDevice} allows one writer at a time.
 */
final class TunWriter {
  private final TunDevice tun;
  private final ReentrantLock lock = new ReentrantLock();

  TunWriter(TunDevice tun) {
    this.tun = tun;
  }

  int write(byte[][] bufs, int[] sizes, int offset, int count) throws IOException {
    if (count == 0) {
      return 0;
    }
    lock.lock();
    try {
      return tun.write(bufs, sizes, offset, count);
    } finally {
      lock.unlock();
    }
  }
}
