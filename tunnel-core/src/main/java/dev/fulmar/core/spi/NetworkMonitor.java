package dev.fulmar.core.spi;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reports address, route and link changes of the host (Linux: rtnetlink multicast groups). The
 * engine debounces them on its own clock; the monitor delivers each change as the OS reports it.
 */
public interface NetworkMonitor extends Closeable {

  /** Receives changes on the monitor's own thread; must not block for long. */
  @FunctionalInterface
  interface Listener {
    void onChange(NetworkChange change);
  }

  /**
   * Starts delivering changes to {@code listener}; changes from before the call are not reported.
   * May be called once.
   *
   * @throws IOException when the OS refuses the subscription
   */
  void start(Listener listener) throws IOException;

  /** Stops delivery; no callback runs after this returns. Idempotent. */
  @Override
  void close() throws IOException;
}
