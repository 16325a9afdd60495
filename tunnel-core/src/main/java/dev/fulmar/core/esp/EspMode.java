package dev.fulmar.core.esp;

/** ESP mode of an SA (RFC 4303 §3.1): tunnel mode carries whole IP packets, transport mode L4. */
public enum EspMode {
  /** The payload is an inner IPv4 (next header 4) or IPv6 (next header 41) packet. */
  TUNNEL,
  /** The payload is the upper-layer segment of a host-to-host packet. */
  TRANSPORT
}
