package dev.fulmar.core.ike.crypto;

/**
 * Which side of an exchange we are, for picking key directions: SK_ei/SK_ai protect messages of the
 * original initiator of an IKE SA (RFC 7296 §2.14), and the first half of a CHILD SA's KEYMAT
 * protects traffic from the initiator of the exchange that created it (RFC 7296 §2.17).
 */
public enum Role {
  INITIATOR,
  RESPONDER;

  /** The other side. */
  public Role peer() {
    return this == INITIATOR ? RESPONDER : INITIATOR;
  }
}
