package dev.fulmar.core.ike.task;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;

/** What tasks may ask of the session that runs them; implemented by the session. */
public interface SessionHooks {
  /** Our socket address as the gateway should see it without NAT (hashed into NAT-D). */
  InetSocketAddress localAddress();

  /** The gateway's address we send to. */
  InetSocketAddress remoteAddress();

  /** Moves IKE to port 4500 with the non-ESP marker (RFC 7296 §2.23). */
  void switchToNatT() throws IOException;

  /** Whether IKE already runs on port 4500. */
  boolean isNatT();

  /** Queues {@code tasks} right after {@code anchor} (e.g. one task per additional key exchange). */
  void insertAfter(Task anchor, List<Task> tasks);
}
