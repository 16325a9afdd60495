package dev.fulmar.core.api;

/**
 * The life cycle of one {@link IkeSession}, as the helper and the UI show it.
 *
 * <pre>
 *   NEW ─connect→ CONNECTING ─→ AUTHENTICATING ─→ ESTABLISHED ─close→ CLOSING ─→ CLOSED
 *                     └──────────────┴──────────────────┴──────────→ FAILED
 * </pre>
 *
 * {@link #CLOSED} and {@link #FAILED} are final; a session is not reused after either.
 */
public enum SessionState {
  /** Created, {@link IkeSession#connect()} not called yet. */
  NEW,
  /** Resolving the gateway and running IKE_SA_INIT (and IKE_INTERMEDIATE, if any). */
  CONNECTING,
  /** IKE_AUTH: authenticating the gateway, then ourselves (EAP rounds included). */
  AUTHENTICATING,
  /** The IKE SA and the first CHILD SA are up. */
  ESTABLISHED,
  /** Deleting the IKE SA after a close request. */
  CLOSING,
  /** Closed cleanly, by us or by the gateway. */
  CLOSED,
  /** Ended by a failure; {@link IkeSessionListener#onFailed} says which step and why. */
  FAILED;

  /** Whether the session has ended and will not change state again. */
  public boolean isFinal() {
    return this == CLOSED || this == FAILED;
  }
}
