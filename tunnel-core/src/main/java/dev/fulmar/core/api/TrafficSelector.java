package dev.fulmar.core.api;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * One traffic selector (RFC 7296 §3.13.1): an inclusive address range of one family, an IP
 * protocol (0 = any) and an inclusive port range. The session's parameters ask for them, the
 * negotiation narrows them, and the ESP data path checks every packet against the negotiated ones.
 * Printed as a CIDR prefix when the range is one.
 *
 * <p>The addresses are kept as raw bytes so that {@link #matches} and {@link #containsAddressAt}
 * read the packet in place and allocate nothing per packet; {@link #start()} and {@link #end()}
 * build an {@link InetAddress} on each call, for the control plane. The wire form is {@code
 * ike.message.TrafficSelector}.
 */
public final class TrafficSelector {
  private static final int PROTO_TCP = 6;
  private static final int PROTO_UDP = 17;
  private static final int PROTO_SCTP = 132;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private final byte[] start;
  private final byte[] end;
  /**
   * The range as unsigned numbers for the per-packet check: an IPv4 address in the low 32 bits
   * of {@code *Lo} ({@code *Hi} unused), an IPv6 address as two 64-bit halves.
   */
  private final long startHi;
  private final long startLo;
  private final long endHi;
  private final long endLo;
  private final int ipProtocol;
  private final int startPort;
  private final int endPort;

  /**
   * A selector for an address range, protocol (0 = any) and port range.
   *
   * @throws IllegalArgumentException for mixed address families, a range that ends before it
   *     starts, or a protocol or port out of range
   */
  public TrafficSelector(
      InetAddress start, InetAddress end, int ipProtocol, int startPort, int endPort) {
    this(start.getAddress(), end.getAddress(), ipProtocol, startPort, endPort);
  }

  private TrafficSelector(byte[] start, byte[] end, int ipProtocol, int startPort, int endPort) {
    if (start.length != end.length) {
      throw new IllegalArgumentException("traffic selector mixes IPv4 and IPv6");
    }
    if (Arrays.compareUnsigned(start, end) > 0) {
      throw new IllegalArgumentException("traffic selector start address after end address");
    }
    if (ipProtocol < 0 || ipProtocol > 255) {
      throw new IllegalArgumentException("IP protocol out of range: " + ipProtocol);
    }
    if (startPort < 0 || endPort > 65535 || startPort > endPort) {
      throw new IllegalArgumentException("bad port range " + startPort + "-" + endPort);
    }
    this.start = start;
    this.end = end;
    boolean v6 = start.length == 16;
    this.startHi = v6 ? (long) LONGS.get(start, 0) : 0;
    this.startLo = v6 ? (long) LONGS.get(start, 8) : (int) INTS.get(start, 0) & 0xffffffffL;
    this.endHi = v6 ? (long) LONGS.get(end, 0) : 0;
    this.endLo = v6 ? (long) LONGS.get(end, 8) : (int) INTS.get(end, 0) & 0xffffffffL;
    this.ipProtocol = ipProtocol;
    this.startPort = startPort;
    this.endPort = endPort;
  }

  /** All addresses, protocols and ports of one address family. */
  public static TrafficSelector all(boolean ipv6) {
    return subnet(ipv6 ? "::/0" : "0.0.0.0/0");
  }

  /** Every protocol and port of a CIDR prefix such as {@code 198.51.100.0/24}. */
  public static TrafficSelector subnet(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a CIDR prefix (no '/'): " + cidr);
    }
    String literal = cidr.substring(0, slash);
    if (!IpLiterals.isLiteral(literal)) {
      throw new IllegalArgumentException("not an IP address literal: " + literal);
    }
    int prefix;
    try {
      prefix = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad prefix length in " + cidr, e);
    }
    return subnet(IpLiterals.parse(literal), prefix);
  }

  /** Every protocol and port of {@code base/prefixLength}. */
  public static TrafficSelector subnet(InetAddress base, int prefixLength) {
    byte[] raw = base.getAddress();
    if (prefixLength < 0 || prefixLength > raw.length * 8) {
      throw new IllegalArgumentException("prefix length " + prefixLength + " for " + base);
    }
    byte[] lo = raw.clone();
    byte[] hi = raw.clone();
    for (int bit = prefixLength; bit < raw.length * 8; bit++) {
      lo[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
      hi[bit / 8] |= (byte) (0x80 >>> (bit % 8));
    }
    return new TrafficSelector(lo, hi, 0, 0, 65535);
  }

  /** The first address of the range. */
  public InetAddress start() {
    return address(start);
  }

  /** The last address of the range. */
  public InetAddress end() {
    return address(end);
  }

  /** The IP protocol, 0 for any. */
  public int ipProtocol() {
    return ipProtocol;
  }

  public int startPort() {
    return startPort;
  }

  public int endPort() {
    return endPort;
  }

  /** Whether this selector covers IPv6 addresses. */
  public boolean isIpv6() {
    return start.length == 16;
  }

  /** The prefix length if the address range is exactly one CIDR prefix, else -1. */
  public int prefixLength() {
    int bits = start.length * 8;
    int len = 0;
    while (len < bits && bit(start, len) == bit(end, len)) {
      len++;
    }
    for (int i = len; i < bits; i++) {
      if (bit(start, i) != 0 || bit(end, i) != 1) {
        return -1;
      }
    }
    return len;
  }

  private static int bit(byte[] b, int i) {
    return (b[i / 8] >>> (7 - i % 8)) & 1;
  }

  /** Copies the range's first address into {@code dst[off..]} without allocating; its length. */
  public int copyStartAddress(byte[] dst, int off) {
    System.arraycopy(start, 0, dst, off, start.length);
    return start.length;
  }

  /** True if the address of this selector's family at {@code buf[off]} lies in the range. */
  public boolean containsAddressAt(byte[] buf, int off) {
    if (start.length == 4) {
      long a = (int) INTS.get(buf, off) & 0xffffffffL;
      return a >= startLo && a <= endLo;
    }
    long hi = (long) LONGS.get(buf, off);
    long lo = (long) LONGS.get(buf, off + 8);
    return compare(hi, lo, startHi, startLo) >= 0 && compare(hi, lo, endHi, endLo) <= 0;
  }

  /** Compares two 128-bit unsigned numbers given as halves. */
  private static int compare(long aHi, long aLo, long bHi, long bLo) {
    int c = Long.compareUnsigned(aHi, bHi);
    return c != 0 ? c : Long.compareUnsigned(aLo, bLo);
  }

  /**
   * True if the IP packet at {@code buf[off, off+len)} matches: its source (if {@code source}) or
   * destination address, protocol and port. The packet header must already be validated (at least
   * a full IPv4/IPv6 header present). Allocates nothing.
   */
  public boolean matches(byte[] buf, int off, int len, boolean source) {
    boolean v6 = (buf[off] & 0xF0) == 0x60;
    if (v6 != isIpv6()) {
      return false;
    }
    int addrOff = v6 ? off + (source ? 8 : 24) : off + (source ? 12 : 16);
    if (!containsAddressAt(buf, addrOff)) {
      return false;
    }
    int proto = v6 ? buf[off + 6] & 0xFF : buf[off + 9] & 0xFF;
    if (ipProtocol != 0 && ipProtocol != proto) {
      return false;
    }
    if (startPort == 0 && endPort == 65535) {
      return true;
    }
    int l4 = v6 ? off + 40 : off + (buf[off] & 0x0F) * 4;
    boolean firstFragment = v6 || (((buf[off + 6] & 0x1F) << 8) | (buf[off + 7] & 0xFF)) == 0;
    boolean hasPorts = proto == PROTO_TCP || proto == PROTO_UDP || proto == PROTO_SCTP;
    if (!hasPorts || !firstFragment || l4 + 4 > off + len) {
      return false;
    }
    int p = l4 + (source ? 0 : 2);
    int port = ((buf[p] & 0xFF) << 8) | (buf[p + 1] & 0xFF);
    return port >= startPort && port <= endPort;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TrafficSelector)) {
      return false;
    }
    TrafficSelector t = (TrafficSelector) o;
    return Arrays.equals(start, t.start) && Arrays.equals(end, t.end)
        && ipProtocol == t.ipProtocol && startPort == t.startPort && endPort == t.endPort;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        Arrays.hashCode(start), Arrays.hashCode(end), ipProtocol, startPort, endPort);
  }

  /** {@code 10.0.0.0/8}, or {@code first-last}, with {@code [protocol/ports]} unless any. */
  @Override
  public String toString() {
    int len = prefixLength();
    String range =
        len >= 0
            ? IpLiterals.format(start) + "/" + len
            : IpLiterals.format(start) + "-" + IpLiterals.format(end);
    if (ipProtocol == 0 && startPort == 0 && endPort == 65535) {
      return range;
    }
    return range + "[" + ipProtocol + "/" + startPort + "-" + endPort + "]";
  }

  private static InetAddress address(byte[] raw) {
    try {
      return InetAddress.getByAddress(raw);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
