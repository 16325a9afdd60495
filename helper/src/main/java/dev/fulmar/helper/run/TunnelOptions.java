package dev.fulmar.helper.run;

import dev.fulmar.core.api.KeyLogSink;
import java.util.Optional;

/**
 * How to run a tunnel beyond what the profile says.
 *
 * @param offload use kernel offloads (TUN TSO/GSO with {@code IFF_VNET_HDR}, UDP GSO/GRO) where
 *     the kernel has them; false forces the plain one-packet path (benchmarks, tests)
 * @param pathMtu the MTU towards the gateway, or 0 to take the outgoing interface's
 * @param keyLog where to write the SA keys for Wireshark, if asked for
 */
public record TunnelOptions(boolean offload, int pathMtu, Optional<KeyLogSink> keyLog) {
  /** Offloads on, path MTU from the interface, no key log. */
  public static final TunnelOptions DEFAULTS = new TunnelOptions(true, 0, Optional.empty());

  public TunnelOptions {
    if (pathMtu != 0 && (pathMtu < 576 || pathMtu > 65535)) {
      throw new IllegalArgumentException("path MTU " + pathMtu + " out of range 576..65535");
    }
    keyLog = keyLog == null ? Optional.empty() : keyLog;
  }
}
