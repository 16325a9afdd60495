package dev.fulmar.core.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * One change of the host's network state, as the OS reported it: the input for MOBIKE address
 * updates (RFC 4555), reconnects after a network switch, and resume from suspend.
 *
 * @param kind what changed
 * @param interfaceIndex the OS interface index, or 0 when the OS did not say
 * @param interfaceName the interface name when known, else empty
 * @param prefix the address (with its prefix length) or route destination concerned; empty for
 *     link events
 */
public record NetworkChange(
    Kind kind, int interfaceIndex, Optional<String> interfaceName, Optional<IpPrefix> prefix) {

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
    Objects.requireNonNull(prefix, "prefix");
  }
}
