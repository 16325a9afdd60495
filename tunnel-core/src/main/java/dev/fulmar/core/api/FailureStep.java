package dev.fulmar.core.api;

/**
 * The stage of bringing a tunnel up (or keeping it up) at which a failure happened, so that the UI
 * and {@code fulmar diagnose} can say which step failed, not just "failed" (as WireGuard for
 * Windows' {@code services.Error} does). The engine reports the IKE steps; the helper adds the
 * steps that touch the operating system.
 */
public enum FailureStep {
  /** Checking the parameters and credentials before any packet is sent. */
  PREPARE,
  /** Turning the profile's gateway name into an address. */
  RESOLVE_GATEWAY,
  /** Opening the local UDP sockets for IKE. */
  OPEN_SOCKET,
  /** The IKE_SA_INIT exchange: proposals, key exchange, NAT detection. */
  IKE_SA_INIT,
  /** IKE_INTERMEDIATE exchanges carrying additional (e.g. post-quantum) key exchanges. */
  IKE_INTERMEDIATE,
  /** The IKE_AUTH exchange(s): gateway authentication, our authentication, EAP. */
  IKE_AUTH,
  /** Negotiating the CHILD SA: ESP proposals, traffic selectors, configuration. */
  CHILD_SA,
  /** After the tunnel was up: gateway deleted the SA, stopped answering, or similar. */
  ESTABLISHED,
  /** Dead-peer detection (RFC 7296 §2.4): the gateway stopped answering on the tunnel. */
  LIVENESS,
  /** Renewing the keys of the established IKE or CHILD SA (RFC 7296 §2.8, §2.18). */
  REKEY,
  /** Moving the established tunnel to a new local address (MOBIKE, RFC 4555). */
  MOBIKE,
  /** Re-authenticating the established tunnel with a new IKE SA (RFC 4478). */
  REAUTHENTICATE,
  /** Closing the session. */
  CLOSE,
  /** Creating the TUN/utun/Wintun adapter (helper). */
  CREATE_ADAPTER,
  /** Installing routes (helper). */
  SET_ROUTES,
  /** Configuring DNS (helper). */
  SET_DNS,
  /** Installing the kill switch (helper). */
  KILL_SWITCH
}
