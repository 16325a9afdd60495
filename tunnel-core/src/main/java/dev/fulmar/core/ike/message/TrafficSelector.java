package dev.fulmar.core.ike.message;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One traffic selector of a TS payload (RFC 7296 §3.13.1): an IPv4 or IPv6 address range, an IP
 * protocol (0 for any) and a port range. Other selector types (FC, security labels) are rejected by
 * the decoder with INVALID_SYNTAX, as strongSwan does.
 *
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   TS Type     |IP Protocol ID*|       Selector Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Start Port*         |           End Port*           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * ~                         Starting Address*                     ~
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * ~                         Ending Address*                       ~
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Port ranges are not checked for order: start 65535 with end 0 is how RFC 7296 writes OPAQUE.
 *
 * @param ipv6 whether this is a TS_IPV6_ADDR_RANGE (else TS_IPV4_ADDR_RANGE)
 * @param ipProtocol the IP protocol number, 0 for any
 * @param startPort the first port
 * @param endPort the last port
 * @param start the first address, 4 or 16 octets
 * @param end the last address, 4 or 16 octets
 */
public record TrafficSelector(
    boolean ipv6, int ipProtocol, int startPort, int endPort, byte[] start, byte[] end) {

  /** Validates and copies. */
  public TrafficSelector {
    Bytes.checkRange(ipProtocol, 0xff, "IP protocol");
    Bytes.checkRange(startPort, 0xffff, "start port");
    Bytes.checkRange(endPort, 0xffff, "end port");
    start = Bytes.copy(start, "start");
    end = Bytes.copy(end, "end");
    int size = ipv6 ? 16 : 4;
    if (start.length != size || end.length != size) {
      throw new IllegalArgumentException(
          "addresses of a " + tsType(ipv6) + " have " + size + " octets");
    }
  }

  /** All IPv4 addresses, any protocol, all ports. */
  public static TrafficSelector ipv4Any() {
    return range(address("0.0.0.0"), address("255.255.255.255"));
  }

  /** All IPv6 addresses, any protocol, all ports. */
  public static TrafficSelector ipv6Any() {
    return range(address("::"), address("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
  }

  /** The addresses {@code first} to {@code last} (same family), any protocol, all ports. */
  public static TrafficSelector range(InetAddress first, InetAddress last) {
    boolean v6 = !(first instanceof Inet4Address);
    if (v6 == last instanceof Inet4Address) {
      throw new IllegalArgumentException("range mixes IPv4 and IPv6: " + first + " " + last);
    }
    return new TrafficSelector(v6, 0, 0, 0xffff, first.getAddress(), last.getAddress());
  }

  /** The subnet {@code network/prefixLength}, any protocol, all ports. */
  public static TrafficSelector subnet(InetAddress network, int prefixLength) {
    byte[] first = network.getAddress();
    Bytes.checkRange(prefixLength, first.length * 8, "prefix length");
    byte[] last = first.clone();
    for (int bit = prefixLength; bit < first.length * 8; bit++) {
      first[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
      last[bit / 8] |= (byte) (0x80 >>> (bit % 8));
    }
    return new TrafficSelector(first.length == 16, 0, 0, 0xffff, first, last);
  }

  /** The same selector restricted to one IP protocol and port range. */
  public TrafficSelector withProtocolAndPorts(int protocol, int firstPort, int lastPort) {
    return new TrafficSelector(ipv6, protocol, firstPort, lastPort, start, end);
  }

  /** TS_IPV4_ADDR_RANGE or TS_IPV6_ADDR_RANGE. */
  public TsType tsType() {
    return tsType(ipv6);
  }

  @Override
  public byte[] start() {
    return start.clone();
  }

  @Override
  public byte[] end() {
    return end.clone();
  }

  /** The first address. */
  public InetAddress startAddress() {
    return toAddress(start);
  }

  /** The last address. */
  public InetAddress endAddress() {
    return toAddress(end);
  }

  int encodedLength() {
    return ipv6 ? IkeSpec.TS_IPV6_LENGTH : IkeSpec.TS_IPV4_LENGTH;
  }

  void encode(ByteBuffer out) {
    out.put((byte) tsType().value());
    out.put((byte) ipProtocol);
    out.putShort((short) encodedLength());
    out.putShort((short) startPort);
    out.putShort((short) endPort);
    out.put(start);
    out.put(end);
  }

  static TrafficSelector decode(Reader r, int index) throws InvalidSyntaxException {
    String where = "traffic selector " + index;
    TsType type = TsType.valueOf(r.u8(where + " TS Type"));
    int protocol = r.u8(where + " IP Protocol ID");
    int length = r.u16(where + " Selector Length");
    boolean v6 = type.equals(TsType.IPV6_ADDR_RANGE);
    if (!v6 && !type.equals(TsType.IPV4_ADDR_RANGE)) {
      throw r.error("%s has unsupported type %s", where, type);
    }
    int expected = v6 ? IkeSpec.TS_IPV6_LENGTH : IkeSpec.TS_IPV4_LENGTH;
    if (length != expected) {
      throw r.error("%s: %s with Selector Length %d, must be %d", where, type, length, expected);
    }
    int startPort = r.u16(where + " Start Port");
    int endPort = r.u16(where + " End Port");
    int size = v6 ? 16 : 4;
    byte[] first = r.bytes(size, where + " Starting Address");
    byte[] last = r.bytes(size, where + " Ending Address");
    return new TrafficSelector(v6, protocol, startPort, endPort, first, last);
  }

  private static TsType tsType(boolean v6) {
    return v6 ? TsType.IPV6_ADDR_RANGE : TsType.IPV4_ADDR_RANGE;
  }

  private static InetAddress toAddress(byte[] raw) {
    try {
      return InetAddress.getByAddress(raw);
    } catch (UnknownHostException e) {
      throw new AssertionError(e); // 4 or 16 octets, checked in the constructor
    }
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal); // a literal: no name lookup
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrafficSelector t
        && t.ipv6 == ipv6
        && t.ipProtocol == ipProtocol
        && t.startPort == startPort
        && t.endPort == endPort
        && Arrays.equals(t.start, start)
        && Arrays.equals(t.end, end);
  }

  @Override
  public int hashCode() {
    int h = ((Boolean.hashCode(ipv6) * 31 + ipProtocol) * 31 + startPort) * 31 + endPort;
    return (h * 31 + Arrays.hashCode(start)) * 31 + Arrays.hashCode(end);
  }

  @Override
  public String toString() {
    return startAddress().getHostAddress()
        + "-"
        + endAddress().getHostAddress()
        + " proto "
        + ipProtocol
        + " ports "
        + startPort
        + "-"
        + endPort;
  }
}
