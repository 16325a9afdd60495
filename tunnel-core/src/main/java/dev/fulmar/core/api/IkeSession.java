package dev.fulmar.core.api;

import dev.fulmar.core.ike.session.IkeSessions;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;

/**
 * One IKEv2 session with one gateway: the IKE SA, its CHILD SA(s), and the work of bringing them
 * up, keeping them up and taking them down. All protocol work happens on the session's own event
 * loop; these methods only post requests to it and are safe to call from any thread.
 *
 * <p>Once established, the session keeps the tunnel up by itself: it rekeys CHILD SAs and the IKE
 * SA before they expire ({@link IkeSessionParams#childLifetime()}, {@link
 * IkeSessionParams#ikeLifetime()}) and answers the gateway's rekeys, make-before-break through
 * the {@link dev.fulmar.core.esp.SaInstaller}; it checks that the gateway is alive ({@link
 * IkeSessionParams#dpdInterval()}); it re-authenticates before the gateway's AUTH_LIFETIME ends
 * (RFC 4478); it follows redirects during connect (RFC 5685). What it cannot do by itself ends
 * the session with a failure whose {@link IkeFailure#retryable()} tells the helper whether to
 * connect again.
 */
public interface IkeSession {

  /**
   * Creates a session; nothing is sent until {@link #connect()}.
   *
   * @param listener receives state changes, the negotiated result and failures
   */
  static IkeSession create(
      IkeSessionParams params, SessionEnvironment environment, IkeSessionListener listener) {
    return IkeSessions.create(params, environment, listener);
  }

  /**
   * Resolves the gateway and negotiates the IKE SA and the first CHILD SA. The future completes
   * with what was negotiated, or exceptionally with an {@link IkeSessionException}. May be called
   * once.
   */
  CompletableFuture<SessionInfo> connect();

  /**
   * Deletes the SAs (an INFORMATIONAL with a Delete payload, retransmitted as usual) and closes the
   * sockets. Completes with {@code true} when the gateway confirmed the delete (or deleted the SA
   * itself), {@code false} when the retransmissions gave up or nothing was established.
   * Idempotent.
   */
  CompletableFuture<Boolean> close();

  /** The current state (a snapshot; use the listener to follow changes). */
  SessionState state();

  /**
   * This computer's address towards the gateway changed (a new network, a new DHCP lease, Wi-Fi to
   * wired): the helper's network monitor calls this with the new source address.
   *
   * <p>With MOBIKE negotiated (RFC 4555) the engine opens its IKE socket again through {@link
   * SessionEnvironment#sockets()} with {@code newLocal} as local address (the factory's socket
   * must report it from {@link IkeSocket#localAddress()}), sends UPDATE_SA_ADDRESSES with fresh
   * NAT detection and COOKIE2 from there, and reports {@link
   * IkeSessionListener#onAddressesUpdated} once the gateway confirmed; the SAs, keys and virtual
   * address stay. A request still outstanding is retransmitted from the new address at once.
   *
   * <p>Without MOBIKE the SAs are bound to the old address: the session tells the gateway it goes
   * (one Delete, not retransmitted) and fails with the retryable {@link
   * ErrorCode#NETWORK_CHANGED}, so the helper sets the tunnel up again.
   *
   * @return completes with {@code true} when the gateway confirmed the new address, {@code false}
   *     when the session could not move and has failed (see {@link IkeSessionListener#onFailed})
   */
  CompletableFuture<Boolean> localAddressChanged(InetAddress newLocal);

  /**
   * Asks the gateway now whether it is still there (an empty INFORMATIONAL, RFC 7296 §2.4), e.g.
   * after the computer woke from sleep; a gateway that does not answer ends the session with the
   * retryable {@link ErrorCode#PEER_UNREACHABLE} at {@link FailureStep#LIVENESS}. Does nothing
   * unless the session is established or when a request is outstanding anyway.
   */
  void checkLiveness();

  /**
   * Makes the next liveness check or MOBIKE address update give up after {@code within} instead
   * of the DPD interval, unless the gateway answers anything first. For a resume from sleep: the
   * gateway has probably cleared this session meanwhile, and a user waiting for the tunnel is
   * better served by replacing it at once than by a check that waits a whole DPD interval. Call
   * it right before {@link #checkLiveness} or {@link #localAddressChanged}.
   */
  void answerNextCheckWithin(java.time.Duration within);
}
