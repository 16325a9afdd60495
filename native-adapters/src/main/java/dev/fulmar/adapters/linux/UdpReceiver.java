package dev.fulmar.adapters.linux;

import static dev.fulmar.adapters.linux.Native.LIBC;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import jnr.ffi.Pointer;

/**
 * The receive side of {@link LinuxUdpTransport}: {@code recvmmsg} into slots large enough for a
 * coalesced (GRO) super-datagram, then hands out one datagram per caller buffer, splitting
 * super-datagrams at the segment size the kernel reported. What does not fit into the caller's
 * batch stays pending for the next call.
 */
final class UdpReceiver {

  static final int SLOTS = 16;
  static final int SLOT_SIZE = 65536;
  private static final int CONTROL = 64;

  private final LinuxUdpTransport t;
  private final Pointer data = Native.allocate(SLOTS * SLOT_SIZE);
  private final Pointer vec = Native.allocate(SLOTS * Mmsg.MMSGHDR);
  private final Pointer iovs = Native.allocate(SLOTS * Mmsg.IOVEC);
  private final Pointer names = Native.allocate(SLOTS * SockAddr.STORAGE_SIZE);
  private final Pointer controls = Native.allocate(SLOTS * CONTROL);
  private final Pointer poll = WakeableFd.newPollFds();
  private final int[] slotLen = new int[SLOTS];
  private final int[] slotSegment = new int[SLOTS];
  private final InetSocketAddress[] slotFrom = new InetSocketAddress[SLOTS];
  private final byte[] scratch = new byte[16];
  private InetSocketAddress lastFrom;
  private int slots;
  private int slot;
  private int slotOffset;
  final AtomicLong oversize = new AtomicLong();

  UdpReceiver(LinuxUdpTransport t) {
    this.t = t;
    for (int i = 0; i < SLOTS; i++) {
      Mmsg.setIov(iovs, (long) i * Mmsg.IOVEC, data.address() + (long) i * SLOT_SIZE, SLOT_SIZE);
      Mmsg.set(vec, i, names.slice((long) i * SockAddr.STORAGE_SIZE, SockAddr.STORAGE_SIZE),
          SockAddr.STORAGE_SIZE, iovs.slice((long) i * Mmsg.IOVEC, Mmsg.IOVEC),
          controls.slice((long) i * CONTROL, CONTROL), CONTROL);
    }
  }

  int receive(byte[][] bufs, int[] sizes, InetSocketAddress[] from, int offset)
      throws IOException {
    int n = 0;
    while (n < bufs.length) {
      if (slot >= slots) {
        if (n > 0) {
          break; // hand over what is here rather than wait for more
        }
        fill();
        continue;
      }
      int len = slotLen[slot];
      int seg = slotSegment[slot];
      int dlen = seg > 0 ? Math.min(seg, len - slotOffset) : len;
      if (dlen > bufs[n].length - offset) {
        oversize.incrementAndGet();
      } else {
        data.get((long) slot * SLOT_SIZE + slotOffset, bufs[n], offset, dlen);
        sizes[n] = dlen;
        from[n] = slotFrom[slot];
        n++;
      }
      slotOffset += dlen;
      if (seg <= 0 || slotOffset >= len) {
        slot++;
        slotOffset = 0;
      }
    }
    return n;
  }

  /** Blocks until at least one datagram is in the slots. */
  private void fill() throws IOException {
    WakeableFd fd = t.fd();
    fd.enter();
    try {
      int n;
      while (true) {
        for (int i = 0; i < SLOTS; i++) {
          Mmsg.resetForReceive(vec, i, SockAddr.STORAGE_SIZE, CONTROL);
        }
        n = LIBC.recvmmsg(fd.fd(), vec, SLOTS, 0, null);
        t.receiveCalls.incrementAndGet();
        if (n > 0) {
          break;
        }
        int err = Native.errno();
        if (err == Native.EAGAIN) {
          fd.await(poll, Native.POLLIN);
        } else if (err != Native.EINTR) {
          throw Native.error("recvmmsg on " + t.localAddress(), err);
        }
      }
      collect(n);
    } finally {
      fd.exit();
    }
  }

  /** Keeps the {@code n} received messages that are usable, in order, as the pending slots. */
  private void collect(int n) {
    int kept = 0;
    for (int i = 0; i < n; i++) {
      long m = (long) i * Mmsg.MMSGHDR;
      int len = vec.getInt(m + Mmsg.MSG_LEN);
      InetSocketAddress src = SockAddr.read(names, (long) i * SockAddr.STORAGE_SIZE, lastFrom,
          scratch);
      if ((vec.getInt(m + Mmsg.MSG_FLAGS) & Mmsg.MSG_TRUNC) != 0 || src == null) {
        oversize.incrementAndGet();
        continue;
      }
      lastFrom = src;
      if (kept != i) {
        data.transferTo((long) i * SLOT_SIZE, data, (long) kept * SLOT_SIZE, len);
      }
      slotLen[kept] = len;
      slotSegment[kept] = Mmsg.groSize(vec, i, controls, (long) i * CONTROL, CONTROL);
      slotFrom[kept] = src;
      kept++;
    }
    slots = kept;
    slot = 0;
    slotOffset = 0;
  }
}
