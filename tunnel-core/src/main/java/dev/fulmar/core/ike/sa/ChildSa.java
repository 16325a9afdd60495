package dev.fulmar.core.ike.sa;

import dev.fulmar.core.api.ChildSaInfo;
import dev.fulmar.core.ike.crypto.ChildSaKeys;

/**
 * A CHILD SA negotiated on an IKE SA: what was agreed and its ESP keys (RFC 7296 §2.17) until the
 * SA is deleted, and where it is in its life: installed, being rekeyed by us, rekeyed (by us or
 * the gateway, waiting for the old SA's Delete), being deleted. The rekey marks let the tasks of
 * both directions see a collision (RFC 7296 §2.8.1): our own rekey in flight, and the one the
 * gateway started for the same SA with the lower of its nonces.
 */
public final class ChildSa {
  /** The life cycle of a CHILD SA. */
  public enum State {
    /** In use, nothing in progress. */
    INSTALLED,
    /** Our CREATE_CHILD_SA rekeying it is in flight. */
    REKEYING,
    /** A successor carries (or is about to carry) the traffic; the Delete of this one follows. */
    REKEYED,
    /** Our Delete for it is in flight. */
    DELETING,
    /** Gone from the data path and the IKE SA. */
    DELETED
  }

  private final ChildSaInfo info;
  private final ChildSaKeys keys;
  private State state = State.INSTALLED;
  private boolean activeRekeyConcluding;
  private byte[] passiveLowerNonce;
  private ChildSa passiveSuccessor;
  private boolean deletedByPeer;
  private boolean redundant;

  public ChildSa(ChildSaInfo info, ChildSaKeys keys) {
    this.info = info;
    this.keys = keys;
  }

  public ChildSaInfo info() {
    return info;
  }

  /** Our SPI: the gateway sends to it, and deletes name it from its side as the outbound one. */
  public long inboundSpi() {
    return info.inboundSpi();
  }

  /** The gateway's SPI, used on what we send. */
  public long outboundSpi() {
    return info.outboundSpi();
  }

  /** Initiator-to-responder and responder-to-initiator keys. */
  public ChildSaKeys keys() {
    return keys;
  }

  public State state() {
    return state;
  }

  public void setState(State next) {
    this.state = next;
  }

  /**
   * Whether our own rekey of this SA has passed CREATE_CHILD_SA (it runs IKE_FOLLOWUP_KE or
   * installs now): a gateway's rekey of the same SA arriving then is refused with
   * TEMPORARY_FAILURE, as strongSwan does.
   */
  public boolean activeRekeyConcluding() {
    return activeRekeyConcluding;
  }

  public void setActiveRekeyConcluding(boolean concluding) {
    this.activeRekeyConcluding = concluding;
  }

  /** The lower nonce of the gateway's rekey of this SA, or null if it started none. */
  public byte[] passiveLowerNonce() {
    return passiveLowerNonce == null ? null : passiveLowerNonce.clone();
  }

  /**
   * The SA the gateway's rekey created (null while its IKE_FOLLOWUP_KE exchanges run or when
   * there was none).
   */
  public ChildSa passiveSuccessor() {
    return passiveSuccessor;
  }

  /** Records the gateway's rekey of this SA. */
  public void markPassiveRekey(byte[] lowerNonce, ChildSa successor) {
    this.passiveLowerNonce = lowerNonce.clone();
    this.passiveSuccessor = successor;
  }

  /** Forgets the gateway's rekey (it lost a collision, or its successor was deleted). */
  public void clearPassiveRekey() {
    this.passiveLowerNonce = null;
    this.passiveSuccessor = null;
  }

  /** Whether the gateway deleted this SA. */
  public boolean deletedByPeer() {
    return deletedByPeer;
  }

  public void markDeletedByPeer() {
    this.deletedByPeer = true;
  }

  /**
   * Whether this SA lost a rekey collision: its creator deletes it, and its deletion is part of
   * the rekey, not news.
   */
  public boolean redundant() {
    return redundant;
  }

  public void markRedundant() {
    this.redundant = true;
  }

  /** Destroys the keys; the SA is gone. */
  public void wipe() {
    state = State.DELETED;
    keys.destroy();
  }

  @Override
  public String toString() {
    return String.format("CHILD[%08x_i %08x_o %s]", info.inboundSpi(), info.outboundSpi(), state);
  }
}
