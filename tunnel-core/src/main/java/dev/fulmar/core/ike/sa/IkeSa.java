package dev.fulmar.core.ike.sa;

import dev.fulmar.core.ike.crypto.IkeSaKeys;
import dev.fulmar.core.ike.crypto.Prf;
import dev.fulmar.core.ike.crypto.SkCipher;
import java.util.ArrayList;
import java.util.List;

/**
 * One IKE SA as the session's event loop sees it: SPIs, role, message ID windows, keys once
 * derived, and its CHILD SAs. Confined to the loop; timers refer to it by {@link #id()} only.
 */
public final class IkeSa {
  /** The life cycle of an IKE SA. */
  public enum State {
    /** IKE_SA_INIT (and IKE_INTERMEDIATE) under way; no keys yet or not authenticated. */
    CONNECTING,
    /** IKE_AUTH completed: both sides authenticated. */
    ESTABLISHED,
    /** A rekey of this SA (ours or the gateway's) is under way. */
    REKEYING,
    /** Replaced by a rekey or a re-authentication; only its Delete is left. */
    REKEYED,
    /** Our Delete is outstanding, or the peer's was received. */
    DELETING,
    /** Gone; the registry no longer holds it. */
    DELETED
  }

  private final SaId id;
  private final boolean initiator;
  private final long localSpi;
  private long remoteSpi;
  private State state = State.CONNECTING;
  private final RequestWindow requests = new RequestWindow();
  private final ResponseWindow responses = new ResponseWindow();
  private Keys keys;
  private final List<ChildSa> children = new ArrayList<>();
  private byte[] passiveRekeyLowerNonce;
  private boolean activeRekeyConcluding;
  private boolean passiveRekeyInFollowup;
  private PassiveRekeyVerdict passiveRekeyVerdict;

  /** A random IKE SPI for our side (RFC 7296 §2.6: never zero). */
  public static long newSpi(java.security.SecureRandom random) {
    long spi;
    do {
      spi = random.nextLong();
    } while (spi == 0);
    return spi;
  }

  public IkeSa(SaId id, boolean initiator, long localSpi) {
    this.id = id;
    this.initiator = initiator;
    this.localSpi = localSpi;
  }

  public SaId id() {
    return id;
  }

  /** Whether we initiated this SA (we are the "original initiator" of RFC 7296 §2.2). */
  public boolean isInitiator() {
    return initiator;
  }

  public long localSpi() {
    return localSpi;
  }

  /** The peer's SPI; 0 until the IKE_SA_INIT response arrives. */
  public long remoteSpi() {
    return remoteSpi;
  }

  public void setRemoteSpi(long spi) {
    this.remoteSpi = spi;
  }

  /** SPIi as on the wire. */
  public long spiInitiator() {
    return initiator ? localSpi : remoteSpi;
  }

  /** SPIr as on the wire. */
  public long spiResponder() {
    return initiator ? remoteSpi : localSpi;
  }

  public State state() {
    return state;
  }

  public void setState(State state) {
    this.state = state;
  }

  public RequestWindow requests() {
    return requests;
  }

  public ResponseWindow responses() {
    return responses;
  }

  /** The SA's keys, or null before the key exchange completed. */
  public Keys keys() {
    return keys;
  }

  /** Installs new keys (after IKE_SA_INIT, and again after each IKE_INTERMEDIATE), wiping old ones. */
  public void setKeys(Keys next) {
    if (keys != null) {
      keys.wipe();
    }
    keys = next;
  }

  public List<ChildSa> children() {
    return children;
  }

  /** The CHILD SA whose inbound SPI (our SPI) is {@code spi}, if any. */
  public java.util.Optional<ChildSa> childByInboundSpi(long spi) {
    return children.stream().filter(c -> c.inboundSpi() == spi).findFirst();
  }

  /** The CHILD SA whose outbound SPI (the gateway's SPI) is {@code spi}, if any. */
  public java.util.Optional<ChildSa> childByOutboundSpi(long spi) {
    return children.stream().filter(c -> c.outboundSpi() == spi).findFirst();
  }

  /**
   * The lower nonce of the gateway's rekey of this IKE SA in flight, or null (RFC 7296 §2.8.1).
   */
  public byte[] passiveRekeyLowerNonce() {
    return passiveRekeyLowerNonce == null ? null : passiveRekeyLowerNonce.clone();
  }

  public void setPassiveRekeyLowerNonce(byte[] nonce) {
    this.passiveRekeyLowerNonce = nonce == null ? null : nonce.clone();
  }

  /**
   * Whether the gateway's rekey of this IKE SA passed CREATE_CHILD_SA and waits for its
   * IKE_FOLLOWUP_KE exchanges (RFC 9370 §2.2.4): until it ends, we start no rekey of our own.
   */
  public boolean passiveRekeyInFollowup() {
    return passiveRekeyInFollowup;
  }

  public void setPassiveRekeyInFollowup(boolean inFollowup) {
    this.passiveRekeyInFollowup = inFollowup;
  }

  /**
   * What our own rekey decided about the gateway's colliding rekey while the latter still waited
   * for IKE_FOLLOWUP_KE (RFC 7296 §2.8.1, RFC 9370: the CREATE_CHILD_SA nonces decide), or null
   * while undecided or without such a collision.
   */
  public PassiveRekeyVerdict passiveRekeyVerdict() {
    return passiveRekeyVerdict;
  }

  public void setPassiveRekeyVerdict(PassiveRekeyVerdict verdict) {
    this.passiveRekeyVerdict = verdict;
  }

  /** The fate of the gateway's unfinished colliding rekey, decided by our CREATE_CHILD_SA. */
  public enum PassiveRekeyVerdict {
    /** Ours lost: the gateway's new SA replaces this one once its last round is done. */
    ADOPT,
    /** Ours won: the gateway's new SA, should it still complete, is redundant. */
    DISCARD
  }

  /** Whether our rekey of this SA has passed CREATE_CHILD_SA (IKE_FOLLOWUP_KE or done). */
  public boolean activeRekeyConcluding() {
    return activeRekeyConcluding;
  }

  public void setActiveRekeyConcluding(boolean concluding) {
    this.activeRekeyConcluding = concluding;
  }

  /** Wipes all key material this SA holds. */
  public void wipe() {
    if (keys != null) {
      keys.wipe();
    }
    children.forEach(ChildSa::wipe);
  }

  /** Hands the CHILD SAs to {@code next} (IKE SA rekey, RFC 7296 §2.18). */
  public void moveChildrenTo(IkeSa next) {
    next.children.addAll(children);
    children.clear();
  }

  @Override
  public String toString() {
    return String.format("%s[%016x_i %016x_r %s]", id, spiInitiator(), spiResponder(), state);
  }

  /**
   * The keys of an IKE SA (RFC 7296 §2.14) with the SK protection of each direction built from
   * them. Replaced after each IKE_INTERMEDIATE key exchange (RFC 9370 §2.2.2).
   */
  public static final class Keys {
    private final IkeSaKeys keys;
    private final SkCipher outbound;
    private final SkCipher inbound;

    public Keys(IkeSaKeys keys, SkCipher outbound, SkCipher inbound) {
      this.keys = keys;
      this.outbound = outbound;
      this.inbound = inbound;
    }

    /** SK_d, SK_a*, SK_e*, SK_p* and the suite (getters return copies to wipe). */
    public IkeSaKeys material() {
      return keys;
    }

    public Prf prf() {
      return keys.suite().prf();
    }

    /** Protects what we send. */
    public SkCipher outbound() {
      return outbound;
    }

    /** Opens what we receive. */
    public SkCipher inbound() {
      return inbound;
    }

    void wipe() {
      keys.destroy();
    }
  }
}
