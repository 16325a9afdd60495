package dev.fulmar.adapters.linux;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import jnr.ffi.Pointer;

/**
 * {@code struct sockaddr_in} / {@code sockaddr_in6} in native memory. The family is in host byte
 * order, the port in network byte order. An IPv4 peer of an IPv6 socket is written as an
 * IPv4-mapped address; reading one back yields an {@link Inet4Address}.
 */
final class SockAddr {

  static final int AF_INET = 2;
  static final int AF_INET6 = 10;
  static final int IN_SIZE = 16;
  static final int IN6_SIZE = 28;
  static final int STORAGE_SIZE = 128;

  private SockAddr() {}

  /** Writes {@code a} for a socket of {@code family}; returns the length to pass to the kernel. */
  static int write(Pointer p, long off, InetSocketAddress a, int family) {
    InetAddress ip = a.getAddress();
    if (family == AF_INET) {
      if (!(ip instanceof Inet4Address)) {
        throw new IllegalArgumentException("IPv6 destination " + a + " on an IPv4 socket");
      }
      p.setMemory(off, IN_SIZE, (byte) 0);
      p.putShort(off, (short) AF_INET);
      putPort(p, off + 2, a.getPort());
      p.put(off + 4, ip.getAddress(), 0, 4);
      return IN_SIZE;
    }
    byte[] raw = ip.getAddress();
    if (raw.length == 4) {
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      System.arraycopy(raw, 0, mapped, 12, 4);
      raw = mapped;
    }
    p.setMemory(off, IN6_SIZE, (byte) 0);
    p.putShort(off, (short) AF_INET6);
    putPort(p, off + 2, a.getPort());
    p.put(off + 8, raw, 0, 16);
    if (ip instanceof Inet6Address v6) {
      p.putInt(off + 24, v6.getScopeId());
    }
    return IN6_SIZE;
  }

  /**
   * Reads the address at {@code off}, reusing {@code last} when it is the same peer (the common
   * case on a tunnel socket), so that the receive path allocates nothing per datagram.
   */
  static InetSocketAddress read(Pointer p, long off, InetSocketAddress last, byte[] scratch16) {
    int family = p.getShort(off) & 0xffff;
    int port = ((p.getByte(off + 2) & 0xff) << 8) | (p.getByte(off + 3) & 0xff);
    int len;
    if (family == AF_INET) {
      p.get(off + 4, scratch16, 0, 4);
      len = 4;
    } else if (family == AF_INET6) {
      p.get(off + 8, scratch16, 0, 16);
      len = 16;
    } else {
      return null;
    }
    if (last != null && last.getPort() == port && sameAddress(last.getAddress(), scratch16, len)) {
      return last;
    }
    try {
      return new InetSocketAddress(
          InetAddress.getByAddress(java.util.Arrays.copyOf(scratch16, len)), port);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static boolean sameAddress(InetAddress a, byte[] raw, int len) {
    byte[] b = a.getAddress();
    if (len == 16 && b.length == 4) {
      for (int i = 0; i < 10; i++) {
        if (raw[i] != 0) {
          return false;
        }
      }
      if (raw[10] != (byte) 0xff || raw[11] != (byte) 0xff) {
        return false;
      }
      return java.util.Arrays.equals(b, 0, 4, raw, 12, 16);
    }
    return b.length == len && java.util.Arrays.equals(b, 0, len, raw, 0, len);
  }

  private static void putPort(Pointer p, long off, int port) {
    p.putByte(off, (byte) (port >>> 8));
    p.putByte(off + 1, (byte) port);
  }
}
