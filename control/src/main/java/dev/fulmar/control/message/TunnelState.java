package dev.fulmar.control.message;

/**
 * The tunnel's state as the helper reports it; the UI shows exactly this and never guesses.
 *
 * <pre>
 *  DISCONNECTED ─connect→ CONNECTING ─→ CONNECTED ─disconnect→ DISCONNECTING ─→ DISCONNECTED
 *                             │              │ gateway lost            ↑
 *                             │              └──→ RECONNECTING ──→ CONNECTED
 *                             └──────────────────────┴──→ ERROR (with a Failure)
 * </pre>
 */
public enum TunnelState {
  DISCONNECTED,
  CONNECTING,
  CONNECTED,
  RECONNECTING,
  DISCONNECTING,
  ERROR;

  /** Whether a tunnel is up or on its way up (a second connect must wait or be refused). */
  public boolean isActive() {
    return this == CONNECTING || this == CONNECTED || this == RECONNECTING;
  }
}
