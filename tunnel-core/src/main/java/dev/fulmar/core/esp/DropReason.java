package dev.fulmar.core.esp;

/**
 * Why the data path dropped a packet. Every drop increments exactly one counter, per SA when the
 * SA is known and globally otherwise; no packet is dropped without one.
 */
public enum DropReason {
  /** Shorter than the smallest valid packet for its SA, or otherwise cut off. */
  TRUNCATED,
  /** ESP SPI that matches no installed inbound SA. */
  UNKNOWN_SPI,
  /** Sequence number 0, which ESP never sends. */
  BAD_SEQUENCE_NUMBER,
  /** Sequence number already received (RFC 4303 §3.4.3). */
  REPLAYED,
  /** Sequence number older than the anti-replay window. */
  OUTSIDE_REPLAY_WINDOW,
  /** ICV did not verify: forged, corrupted, or wrong keys. */
  AUTH_FAILED,
  /** Ciphertext length not a multiple of the cipher block / 4-byte alignment. */
  BAD_ALIGNMENT,
  /** Pad length too long or padding bytes not 1, 2, 3, ... (RFC 4303 §2.4). */
  BAD_PADDING,
  /** Next header not allowed for the SA's mode (tunnel mode carries only 4 and 41). */
  BAD_NEXT_HEADER,
  /** TFC dummy packet (next header 59, RFC 4303 §2.6): dropped silently, counted. */
  TFC_DUMMY,
  /** Inner packet malformed: version, header or length inconsistent. */
  BAD_INNER_PACKET,
  /** Inner packet's addresses outside the SA's negotiated traffic selectors. */
  TRAFFIC_SELECTOR_MISMATCH,
  /** Outbound packet matched no SA's traffic selectors. */
  NO_ROUTE,
  /** Outbound packet larger than the tunnel MTU; an ICMP too-big went back to the sender. */
  TOO_BIG,
  /** Outbound SA reached its last sequence number (never wraps); rekey required. */
  SEQUENCE_EXHAUSTED,
  /** SA was deleted while the packet was in flight. */
  SA_DELETED,
  /** Not enough headroom or tailroom in the buffer to encapsulate in place. */
  NO_BUFFER_SPACE,
  /** Datagram on the NAT-T port that is neither IKE, keepalive nor ESP. */
  NOT_ESP,
  /** The cryptographic provider failed unexpectedly (counted, never thrown). */
  CRYPTO_ERROR,
  /** An I/O call failed for this batch. */
  IO_ERROR,
  /** A bug surfaced as an unexpected exception while handling the packet (logged once). */
  INTERNAL_ERROR
}
