package dev.fulmar.helper.run;

import dev.fulmar.core.spi.IpPrefix;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an address range (a traffic selector) into the smallest list of CIDR prefixes that covers
 * exactly that range, so that negotiated selectors become routes. A selector that is already a
 * prefix becomes one route; an arbitrary range such as 10.0.0.5-10.0.0.9 becomes several.
 */
final class Prefixes {
  /** A range this wide would need more routes than any gateway announces on purpose. */
  static final int MAX_PREFIXES = 64;

  private Prefixes() {}

  /**
   * @throws IllegalArgumentException if the range is inverted, mixes families, or would need more
   *     than {@link #MAX_PREFIXES} prefixes
   */
  static List<IpPrefix> covering(InetAddress start, InetAddress end) {
    byte[] a = start.getAddress();
    byte[] b = end.getAddress();
    if (a.length != b.length) {
      throw new IllegalArgumentException("range mixes address families: " + start + " - " + end);
    }
    int bits = a.length * 8;
    BigInteger lo = new BigInteger(1, a);
    BigInteger hi = new BigInteger(1, b);
    if (lo.compareTo(hi) > 0) {
      throw new IllegalArgumentException("range start after its end: " + start + " - " + end);
    }
    List<IpPrefix> out = new ArrayList<>();
    while (lo.compareTo(hi) <= 0) {
      int size = lo.signum() == 0 ? bits : lo.getLowestSetBit();
      while (size > 0 && lo.add(BigInteger.ONE.shiftLeft(size)).subtract(BigInteger.ONE)
          .compareTo(hi) > 0) {
        size--;
      }
      if (out.size() == MAX_PREFIXES) {
        throw new IllegalArgumentException("the range " + start.getHostAddress() + " - "
            + end.getHostAddress() + " needs more than " + MAX_PREFIXES + " routes");
      }
      out.add(new IpPrefix(address(lo, a.length), bits - size));
      lo = lo.add(BigInteger.ONE.shiftLeft(size));
    }
    return out;
  }

  private static InetAddress address(BigInteger value, int length) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[length];
    int copy = Math.min(raw.length, length);
    System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
    try {
      return InetAddress.getByAddress(out);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("4 or 16 bytes are always an address", e);
    }
  }
}
