package dev.fulmar.core.api;

import dev.fulmar.core.ike.session.IkeSessions;
import java.util.concurrent.CompletableFuture;

/**
 * One IKEv2 session with one gateway: the IKE SA, its CHILD SA(s), and the work of bringing them
 * up and down. All protocol work happens on the session's own event loop; these methods only post
 * requests to it and are safe to call from any thread.
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
}
