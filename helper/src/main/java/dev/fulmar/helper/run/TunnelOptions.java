package dev.fulmar.helper.run;

import dev.fulmar.core.api.KeyLogSink;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run a tunnel beyond what the profile says.
 *
 * @param offload use kernel offloads (TUN TSO/GSO with {@code IFF_VNET_HDR}, UDP GSO/GRO) where
 *     the kernel has them; false forces the plain one-packet path (benchmarks, tests)
 * @param pathMtu the MTU towards the gateway, or 0 to take the outgoing interface's
 * @param keyLog where to write the SA keys for Wireshark, if asked for
 * @param killSwitch the administrator's rule over the profile's kill switch
 * @param reconnect when to try again after the session was lost
 */
public record TunnelOptions(boolean offload, int pathMtu, Optional<KeyLogSink> keyLog,
    KillSwitchRule killSwitch, ReconnectPolicy reconnect) {
  /** Offloads on, path MTU from the interface, no key log, the profile's kill switch. */
  public static final TunnelOptions DEFAULTS = new TunnelOptions(true, 0, Optional.empty());

  public TunnelOptions {
    if (pathMtu != 0 && (pathMtu < 576 || pathMtu > 65535)) {
      throw new IllegalArgumentException("path MTU " + pathMtu + " out of range 576..65535");
    }
    keyLog = keyLog == null ? Optional.empty() : keyLog;
    Objects.requireNonNull(killSwitch, "killSwitch");
    Objects.requireNonNull(reconnect, "reconnect");
  }

  /** The profile decides about the kill switch; default reconnect waits. */
  public TunnelOptions(boolean offload, int pathMtu, Optional<KeyLogSink> keyLog) {
    this(offload, pathMtu, keyLog, KillSwitchRule.PROFILE_DECIDES, ReconnectPolicy.DEFAULTS);
  }

  /** The same options under another kill switch rule. */
  public TunnelOptions withKillSwitch(KillSwitchRule rule) {
    return new TunnelOptions(offload, pathMtu, keyLog, rule, reconnect);
  }
}
