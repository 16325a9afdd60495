package dev.fulmar.core.ike.message;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One configuration attribute of a CP payload (RFC 7296 §3.15.1). In a CFG_REQUEST the value is
 * usually empty ("please assign one"); in a CFG_REPLY it carries the assigned value.
 *
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |R|         Attribute Type      |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * ~                             Value                             ~
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Attributes whose value is an address have their length checked (RFC 7296 §3.15.1: zero or the
 * listed length); others, e.g. INTERNAL_DNS_DOMAIN (RFC 8598), carry any octets.
 *
 * @param type the attribute type (the reserved R bit is ignored on receipt, sent as zero)
 * @param value the value, possibly empty
 */
public record ConfigAttribute(ConfigAttributeType type, byte[] value) {

  /** Validates and copies. */
  public ConfigAttribute {
    Bytes.checkRange(type.value(), ConfigAttributeType.MAX_VALUE, "attribute type");
    value = Bytes.copy(value, "value");
    Bytes.checkRange(value.length, 0xffff, "attribute length");
    String problem = lengthProblem(type, value.length);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** A request for {@code type} with an empty value. */
  public static ConfigAttribute request(ConfigAttributeType type) {
    return new ConfigAttribute(type, new byte[0]);
  }

  /** An address attribute, e.g. INTERNAL_IP4_ADDRESS or INTERNAL_IP4_DNS. */
  public static ConfigAttribute address(ConfigAttributeType type, InetAddress address) {
    return new ConfigAttribute(type, address.getAddress());
  }

  /** An address with prefix length: INTERNAL_IP6_ADDRESS or INTERNAL_IP6_SUBNET (17 octets). */
  public static ConfigAttribute ip6Prefix(ConfigAttributeType type, Inet6Address a, int prefix) {
    Bytes.checkRange(prefix, 128, "prefix length");
    return new ConfigAttribute(
        type, ByteBuffer.allocate(17).put(a.getAddress()).put((byte) prefix).array());
  }

  /** INTERNAL_IP4_SUBNET: network address and netmask (8 octets). */
  public static ConfigAttribute ip4Subnet(Inet4Address network, Inet4Address netmask) {
    return new ConfigAttribute(
        ConfigAttributeType.INTERNAL_IP4_SUBNET,
        ByteBuffer.allocate(8).put(network.getAddress()).put(netmask.getAddress()).array());
  }

  /**
   * A text attribute, e.g. INTERNAL_DNS_DOMAIN or APPLICATION_VERSION.
   *
   * @throws IllegalArgumentException if {@code text} has non-ASCII characters
   */
  public static ConfigAttribute text(ConfigAttributeType type, String text) {
    if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
      throw new IllegalArgumentException(type + " is ASCII text: " + text);
    }
    return new ConfigAttribute(type, text.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  /**
   * The address at the start of the value: 4 octets for IPv4 attributes, 16 for IPv6 ones.
   *
   * @throws IllegalStateException if the value is empty or too short to hold an address
   */
  public InetAddress address() {
    int size = isIpv6(type) ? 16 : 4;
    if (value.length < size) {
      throw new IllegalStateException(type + " carries no address");
    }
    return toAddress(value, 0, size);
  }

  private static InetAddress toAddress(byte[] b, int from) {
    return toAddress(b, from, 4);
  }

  private static InetAddress toAddress(byte[] b, int from, int size) {
    try {
      return InetAddress.getByAddress(Arrays.copyOfRange(b, from, from + size));
    } catch (UnknownHostException e) {
      throw new AssertionError(e); // 4 or 16 octets
    }
  }

  /** The value as text (INTERNAL_DNS_DOMAIN, APPLICATION_VERSION); non-ASCII octets become '?'. */
  public String text() {
    return new String(value, StandardCharsets.US_ASCII);
  }

  int encodedLength() {
    return 4 + value.length;
  }

  void encode(ByteBuffer out) {
    out.putShort((short) type.value());
    out.putShort((short) value.length);
    out.put(value);
  }

  static ConfigAttribute decode(Reader r, int index) throws InvalidSyntaxException {
    String where = "attribute " + index;
    ConfigAttributeType type = ConfigAttributeType.valueOf(r.u16(where + " type") & 0x7fff);
    int length = r.u16(where + " Length");
    String problem = lengthProblem(type, length);
    if (problem != null) {
      throw r.error("%s: %s", where, problem);
    }
    return new ConfigAttribute(type, r.bytes(length, where + " " + type + " value"));
  }

  private static String lengthProblem(ConfigAttributeType type, int length) {
    int expected = fixedLength(type);
    if (expected < 0 || length == 0 || length == expected) {
      return null;
    }
    return type + " of " + length + " octets, must be 0 or " + expected;
  }

  private static int fixedLength(ConfigAttributeType t) {
    return switch (t.value()) {
      case 1, 2, 3, 4, 6 -> 4; // INTERNAL_IP4_ADDRESS, _NETMASK, _DNS, _NBNS, _DHCP
      case 10, 12 -> 16; // INTERNAL_IP6_DNS, _DHCP
      case 8, 15 -> 17; // INTERNAL_IP6_ADDRESS, _SUBNET: address and prefix length
      case 13 -> 8; // INTERNAL_IP4_SUBNET: address and netmask
      default -> -1;
    };
  }

  private static boolean isIpv6(ConfigAttributeType t) {
    return fixedLength(t) == 16 || fixedLength(t) == 17;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfigAttribute a && a.type.equals(type) && Arrays.equals(a.value, value);
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    if (value.length == 0) {
      return type.toString();
    }
    int size = fixedLength(type);
    if (size == 4 || size == 16) {
      return type + "=" + address().getHostAddress();
    }
    if (size == 17) {
      return type + "=" + address().getHostAddress() + "/" + (value[16] & 0xff);
    }
    if (size == 8) {
      return type + "=" + address().getHostAddress() + "/" + toAddress(value, 4).getHostAddress();
    }
    return type + "=" + Bytes.brief(value);
  }
}
