package dev.fulmar.adapters.linux;

import static dev.fulmar.adapters.linux.Native.LIBC;

import dev.fulmar.core.spi.TunDevice;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import jnr.ffi.Pointer;

/**
 * A Linux TUN device ({@code /dev/net/tun}, {@code IFF_TUN | IFF_NO_PI}) without offloads: one
 * packet per {@code read}/{@code write} system call, but several packets per {@link #read} call
 * when they are queued, so that the data path can batch its side.
 *
 * <p>The device exists as long as its descriptor is open: {@link #close()} (or the death of the
 * process) removes it together with its addresses and routes. Created by {@link
 * LinuxTunDeviceFactory}.
 */
class LinuxTunDevice implements TunDevice {

  /** Packets per {@link #read}/{@link #write} call. */
  static final int BATCH = 64;
  static final int MAX_PACKET = 65535;

  final WakeableFd fd;
  private final String name;
  private final int mtu;
  private final Runnable onClose;
  private final Pointer readBuf = Native.allocate(MAX_PACKET + 16);
  private final Pointer readPoll = WakeableFd.newPollFds();
  private final Pointer writeBuf = Native.allocate(MAX_PACKET + 16);
  private final Pointer writePoll = WakeableFd.newPollFds();
  private final AtomicLong rejectedWrites = new AtomicLong();
  final AtomicLong oversizeReads = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();

  LinuxTunDevice(WakeableFd fd, String name, int mtu, Runnable onClose) {
    this.fd = fd;
    this.name = name;
    this.mtu = mtu;
    this.onClose = onClose;
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
    return BATCH;
  }

  /** Packets the kernel refused on {@link #write} (malformed), dropped and counted. */
  public long rejectedWrites() {
    return rejectedWrites.get();
  }

  /** Packets dropped on read because the caller's buffer could not hold them. */
  public long oversizeReads() {
    return oversizeReads.get();
  }

  @Override
  public int read(byte[][] bufs, int[] sizes, int offset) throws IOException {
    fd.enter();
    try {
      int count = 0;
      while (count < bufs.length) {
        int n = readOnce(readBuf, MAX_PACKET, count == 0);
        if (n < 0) {
          break; // queue drained after at least one packet
        }
        if (n > bufs[count].length - offset) {
          oversizeReads.incrementAndGet(); // the caller's buffer is smaller than the MTU
          continue;
        }
        readBuf.get(0, bufs[count], offset, n);
        sizes[count++] = n;
      }
      return count;
    } finally {
      fd.exit();
    }
  }

  @Override
  public int write(byte[][] bufs, int[] sizes, int offset, int count) throws IOException {
    fd.enter();
    try {
      int written = 0;
      for (int i = 0; i < count; i++) {
        writeBuf.put(0, bufs[i], offset, sizes[i]);
        if (writeOnce(writeBuf, sizes[i])) {
          written++;
        }
      }
      return written;
    } finally {
      fd.exit();
    }
  }

  /**
   * Reads one packet into {@code buf}; inside a section.
   *
   * @param block wait for a packet; otherwise return -1 when none is queued
   * @return the packet length, or -1
   */
  final int readOnce(Pointer buf, int capacity, boolean block) throws IOException {
    while (true) {
      long n = LIBC.read(fd.fd(), buf, capacity);
      if (n >= 0) {
        return (int) n;
      }
      int err = Native.errno();
      if (err == Native.EAGAIN) {
        if (!block) {
          return -1;
        }
        fd.await(readPoll, Native.POLLIN);
      } else if (err != Native.EINTR) {
        throw Native.error("read from " + name, err);
      }
    }
  }

  /**
   * Writes one packet from {@code buf}; inside a section.
   *
   * @return false when the kernel rejected the packet as malformed (dropped and counted)
   */
  final boolean writeOnce(Pointer buf, int length) throws IOException {
    while (true) {
      long n = LIBC.write(fd.fd(), buf, length);
      if (n >= 0) {
        return true;
      }
      int err = Native.errno();
      if (err == Native.EAGAIN) {
        fd.await(writePoll, Native.POLLOUT);
      } else if (err == Native.EINVAL || err == Native.EIO || err == Native.EMSGSIZE) {
        rejectedWrites.incrementAndGet();
        return false;
      } else if (err != Native.EINTR) {
        throw Native.error("write to " + name, err);
      }
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      fd.close();
      onClose.run();
    }
  }

  @Override
  public String toString() {
    return "LinuxTunDevice[" + name + ", mtu " + mtu + "]";
  }
}
