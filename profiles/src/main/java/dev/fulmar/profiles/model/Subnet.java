package dev.fulmar.profiles.model;

import java.util.Objects;
import java.util.Optional;

/**
 * An IP prefix, {@code 10.20.0.0/16} or {@code 2001:db8::/32}: network address and prefix length.
 * Parsing requires the host bits to be zero, so that a typo such as {@code 10.20.0.1/16} is seen.
 */
public record Subnet(IpAddress address, int prefixLength) {

  public Subnet {
    Objects.requireNonNull(address, "address");
    if (prefixLength < 0 || prefixLength > address.bits()) {
      throw new IllegalArgumentException("prefix length out of range");
    }
  }

  /** IPv4 everything: {@code 0.0.0.0/0}. */
  public static final Subnet ALL_IPV4 = new Subnet(IpAddress.of("0.0.0.0"), 0);

  /** IPv6 everything: {@code ::/0}. */
  public static final Subnet ALL_IPV6 = new Subnet(IpAddress.of("::"), 0);

  /**
   * Parses {@code address/prefix} (a bare address is a host prefix), returning an error message in
   * plain words for anything else.
   */
  public static Result parse(String text) {
    int slash = text.indexOf('/');
    String addr = slash < 0 ? text : text.substring(0, slash);
    Optional<IpAddress> ip = IpAddress.parse(addr);
    if (ip.isEmpty()) {
      return new Result(
          null, "'" + text + "' is not a subnet (expected address/prefix, e.g. 10.0.0.0/8)");
    }
    int prefix = ip.get().bits();
    if (slash >= 0) {
      String p = text.substring(slash + 1);
      if (p.isEmpty()
          || p.length() > 3
          || !p.chars().allMatch(Character::isDigit)
          || Integer.parseInt(p) > ip.get().bits()) {
        return new Result(
            null, "'" + text + "' has an invalid prefix length (0 to " + ip.get().bits() + ")");
      }
      prefix = Integer.parseInt(p);
    }
    Subnet s = new Subnet(ip.get(), prefix);
    if (!s.hostBitsZero()) {
      return new Result(
          null, "'" + text + "' has host bits set: did you mean " + s.network() + "?");
    }
    return new Result(s, null);
  }

  /** Parses text known to be valid (importers, tests). */
  public static Subnet of(String text) {
    Result r = parse(text);
    if (r.subnet() == null) {
      throw new IllegalArgumentException(r.error());
    }
    return r.subnet();
  }

  /**
   * Builds the prefix from an address and a dotted netmask ({@code 255.255.0.0}), if contiguous.
   */
  public static Optional<Subnet> fromMask(IpAddress address, IpAddress mask) {
    if (address.isIpv6() || mask.isIpv6()) {
      return Optional.empty();
    }
    byte[] m = mask.address().getAddress();
    int bits = ((m[0] & 0xff) << 24) | ((m[1] & 0xff) << 16) | ((m[2] & 0xff) << 8) | (m[3] & 0xff);
    int len = Integer.bitCount(bits);
    if (len != 0 && bits != (-1 << (32 - len))) {
      return Optional.empty();
    }
    return Optional.of(new Subnet(address, len).network());
  }

  /** This prefix with the host bits cleared. */
  public Subnet network() {
    byte[] a = address.address().getAddress();
    for (int i = 0; i < a.length; i++) {
      int keep = Math.max(0, Math.min(8, prefixLength - i * 8));
      a[i] &= (byte) (0xff << (8 - keep));
    }
    try {
      return new Subnet(new IpAddress(java.net.InetAddress.getByAddress(a)), prefixLength);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  boolean hostBitsZero() {
    return network().address.equals(address);
  }

  @Override
  public String toString() {
    return address + "/" + prefixLength;
  }

  /** A parsed subnet or the reason it is not one. */
  public record Result(Subnet subnet, String error) {}
}
