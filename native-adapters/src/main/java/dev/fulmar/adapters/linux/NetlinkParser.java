package dev.fulmar.adapters.linux;

import dev.fulmar.core.spi.NetworkChange;
import dev.fulmar.core.spi.NetworkChange.Kind;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Decodes rtnetlink notifications (rtnetlink(7)) into {@link NetworkChange}s. Every length is
 * checked against the datagram; a malformed message ends the parse of its datagram and is
 * counted, never thrown.
 *
 * <pre>
 * nlmsghdr:   u32 len | u16 type | u16 flags | u32 seq | u32 pid          (host byte order)
 * ifinfomsg:  u8 family | u8 pad | u16 type | i32 index | u32 flags | u32 change
 * ifaddrmsg:  u8 family | u8 prefixlen | u8 flags | u8 scope | u32 index
 * rtmsg:      u8 family | u8 dst_len | u8 src_len | u8 tos | u8 table | u8 protocol
 *             | u8 scope | u8 type | u32 flags
 * rtattr:     u16 len | u16 type | value, padded to 4 bytes
 * </pre>
 */
final class NetlinkParser {

  static final int NLMSG_HDRLEN = 16;
  static final int RTM_NEWLINK = 16;
  static final int RTM_DELLINK = 17;
  static final int RTM_NEWADDR = 20;
  static final int RTM_DELADDR = 21;
  static final int RTM_NEWROUTE = 24;
  static final int RTM_DELROUTE = 25;
  static final int NLMSG_OVERRUN = 4;
  private static final int IFLA_IFNAME = 3;
  private static final int IFA_ADDRESS = 1;
  private static final int IFA_LOCAL = 2;
  private static final int RTA_DST = 1;
  private static final int RTA_OIF = 4;
  private static final int RTA_TABLE = 15;
  private static final int RT_TABLE_MAIN = 254;
  private static final int RTN_UNICAST = 1;
  private static final int IFF_UP = 0x1;
  private static final int IFF_LOWER_UP = 0x10000;
  private static final int AF_INET = 2;
  private static final int AF_INET6 = 10;

  private final IntFunction<Optional<String>> names;
  private long malformed;

  /** {@code names} maps an interface index to its name where the message lacks it. */
  NetlinkParser(IntFunction<Optional<String>> names) {
    this.names = names;
  }

  /** Messages that did not parse since this parser was made. */
  long malformed() {
    return malformed;
  }

  /** Decodes every message in {@code buf[0 .. len)} and hands each change to {@code out}. */
  void parse(byte[] buf, int len, Consumer<NetworkChange> out) {
    ByteBuffer b = ByteBuffer.wrap(buf, 0, len).order(ByteOrder.nativeOrder());
    int pos = 0;
    while (pos + NLMSG_HDRLEN <= len) {
      int msgLen = b.getInt(pos);
      int type = b.getShort(pos + 4) & 0xffff;
      if (msgLen < NLMSG_HDRLEN || msgLen > len - pos) {
        malformed++;
        return;
      }
      ByteBuffer body = slice(b, pos + NLMSG_HDRLEN, msgLen - NLMSG_HDRLEN);
      NetworkChange c = switch (type) {
        case RTM_NEWLINK, RTM_DELLINK -> link(type, body);
        case RTM_NEWADDR, RTM_DELADDR -> address(type, body);
        case RTM_NEWROUTE, RTM_DELROUTE -> route(type, body);
        case NLMSG_OVERRUN -> resync();
        default -> null;
      };
      if (c != null) {
        out.accept(c);
      }
      pos += align(msgLen);
    }
  }

  static NetworkChange resync() {
    return new NetworkChange(Kind.RESYNC, 0, Optional.empty(), Optional.empty(), 0);
  }

  private NetworkChange link(int type, ByteBuffer m) {
    if (m.remaining() < 16) {
      malformed++;
      return null;
    }
    int index = m.getInt(4);
    int flags = m.getInt(8);
    byte[] name = attribute(m, 16, IFLA_IFNAME);
    Optional<String> ifname = name == null ? names.apply(index) : Optional.of(cString(name));
    Kind kind = type == RTM_DELLINK ? Kind.LINK_REMOVED
        : (flags & IFF_UP) != 0 && (flags & IFF_LOWER_UP) != 0 ? Kind.LINK_UP : Kind.LINK_DOWN;
    return new NetworkChange(kind, index, ifname, Optional.empty(), 0);
  }

  private NetworkChange address(int type, ByteBuffer m) {
    if (m.remaining() < 8) {
      malformed++;
      return null;
    }
    int family = m.get(0) & 0xff;
    int prefix = m.get(1) & 0xff;
    int index = m.getInt(4);
    byte[] local = attribute(m, 8, IFA_LOCAL);
    byte[] addr = local != null && family == AF_INET ? local : attribute(m, 8, IFA_ADDRESS);
    Optional<InetAddress> a = inet(family, addr);
    if (a.isEmpty() || prefix > (family == AF_INET ? 32 : 128)) {
      malformed++;
      return null;
    }
    Kind kind = type == RTM_NEWADDR ? Kind.ADDRESS_ADDED : Kind.ADDRESS_REMOVED;
    return new NetworkChange(kind, index, names.apply(index), a, prefix);
  }

  private NetworkChange route(int type, ByteBuffer m) {
    if (m.remaining() < 12) {
      malformed++;
      return null;
    }
    int family = m.get(0) & 0xff;
    int dstLen = m.get(1) & 0xff;
    int table = m.get(4) & 0xff;
    byte[] t = attribute(m, 12, RTA_TABLE);
    if (t != null && t.length >= 4) {
      table = ByteBuffer.wrap(t).order(ByteOrder.nativeOrder()).getInt();
    }
    if (table != RT_TABLE_MAIN || (m.get(7) & 0xff) != RTN_UNICAST
        || (family != AF_INET && family != AF_INET6)) {
      return null; // local/broadcast/other tables follow address changes: not news
    }
    if (dstLen > (family == AF_INET ? 32 : 128)) {
      malformed++;
      return null;
    }
    byte[] dst = attribute(m, 12, RTA_DST);
    Optional<InetAddress> d = dst == null
        ? inet(family, new byte[family == AF_INET ? 4 : 16]) : inet(family, dst);
    if (d.isEmpty()) {
      malformed++;
      return null;
    }
    byte[] oif = attribute(m, 12, RTA_OIF);
    int index = oif != null && oif.length >= 4
        ? ByteBuffer.wrap(oif).order(ByteOrder.nativeOrder()).getInt() : 0;
    Kind kind = type == RTM_NEWROUTE ? Kind.ROUTE_ADDED : Kind.ROUTE_REMOVED;
    return new NetworkChange(kind, index, index == 0 ? Optional.empty() : names.apply(index), d,
        dstLen);
  }

  /** The value of the first attribute of {@code type} after the fixed header, or null. */
  private byte[] attribute(ByteBuffer m, int start, int type) {
    int pos = start;
    while (pos + 4 <= m.remaining()) {
      int len = m.getShort(pos) & 0xffff;
      int t = m.getShort(pos + 2) & 0x3fff; // without NLA_F_NESTED / NLA_F_NET_BYTEORDER
      if (len < 4 || len > m.remaining() - pos) {
        malformed++;
        return null;
      }
      if (t == type) {
        byte[] v = new byte[len - 4];
        m.get(pos + 4, v);
        return v;
      }
      pos += align(len);
    }
    return null;
  }

  private static Optional<InetAddress> inet(int family, byte[] raw) {
    int want = family == AF_INET ? 4 : family == AF_INET6 ? 16 : -1;
    if (raw == null || raw.length != want) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByAddress(raw));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static String cString(byte[] b) {
    int n = 0;
    while (n < b.length && b[n] != 0) {
      n++;
    }
    return new String(b, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
  }

  private static ByteBuffer slice(ByteBuffer b, int off, int len) {
    return b.slice(off, len).order(ByteOrder.nativeOrder());
  }

  static int align(int len) {
    return (len + 3) & ~3;
  }
}
