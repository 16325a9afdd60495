package dev.fulmar.helper.run;

import dev.fulmar.core.spi.AddressText;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one look at the way to the gateway (after a burst of network changes, see {@link
 * PathWatch}) means for the tunnel: the kernel now sends from another local address (a new
 * network, a new lease), so the session must move or be replaced; the way was gone and is back,
 * so a waiting reconnect may try at once; there is no way outside the tunnel, so nothing can be
 * done until the next change; or nothing that matters changed. Runs on the tunnel's loop.
 */
final class PathCheck {
  private static final Logger LOG = LoggerFactory.getLogger(PathCheck.class);

  /** The way to a gateway outside the tunnel, as the routing table has it now. */
  interface Way {
    /**
     * Moves the host route to {@code gateway} to the current next hop and returns the local
     * address the kernel sends from towards it.
     *
     * @throws TunnelException when the only way to the gateway is through the tunnel itself
     */
    InetSocketAddress towards(InetAddress gateway) throws TunnelException;
  }

  /** The source address the tunnel's IKE and ESP packets leave from. */
  interface Source {
    InetSocketAddress get();

    void set(InetSocketAddress source);
  }

  private final Way way;
  private final Source source;
  private final Consumer<String> changed;
  private boolean pathUp = true;

  /** @param changed gets a line saying what changed (the supervisor's {@code pathChanged}) */
  PathCheck(Way way, Source source, Consumer<String> changed) {
    this.way = way;
    this.source = source;
    this.changed = changed;
  }

  /** Looks at the way to {@code gateway} now. */
  void run(InetAddress gateway) {
    InetSocketAddress now;
    try {
      now = way.towards(gateway);
    } catch (TunnelException e) {
      if (pathUp) {
        LOG.info("no way to the gateway now: {}", e.getMessage());
      }
      pathUp = false;
      return;
    }
    InetSocketAddress old = source.get();
    boolean back = !pathUp;
    pathUp = true;
    if (!now.getAddress().equals(old.getAddress())) {
      source.set(now);
      changed.accept("local address " + AddressText.of(old.getAddress()) + " -> "
          + AddressText.of(now.getAddress()));
    } else if (back) {
      changed.accept("the way to the gateway is back");
    }
  }

  /** Whether the last look found a way to the gateway. */
  boolean pathUp() {
    return pathUp;
  }
}
