package dev.fulmar.core.spi;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * An address the gateway assigned to this client (IKEv2 configuration payload
 * {@code INTERNAL_IP4_ADDRESS} / {@code INTERNAL_IP6_ADDRESS}), with the prefix length of the
 * on-link network it implies: usually {@code /32} for IPv4 and the pushed length for IPv6.
 */
public record TunnelAddress(InetAddress address, int prefixLength) {

  /** Validates the prefix length against the address family. */
  public TunnelAddress {
    Objects.requireNonNull(address, "address");
    int max = IpPrefix.maxLength(address);
    if (prefixLength < 1 || prefixLength > max) {
      throw new IllegalArgumentException(
          "prefix length " + prefixLength + " out of range 1.." + max + " for "
              + address.getHostAddress());
    }
    if (address.isAnyLocalAddress() || address.isMulticastAddress()
        || address.isLoopbackAddress()) {
      throw new IllegalArgumentException(
          address.getHostAddress() + " cannot be assigned to a tunnel interface");
    }
  }

  /** A single-host address ({@code /32} or {@code /128}). */
  public static TunnelAddress host(InetAddress address) {
    return new TunnelAddress(address, IpPrefix.maxLength(address));
  }

  /** True for IPv4. */
  public boolean isIpv4() {
    return address instanceof Inet4Address;
  }

  @Override
  public String toString() {
    return address.getHostAddress() + "/" + prefixLength;
  }
}
