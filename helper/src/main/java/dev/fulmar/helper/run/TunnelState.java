package dev.fulmar.helper.run;

/** The life of one tunnel as {@code fulmard run} prints it and the daemon will report it. */
public enum TunnelState {
  /** Negotiating IKE and the first CHILD SA with the gateway. */
  CONNECTING,
  /** Negotiated; setting addresses, routes and DNS. */
  CONFIGURING,
  /** Traffic flows. */
  UP,
  /**
   * The session was lost after the tunnel was up; waiting to negotiate a new one. The device,
   * routes, DNS and kill switch stay, so applications see no interface vanish and nothing leaks.
   * {@code CONNECTING} follows for each attempt (with a redirect: at once), then {@code UP}.
   */
  RECONNECTING,
  /** Restoring the system and deleting the SAs. */
  DISCONNECTING,
  /** Everything is restored. */
  DOWN
}
