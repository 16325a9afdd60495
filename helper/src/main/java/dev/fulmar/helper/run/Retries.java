package dev.fulmar.helper.run;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.IkeFailure;

/**
 * Which failures of a tunnel that was up are worth another attempt: those the engine calls
 * {@linkplain IkeFailure#retryable() retryable} (the gateway stopped answering, the network
 * changed, a rekey was refused), because they heal by themselves. A refused password or
 * certificate, proposals or traffic selectors the gateway does not accept, a profile that is
 * wrong: the next attempt would fail the same way (and a password tried again and again can lock
 * the account), so the tunnel ends with the reason instead.
 *
 * <p>One retryable code is not retried: the gateway deleting the IKE SA ({@link
 * ErrorCode#PEER_DELETED}). It is the gateway's deliberate decision (an administrator ended the
 * session, the gateway shuts down); connecting again at once would undo an administrator's
 * disconnect. The user (or the app's auto-connect) decides; a gateway that dies without a Delete
 * is found by dead-peer detection and reconnected.
 */
final class Retries {
  private Retries() {}

  /** Whether another attempt can succeed where this one failed. */
  static boolean retryable(IkeFailure failure) {
    return failure.retryable() && failure.code() != ErrorCode.PEER_DELETED;
  }
}
