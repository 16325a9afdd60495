package dev.fulmar.helper.daemon;

import dev.fulmar.control.message.Failure;
import dev.fulmar.control.message.SessionDetails;
import dev.fulmar.helper.control.TrafficCounters;
import dev.fulmar.helper.run.Tunnel;
import dev.fulmar.helper.run.TunnelException;
import dev.fulmar.helper.tunnel.Credentials;
import dev.fulmar.profiles.model.Profile;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Opens the tunnels the daemon runs: {@link RealTunnels} over {@link Tunnel} (TUN device, data
 * path, routes, DNS); tests pass a scripted one, so the daemon's state machine is tested without
 * root.
 */
interface TunnelFactory {

  /**
   * Prepares a tunnel for {@code profile} (device and socket, nothing sent yet).
   *
   * @param listener receives every state change of the tunnel, including, once a reconnecting
   *     tunnel exists, {@code CONNECTING} again after {@code UP} (then {@code UP} when it is back)
   * @throws TunnelException naming the failed step; nothing is left behind
   */
  LiveTunnel open(Profile profile, Credentials credentials, Tunnel.Listener listener)
      throws TunnelException;

  /** One tunnel, as {@link Tunnel} offers it to the daemon. */
  interface LiveTunnel {
    /** Negotiates and configures; {@link #close()} from another thread cancels it. */
    void connect() throws TunnelException;

    /** What was negotiated and configured, once connected. */
    SessionDetails details();

    /**
     * The gateway in use as the profile names it: the primary, or the fallback that answered
     * when the primary could not be reached.
     */
    String gateway();

    /** Traffic since the tunnel came up. */
    TrafficCounters counters();

    /** Completes with "closed" after {@link #close()}, or with the reason it ended by itself. */
    CompletableFuture<String> ended();

    /** Why the session that was up was lost, while the tunnel reconnects. */
    Optional<Failure> reconnectReason();

    /** Why it ended by itself, when it did. */
    Optional<Failure> endFailure();

    /** Restores the system, deletes the SAs, releases everything; idempotent. */
    void close();
  }
}
