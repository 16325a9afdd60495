package dev.fulmar.adapters.linux;

import static dev.fulmar.adapters.linux.Native.LIBC;

import java.io.IOException;
import java.net.InetSocketAddress;
import jnr.ffi.Pointer;

/**
 * The send side of {@link LinuxUdpTransport}: packs the caller's datagrams into runs (equal sizes,
 * the last of a run may be shorter), one {@code mmsghdr} per run with a {@code UDP_SEGMENT}
 * control message, and sends all runs with {@code sendmmsg}.
 */
final class UdpSender {

  private static final int DATA_CAP = 512 * 1024;

  private final LinuxUdpTransport t;
  private final Pointer data = Native.allocate(DATA_CAP);
  private final Pointer vec = Native.allocate(LinuxUdpTransport.BATCH * Mmsg.MMSGHDR);
  private final Pointer iovs = Native.allocate(LinuxUdpTransport.BATCH * Mmsg.IOVEC);
  private final Pointer controls =
      Native.allocate(LinuxUdpTransport.BATCH * Mmsg.CMSG_SPACE_INT);
  private final Pointer dest = Native.allocate(SockAddr.STORAGE_SIZE);
  private final Pointer poll = WakeableFd.newPollFds();
  private final int[] msgFirst = new int[LinuxUdpTransport.BATCH];
  private final int[] msgCount = new int[LinuxUdpTransport.BATCH];
  private final Pointer[] iovSlice = new Pointer[LinuxUdpTransport.BATCH];
  private final Pointer[] controlSlice = new Pointer[LinuxUdpTransport.BATCH];

  UdpSender(LinuxUdpTransport t) {
    this.t = t;
    for (int i = 0; i < LinuxUdpTransport.BATCH; i++) {
      iovSlice[i] = iovs.slice((long) i * Mmsg.IOVEC, Mmsg.IOVEC);
      controlSlice[i] = controls.slice((long) i * Mmsg.CMSG_SPACE_INT, Mmsg.CMSG_SPACE_INT);
    }
  }

  int send(byte[][] bufs, int[] sizes, int offset, int count, InetSocketAddress to)
      throws IOException {
    int nameLen = SockAddr.write(dest, 0, to, t.family());
    WakeableFd fd = t.fd();
    fd.enter();
    try {
      int next = 0;
      boolean gso = t.segmentation();
      while (next < count) {
        int msgs = build(bufs, sizes, offset, next, count, nameLen, gso);
        int failedAt = transmit(msgs, to);
        if (failedAt < 0) {
          next = msgFirst[msgs - 1] + msgCount[msgs - 1];
        } else {
          next = msgFirst[failedAt]; // resend from the refused run, one datagram per message
          gso = false;
        }
      }
      return count;
    } finally {
      fd.exit();
    }
  }

  /** Fills the message vector from datagram {@code first}; returns the number of messages. */
  private int build(byte[][] bufs, int[] sizes, int offset, int first, int count, int nameLen,
      boolean gso) {
    int msgs = 0;
    long pos = 0;
    int d = first;
    while (d < count && msgs < LinuxUdpTransport.BATCH) {
      int size = sizes[d];
      int run = 1;
      long bytes = size;
      while (gso && size > 0 && d + run < count && run < LinuxUdpTransport.MAX_SEGMENTS
          && sizes[d + run] <= size && bytes + sizes[d + run] <= LinuxUdpTransport.MAX_RUN_BYTES) {
        bytes += sizes[d + run];
        run++;
        if (sizes[d + run - 1] < size) {
          break; // a shorter datagram ends the run
        }
      }
      if (pos + bytes > DATA_CAP) {
        break;
      }
      for (int k = 0; k < run; k++) {
        data.put(pos, bufs[d + k], offset, sizes[d + k]);
        pos += sizes[d + k];
      }
      long iov = (long) msgs * Mmsg.IOVEC;
      Mmsg.setIov(iovs, iov, data.address() + pos - bytes, bytes);
      Pointer control = null;
      int controlLen = 0;
      if (run > 1) {
        control = controlSlice[msgs];
        Mmsg.putCmsg(control, 0, Mmsg.SOL_UDP, Mmsg.UDP_SEGMENT, size, 2);
        controlLen = Mmsg.CMSG_SPACE_INT;
      }
      Mmsg.set(vec, msgs, dest, nameLen, iovSlice[msgs], control, controlLen);
      msgFirst[msgs] = d;
      msgCount[msgs] = run;
      d += run;
      msgs++;
    }
    return msgs;
  }

  /**
   * Sends messages {@code [0, msgs)}; returns -1 when all went out, or the index of a
   * multi-segment message the kernel refused to segment (the caller resends without GSO).
   */
  private int transmit(int msgs, InetSocketAddress to) throws IOException {
    WakeableFd fd = t.fd();
    int done = 0;
    while (done < msgs) {
      int n = LIBC.sendmmsg(fd.fd(), vec.slice((long) done * Mmsg.MMSGHDR), msgs - done, 0);
      t.sendCalls.incrementAndGet();
      if (n > 0) {
        done += n;
        continue;
      }
      int err = Native.errno();
      if (err == Native.EAGAIN || err == Native.ENOBUFS) {
        fd.await(poll, Native.POLLOUT);
      } else if (err == Native.EINTR) {
        continue;
      } else if ((err == Native.EIO || err == Native.EINVAL) && msgCount[done] > 1) {
        if (err == Native.EIO) {
          t.disableSegmentation(); // the egress device cannot segment at all
        }
        return done;
      } else {
        throw Native.error("sendmmsg to " + to, err);
      }
    }
    return -1;
  }
}
