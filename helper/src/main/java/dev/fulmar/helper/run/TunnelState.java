package dev.fulmar.helper.run;

/** The life of one tunnel as {@code fulmard run} prints it and the daemon will report it. */
public enum TunnelState {
  /** Negotiating IKE and the first CHILD SA with the gateway. */
  CONNECTING,
  /** Negotiated; setting addresses, routes and DNS. */
  CONFIGURING,
  /** Traffic flows. */
  UP,
  /** Restoring the system and deleting the SAs. */
  DISCONNECTING,
  /** Everything is restored. */
  DOWN
}
