package dev.fulmar.core.api;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * One traffic selector (RFC 7296 §3.13.1): an address range, an IP protocol (0 = any) and a port
 * range. Printed as a CIDR prefix when the range is one.
 */
public record TrafficSelector(
    InetAddress start, InetAddress end, int ipProtocol, int startPort, int endPort) {

  public TrafficSelector {
    if (start.getClass() != end.getClass()) {
      throw new IllegalArgumentException("mixed address families: " + start + " - " + end);
    }
    if (new BigInteger(1, start.getAddress()).compareTo(new BigInteger(1, end.getAddress())) > 0) {
      throw new IllegalArgumentException("start after end: " + start + " - " + end);
    }
    if (ipProtocol < 0 || ipProtocol > 255 || startPort < 0 || endPort > 65535
        || startPort > endPort) {
      throw new IllegalArgumentException("bad protocol or port range");
    }
  }

  /** All addresses, protocols and ports of one address family. */
  public static TrafficSelector all(boolean ipv6) {
    return subnet(ipv6 ? "::/0" : "0.0.0.0/0");
  }

  /** The addresses of a CIDR prefix such as {@code 10.0.0.0/8}, any protocol and port. */
  public static TrafficSelector subnet(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a CIDR prefix: " + cidr);
    }
    InetAddress base = IpLiterals.parse(cidr.substring(0, slash));
    int bits = Integer.parseInt(cidr.substring(slash + 1));
    return subnet(base, bits);
  }

  /** The addresses of {@code base/prefixLength}. */
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
    return new TrafficSelector(address(lo), address(hi), 0, 0, 65535);
  }

  /** Whether this selector covers IPv6 addresses. */
  public boolean isIpv6() {
    return !(start instanceof Inet4Address);
  }

  /** The prefix length if the address range is exactly one CIDR prefix, else -1. */
  public int prefixLength() {
    byte[] lo = start.getAddress();
    byte[] hi = end.getAddress();
    int bits = lo.length * 8;
    for (int len = 0; len <= bits; len++) {
      if (Arrays.equals(subnet(start, len).end().getAddress(), hi)
          && Arrays.equals(subnet(start, len).start().getAddress(), lo)) {
        return len;
      }
    }
    return -1;
  }

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
      throw new IllegalArgumentException(e);
    }
  }
}
