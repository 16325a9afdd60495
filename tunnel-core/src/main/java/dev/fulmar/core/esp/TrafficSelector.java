package dev.fulmar.core.esp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/**
 * One negotiated traffic selector (RFC 7296 §3.13.1): an inclusive address range of one family,
 * an IP protocol (0 = any) and an inclusive port range. Matching reads the addresses straight from
 * the packet bytes, so route lookup and inner-packet checks allocate nothing.
 */
public final class TrafficSelector {
  private final byte[] start;
  private final byte[] end;
  private final int protocol;
  private final int startPort;
  private final int endPort;

  private TrafficSelector(byte[] start, byte[] end, int protocol, int startPort, int endPort) {
    if (start.length != end.length) {
      throw new IllegalArgumentException("traffic selector mixes IPv4 and IPv6");
    }
    if (Arrays.compareUnsigned(start, end) > 0) {
      throw new IllegalArgumentException("traffic selector start address after end address");
    }
    if (protocol < 0 || protocol > 255) {
      throw new IllegalArgumentException("IP protocol out of range: " + protocol);
    }
    if (startPort < 0 || endPort > 65535 || startPort > endPort) {
      throw new IllegalArgumentException("bad port range " + startPort + "-" + endPort);
    }
    this.start = start;
    this.end = end;
    this.protocol = protocol;
    this.startPort = startPort;
    this.endPort = endPort;
  }

  /** A selector for an address range, protocol (0 = any) and port range. */
  public static TrafficSelector of(
      InetAddress start, InetAddress end, int protocol, int startPort, int endPort) {
    return new TrafficSelector(
        start.getAddress(), end.getAddress(), protocol, startPort, endPort);
  }

  /** Every protocol and port of the subnet {@code cidr}, e.g. {@code "198.51.100.0/24"}. */
  public static TrafficSelector subnet(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a CIDR prefix (no '/'): " + cidr);
    }
    byte[] base = parseLiteral(cidr.substring(0, slash));
    int prefix;
    try {
      prefix = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad prefix length in " + cidr, e);
    }
    if (prefix < 0 || prefix > base.length * 8) {
      throw new IllegalArgumentException("prefix length out of range in " + cidr);
    }
    byte[] lo = base.clone();
    byte[] hi = base.clone();
    for (int bit = prefix; bit < base.length * 8; bit++) {
      lo[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
      hi[bit / 8] |= (byte) (0x80 >>> (bit % 8));
    }
    return new TrafficSelector(lo, hi, 0, 0, 65535);
  }

  /** All of IPv4. */
  public static TrafficSelector anyIpv4() {
    return subnet("0.0.0.0/0");
  }

  /** All of IPv6. */
  public static TrafficSelector anyIpv6() {
    return subnet("::/0");
  }

  private static byte[] parseLiteral(String literal) {
    if (literal.isEmpty() || !(literal.indexOf(':') >= 0 || Character.isDigit(literal.charAt(0)))) {
      throw new IllegalArgumentException("not an IP address literal: " + literal);
    }
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address literal: " + literal, e);
    }
  }

  public boolean isIpv6() {
    return start.length == 16;
  }

  public InetAddress startAddress() {
    return addr(start);
  }

  public InetAddress endAddress() {
    return addr(end);
  }

  public int protocol() {
    return protocol;
  }

  public int startPort() {
    return startPort;
  }

  public int endPort() {
    return endPort;
  }

  private static InetAddress addr(byte[] b) {
    try {
      return InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Copies the range's first address into {@code dst[off..]} without allocating; its length. */
  public int copyStartAddress(byte[] dst, int off) {
    System.arraycopy(start, 0, dst, off, start.length);
    return start.length;
  }

  /** True if the address of this selector's family at {@code buf[off]} lies in the range. */
  public boolean containsAddressAt(byte[] buf, int off) {
    int n = start.length;
    return Arrays.compareUnsigned(buf, off, off + n, start, 0, n) >= 0
        && Arrays.compareUnsigned(buf, off, off + n, end, 0, n) <= 0;
  }

  /**
   * True if the IP packet at {@code buf[off, off+len)} matches: its source (if {@code source}) or
   * destination address, protocol and port. The packet header must already be validated (at least
   * a full IPv4/IPv6 header present).
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
    if (protocol != 0 && protocol != proto) {
      return false;
    }
    if (startPort == 0 && endPort == 65535) {
      return true;
    }
    int l4 = v6 ? off + 40 : off + (buf[off] & 0x0F) * 4;
    boolean firstFragment = v6 || (((buf[off + 6] & 0x1F) << 8) | (buf[off + 7] & 0xFF)) == 0;
    boolean hasPorts = proto == EspSpec.PROTO_TCP || proto == EspSpec.PROTO_UDP || proto == 132;
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
    return Arrays.equals(start, t.start) && Arrays.equals(end, t.end) && protocol == t.protocol
        && startPort == t.startPort && endPort == t.endPort;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(start), Arrays.hashCode(end), protocol, startPort, endPort);
  }

  @Override
  public String toString() {
    return startAddress().getHostAddress() + ".." + endAddress().getHostAddress()
        + " proto " + protocol + " ports " + startPort + "-" + endPort;
  }
}
