package dev.fulmar.core.spi;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of the host's network state, as the OS reported it: the input for MOBIKE address
 * updates (RFC 4555), reconnects after a network switch, and resume from suspend.
 *
 * @param kind what changed
 * @param interfaceIndex the OS interface index, or 0 when the OS did not say
 * @param interfaceName the interface name when known
 * @param address for address events the interface address; for route events the destination
 *     network; empty for link events
 * @param prefixLength the prefix length that goes with {@code address} (0 without address)
 */
public record NetworkChange(
    Kind kind,
    int interfaceIndex,
    Optional<String> interfaceName,
    Optional<InetAddress> address,
    int prefixLength) {

  /** What changed. */
  public enum Kind {
    ADDRESS_ADDED,
    ADDRESS_REMOVED,
    ROUTE_ADDED,
    ROUTE_REMOVED,
    LINK_UP,
    LINK_DOWN,
    LINK_REMOVED,
    /**
     * Events were lost (the OS's queue overflowed): state may have changed in any way, so the
     * listener must re-examine the network as a whole.
     */
    RESYNC
  }

  /** Checks the fields. */
  public NetworkChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(interfaceName, "interfaceName");
    Objects.requireNonNull(address, "address");
    int max = address.map(IpPrefix::maxLength).orElse(0);
    if (prefixLength < 0 || prefixLength > max) {
      throw new IllegalArgumentException("prefix length " + prefixLength + " out of range");
    }
  }

  @Override
  public String toString() {
    return kind + " " + interfaceName.orElse("#" + interfaceIndex)
        + address.map(a -> " " + a.getHostAddress() + "/" + prefixLength).orElse("");
  }
}
