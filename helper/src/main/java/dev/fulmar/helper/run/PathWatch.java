package dev.fulmar.helper.run;

import dev.fulmar.core.api.SessionLoop;
import dev.fulmar.core.spi.NetworkChange;
import dev.fulmar.core.spi.NetworkMonitor;
import java.time.Duration;

/**
 * Turns the host's address, route and link changes (the platform's {@link NetworkMonitor}:
 * rtnetlink on Linux) into one "look at the way to the gateway again" on the tunnel's loop, a
 * moment after a burst of changes has begun (a new Wi-Fi brings an address, a default route and
 * neighbour entries within milliseconds). Changes of the tunnel's own interface are ours and
 * ignored; what the check finds out is the tunnel's business, so a change that moved nothing
 * costs one route lookup.
 */
final class PathWatch implements NetworkMonitor.Listener {
  /** How long a burst of changes may take before the path is looked at. */
  static final Duration SETTLE = Duration.ofMillis(800);

  private final SessionLoop loop;
  private final String tunnelInterface;
  private final Duration settle;
  private final Runnable check;
  private SessionLoop.Timer pending;
  private boolean closed;

  /**
   * @param check runs on {@code loop} once per burst of relevant changes
   */
  PathWatch(SessionLoop loop, String tunnelInterface, Duration settle, Runnable check) {
    this.loop = loop;
    this.tunnelInterface = tunnelInterface;
    this.settle = settle;
    this.check = check;
  }

  /** Called on the monitor's thread. */
  @Override
  public void onChange(NetworkChange change) {
    if (concernsTunnel(change)) {
      return;
    }
    loop.execute(() -> {
      if (closed || pending != null) {
        return;
      }
      pending = loop.schedule(settle, () -> {
        pending = null;
        if (!closed) {
          check.run();
        }
      });
    });
  }

  /** Whether the change is of the tunnel's own interface (its addresses and routes are ours). */
  boolean concernsTunnel(NetworkChange change) {
    return change.kind() != NetworkChange.Kind.RESYNC
        && change.interfaceName().map(tunnelInterface::equals).orElse(false);
  }

  /** No check runs after this (call on the loop, or when the loop is stopped). */
  void close() {
    loop.execute(() -> {
      closed = true;
      if (pending != null) {
        pending.cancel();
        pending = null;
      }
    });
  }
}
