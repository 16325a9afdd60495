package dev.fulmar.core.esp;

/**
 * Events the data path raises about an outbound SA. They are called on a data-path thread: an
 * implementation must only post the event to the owning IKE session's event loop (by SA id) and
 * return at once.
 */
public interface SaEventListener {
  /** Does nothing. */
  SaEventListener NONE = new SaEventListener() {};

  /** The SA passed its soft sequence-number limit: start a CHILD_SA rekey now. */
  default void onRekeyNeeded(long childSaId, int outboundSpi) {}

  /** The SA sent its last sequence number and refuses further packets (RFC 4303 §3.3.3). */
  default void onSequenceExhausted(long childSaId, int outboundSpi) {}
}
