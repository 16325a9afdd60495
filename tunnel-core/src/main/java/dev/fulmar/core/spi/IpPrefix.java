package dev.fulmar.core.spi;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * An IPv4 or IPv6 network prefix such as {@code 10.1.0.0/16} or {@code 2001:db8::/32}: a route
 * destination, a pushed subnet, a traffic-selector range that is a prefix, or a LAN range.
 *
 * <p>The address is the network address: host bits must be zero, so that a route written from a
 * prefix and the route the OS reports back compare equal.
 */
public record IpPrefix(InetAddress network, int length) {

  /** Validates that {@code network} has no bits set past {@code length}. */
  public IpPrefix {
    Objects.requireNonNull(network, "network");
    int max = maxLength(network);
    if (length < 0 || length > max) {
      throw new IllegalArgumentException(
          "prefix length " + length + " out of range 0.." + max + " for " + network.getHostAddress());
    }
    byte[] bytes = network.getAddress();
    if (!hostBitsZero(bytes, length)) {
      throw new IllegalArgumentException(
          network.getHostAddress() + "/" + length + " has host bits set; did you mean "
              + network(bytes, length).getHostAddress() + "/" + length + "?");
    }
  }

  /** The prefix of length {@code length} that contains {@code address} (host bits cleared). */
  public static IpPrefix containing(InetAddress address, int length) {
    if (length < 0 || length > maxLength(address)) {
      throw new IllegalArgumentException("prefix length " + length + " out of range");
    }
    return new IpPrefix(network(address.getAddress(), length), length);
  }

  /** The prefix holding exactly {@code address} ({@code /32} or {@code /128}). */
  public static IpPrefix host(InetAddress address) {
    return new IpPrefix(address, maxLength(address));
  }

  /**
   * Parses {@code "a.b.c.d/n"} or {@code "x::y/n"}; a missing {@code /n} means a host prefix.
   * Never resolves names.
   *
   * @throws IllegalArgumentException naming the text when it is not a literal prefix
   */
  public static IpPrefix parse(String text) {
    Objects.requireNonNull(text, "text");
    int slash = text.indexOf('/');
    String addr = slash < 0 ? text : text.substring(0, slash);
    InetAddress address = IpLiterals.parse(addr, text);
    if (slash < 0) {
      return host(address);
    }
    String len = text.substring(slash + 1);
    if (len.isEmpty() || len.length() > 3 || !len.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("not a prefix length in '" + text + "'");
    }
    return new IpPrefix(address, Integer.parseInt(len));
  }

  /** True for an IPv4 prefix. */
  public boolean isIpv4() {
    return network instanceof Inet4Address;
  }

  /** True when this is {@code 0.0.0.0/0} or {@code ::/0}. */
  public boolean isDefault() {
    return length == 0;
  }

  /** True when {@code address} (of the same family) lies inside this prefix. */
  public boolean contains(InetAddress address) {
    if ((address instanceof Inet4Address) != isIpv4()) {
      return false;
    }
    byte[] a = address.getAddress();
    byte[] n = network.getAddress();
    for (int bit = 0; bit < length; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((a[bit / 8] & mask) != (n[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  /** True when every address of {@code other} lies inside this prefix. */
  public boolean contains(IpPrefix other) {
    return other.length >= length && contains(other.network);
  }

  @Override
  public String toString() {
    return network.getHostAddress() + "/" + length;
  }

  static int maxLength(InetAddress address) {
    return address instanceof Inet4Address ? 32 : 128;
  }

  private static boolean hostBitsZero(byte[] bytes, int length) {
    for (int bit = length; bit < bytes.length * 8; bit++) {
      if ((bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
        return false;
      }
    }
    return true;
  }

  private static InetAddress network(byte[] bytes, int length) {
    byte[] out = bytes.clone();
    for (int bit = length; bit < out.length * 8; bit++) {
      out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    try {
      return InetAddress.getByAddress(out);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a 4- or 16-byte address is always valid", e);
    }
  }
}
