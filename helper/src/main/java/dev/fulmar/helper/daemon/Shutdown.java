package dev.fulmar.helper.daemon;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the daemon cleanly once: SIGTERM and SIGINT are caught (so the JVM does not start its own
 * shutdown and the daemon exits 0, as service managers expect), the main thread takes the tunnel
 * down and closes the socket; a shutdown hook does the same for any other way the JVM ends.
 */
final class Shutdown {
  private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);
  private final CountDownLatch signalled = new CountDownLatch(1);
  private final CountDownLatch done = new CountDownLatch(1);
  private final DaemonTunnelService tunnel;
  private volatile AutoCloseable server;
  private boolean ran;

  Shutdown(DaemonTunnelService tunnel) {
    this.tunnel = tunnel;
    catchSignal("TERM");
    catchSignal("INT");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      signalled.countDown();
      run();
    }, "fulmard-shutdown"));
  }

  void add(AutoCloseable server) {
    this.server = server;
  }

  private void catchSignal(String name) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal(name), s -> signalled.countDown());
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      LOG.debug("SIG{} stays with the JVM: {}", name, e.toString());
    }
  }

  /** Blocks until SIGTERM or SIGINT. */
  void awaitSignal() {
    try {
      signalled.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Takes the tunnel down, then closes the socket; once, whoever calls first, others wait. */
  void run() {
    synchronized (this) {
      if (ran) {
        awaitDone();
        return;
      }
      ran = true;
    }
    try {
      tunnel.close();
      AutoCloseable s = server;
      if (s != null) {
        s.close();
      }
    } catch (Exception e) {
      LOG.error("shutting down: {}", e.toString());
    } finally {
      done.countDown();
    }
  }

  private void awaitDone() {
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
