package dev.fulmar.adapters.linux;

import static dev.fulmar.adapters.linux.Native.LIBC;

import dev.fulmar.core.spi.NetworkMonitor;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Optional;
import jnr.ffi.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches link, address and route changes through an rtnetlink socket subscribed to {@code
 * RTMGRP_LINK}, {@code RTMGRP_IPV4_IFADDR}, {@code RTMGRP_IPV6_IFADDR}, {@code RTMGRP_IPV4_ROUTE}
 * and {@code RTMGRP_IPV6_ROUTE}, in the network namespace of the thread that opens it. One
 * thread ({@code runMonitorLoop}) joins that namespace (for index-to-name lookups), reads and
 * delivers; a receive-queue overflow ({@code ENOBUFS}) becomes one {@link
 * dev.fulmar.core.spi.NetworkChange.Kind#RESYNC} event.
 */
public final class LinuxNetlinkMonitor implements NetworkMonitor {

  private static final Logger LOG = LoggerFactory.getLogger(LinuxNetlinkMonitor.class);
  private static final int AF_NETLINK = 16;
  private static final int SOCK_RAW = 3;
  private static final int SOCK_NONBLOCK = 0x800;
  private static final int SOCK_CLOEXEC = 0x80000;
  private static final int NETLINK_ROUTE = 0;
  private static final int SOL_SOCKET = 1;
  private static final int SO_RCVBUF = 8;
  static final int GROUPS = 0x1 | 0x10 | 0x40 | 0x100 | 0x400;
  private static final int BUFFER = 64 * 1024;

  private final WakeableFd fd;
  private final int namespaceFd;
  private final Pointer buf = Native.allocate(BUFFER);
  private final byte[] heap = new byte[BUFFER];
  private final Pointer poll = WakeableFd.newPollFds();
  private final NetlinkParser parser = new NetlinkParser(LinuxNetlinkMonitor::nameOf);
  private Thread thread;

  private LinuxNetlinkMonitor(WakeableFd fd, int namespaceFd) {
    this.fd = fd;
    this.namespaceFd = namespaceFd;
  }

  /** Opens and subscribes the socket in the calling thread's network namespace. */
  public static LinuxNetlinkMonitor open() throws IOException {
    int s = LIBC.socket(AF_NETLINK, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, NETLINK_ROUTE);
    if (s < 0) {
      throw Native.error("netlink socket", Native.errno());
    }
    Pointer rcvbuf = Native.allocate(4);
    rcvbuf.putInt(0, 1 << 20);
    LIBC.setsockopt(s, SOL_SOCKET, SO_RCVBUF, rcvbuf, 4); // best effort: fewer overflows
    Pointer addr = Native.allocate(12); // sockaddr_nl { family, pad, pid, groups }
    addr.putShort(0, (short) AF_NETLINK);
    addr.putInt(8, GROUPS);
    if (LIBC.bind(s, addr, 12) != 0) {
      int err = Native.errno();
      LIBC.close(s);
      throw Native.error("bind netlink groups", err);
    }
    // Interface names are looked up by index in the monitor thread: it must join this namespace.
    int ns = LIBC.open("/proc/thread-self/ns/net", Native.O_CLOEXEC);
    return new LinuxNetlinkMonitor(new WakeableFd(s), ns);
  }

  @Override
  public synchronized void start(Listener listener) {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    thread = new Thread(() -> runMonitorLoop(listener), "fulmar-netlink-monitor");
    thread.setDaemon(true);
    thread.start();
  }

  private void runMonitorLoop(Listener listener) {
    if (namespaceFd >= 0) {
      // Fails without CAP_SYS_ADMIN, which only matters if start() ran in another namespace.
      LIBC.setns(namespaceFd, Native.CLONE_NEWNET);
      LIBC.close(namespaceFd);
    }
    try {
      while (true) {
        int n = receive();
        if (n < 0) {
          listener.onChange(NetlinkParser.resync());
          continue;
        }
        buf.get(0, heap, 0, n);
        parser.parse(heap, n, listener::onChange);
      }
    } catch (ClosedChannelException e) {
      // closed: the loop ends
    } catch (IOException | RuntimeException e) {
      LOG.warn("network monitor stopped: {}", e.toString());
    }
  }

  /** One datagram's length, or -1 after an overflow (events were lost). */
  private int receive() throws IOException {
    fd.enter();
    try {
      while (true) {
        long n = LIBC.recv(fd.fd(), buf, BUFFER, 0);
        if (n >= 0) {
          return (int) n;
        }
        int err = Native.errno();
        if (err == Native.ENOBUFS) {
          return -1;
        } else if (err == Native.EAGAIN) {
          fd.await(poll, Native.POLLIN);
        } else if (err != Native.EINTR) {
          throw Native.error("netlink recv", err);
        }
      }
    } finally {
      fd.exit();
    }
  }

  private static Optional<String> nameOf(int index) {
    Pointer name = Native.allocate(16);
    Pointer r = LIBC.if_indextoname(index, name);
    return r == null ? Optional.empty() : Optional.of(name.getString(0));
  }

  /** Malformed messages seen (for diagnostics). */
  public long malformedMessages() {
    return parser.malformed();
  }

  @Override
  public void close() {
    fd.close();
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null && t != Thread.currentThread()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
