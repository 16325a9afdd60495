package dev.fulmar.adapters.linux;

import static dev.fulmar.adapters.linux.Native.LIBC;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import jnr.ffi.Pointer;

/** Socket setup for {@link LinuxUdpTransport}: creation, options, bind. */
final class UdpSockets {

  private static final int SOCK_DGRAM = 2;
  private static final int SOCK_NONBLOCK = 0x800;
  private static final int SOCK_CLOEXEC = 0x80000;
  private static final int SOL_SOCKET = 1;
  private static final int SO_SNDBUF = 7;
  private static final int SO_RCVBUF = 8;
  private static final int SO_SNDBUFFORCE = 32;
  private static final int SO_RCVBUFFORCE = 33;
  private static final int BUFFER_BYTES = 4 << 20;

  private UdpSockets() {}

  static int open(int family) throws IOException {
    int s = LIBC.socket(family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (s < 0) {
      throw Native.error("socket", Native.errno());
    }
    // Large buffers absorb bursts of super-datagrams; FORCE needs CAP_NET_ADMIN, else best effort.
    setInt(s, SOL_SOCKET, SO_SNDBUFFORCE, BUFFER_BYTES, SO_SNDBUF);
    setInt(s, SOL_SOCKET, SO_RCVBUFFORCE, BUFFER_BYTES, SO_RCVBUF);
    return s;
  }

  /** True when the kernel knows UDP_SEGMENT (Linux 4.18+). */
  static boolean probeSegmentation(int s) {
    Pointer v = Native.allocate(4);
    Pointer len = Native.allocate(4);
    len.putInt(0, 4);
    return LIBC.getsockopt(s, Mmsg.SOL_UDP, Mmsg.UDP_SEGMENT, v, len) == 0;
  }

  /** Turns on UDP_GRO (Linux 5.0+); false when refused. */
  static boolean enableGro(int s) {
    Pointer one = Native.allocate(4);
    one.putInt(0, 1);
    return LIBC.setsockopt(s, Mmsg.SOL_UDP, Mmsg.UDP_GRO, one, 4) == 0;
  }

  /** Binds and returns the bound address (with the port the kernel chose for port 0). */
  static InetSocketAddress bind(int s, InetSocketAddress local, int family) throws IOException {
    Pointer addr = Native.allocate(SockAddr.STORAGE_SIZE);
    int len = SockAddr.write(addr, 0, local, family);
    if (LIBC.bind(s, addr, len) != 0) {
      throw Native.error("bind " + local, Native.errno());
    }
    Pointer alen = Native.allocate(4);
    alen.putInt(0, SockAddr.STORAGE_SIZE);
    if (LIBC.getsockname(s, addr, alen) != 0) {
      throw Native.error("getsockname", Native.errno());
    }
    InetSocketAddress bound = SockAddr.read(addr, 0, null, new byte[16]);
    InetAddress a = local.getAddress();
    // Keep the caller's address object (e.g. a scoped IPv6 one); only the port is new.
    return new InetSocketAddress(a, bound.getPort());
  }

  private static void setInt(int s, int level, int name, int value, int fallbackName) {
    Pointer v = Native.allocate(4);
    v.putInt(0, value);
    if (LIBC.setsockopt(s, level, name, v, 4) != 0) {
      LIBC.setsockopt(s, level, fallbackName, v, 4);
    }
  }
}
