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
