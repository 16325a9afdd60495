package dev.fulmar.core.api;

/**
 * Events of one {@link IkeSession}. Called on the session's event loop, one at a time and in
 * order; implementations must return quickly and must not block (post long work elsewhere).
 */
public interface IkeSessionListener {
  /** The session moved to {@code state}. */
  default void onStateChanged(SessionState state) {}

  /** The IKE SA and the first CHILD SA are up; {@code info} says what was negotiated. */
  default void onEstablished(SessionInfo info) {}

  /** The session failed; it is now {@link SessionState#FAILED}. */
  default void onFailed(IkeFailure failure) {}

  /** The session closed cleanly; {@code byGateway} when the gateway deleted the IKE SA. */
  default void onClosed(boolean byGateway) {}
}
