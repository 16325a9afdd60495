package dev.fulmar.helper.run;

import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.api.SessionInfo;
import java.net.InetAddress;
import java.util.Optional;

/** What the supervisor asks of the tunnel; called on the loop. */
interface SupervisorDriver {
  /**
   * Starts negotiating session {@code generation} with {@code gateway}; its outcome comes back
   * through {@link Supervisor#sessionUp} or {@link Supervisor#sessionLost} with that generation.
   *
   * @param redirectedFrom the gateway that redirected us here (RFC 5685 REDIRECTED_FROM)
   * @throws TunnelException when the attempt cannot even start (no route to the gateway)
   */
  SupervisedSession open(long generation, InetAddress gateway,
      Optional<InetAddress> redirectedFrom) throws TunnelException;

  /**
   * A session is up: configure the system (the first time) or check it still fits.
   *
   * @throws TunnelException when the system cannot be configured; the tunnel ends
   */
  void established(SessionInfo info) throws TunnelException;

  /**
   * The session in force now talks to {@code gateway} (MOBIKE moved it): let it through the
   * kill switch, route it around the tunnel, send keepalives there.
   */
  void moved(InetAddress gateway) throws TunnelException;

  /** The tunnel's state changed, with one line of detail. */
  void state(TunnelState state, String detail);

  /**
   * The session that was up is lost for {@code why}, and the tunnel reconnects (the state
   * {@link TunnelState#RECONNECTING} follows); the next {@link #established} ends that.
   */
  void lost(IkeFailure why);

  /** The tunnel ends by itself; called once, never after {@link Supervisor#stop()}. */
  void ended(TunnelException why, boolean wasUp);
}
