package dev.fulmar.core.ike.crypto;

import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * The ESP keys of one CHILD SA, split from KEYMAT in the order of RFC 7296 §2.17: all keys for the
 * initiator-to-responder SA before those of the responder-to-initiator SA, and within each the
 * encryption key (with the AEAD salt after it, RFC 4106 §8.1, RFC 7634 §2) before the integrity key
 * (RFC 4301 §5.2). "Initiator" is the initiator of the exchange that created this CHILD SA
 * (IKE_AUTH or CREATE_CHILD_SA), which after a gateway-initiated rekey is the gateway.
 */
public final class ChildSaKeys implements Destroyable {

  private final ChildSuite suite;
  private final EspKeys initiatorToResponder;
  private final EspKeys responderToInitiator;

  /** Splits KEYMAT of {@link ChildSuite#keymatLength()} bytes; wipes {@code keymat}. */
  ChildSaKeys(ChildSuite suite, byte[] keymat) {
    if (keymat.length != suite.keymatLength()) {
      throw new IllegalArgumentException(
          "expected " + suite.keymatLength() + " bytes of KEYMAT, got " + keymat.length);
    }
    this.suite = suite;
    int half = suite.keyMaterialLengthPerDirection();
    this.initiatorToResponder = new EspKeys(suite, keymat, 0);
    this.responderToInitiator = new EspKeys(suite, keymat, half);
    Bytes.wipe(keymat);
  }

  public ChildSuite suite() {
    return suite;
  }

  /** Keys of the SA carrying traffic from the exchange initiator to the responder. */
  public EspKeys initiatorToResponder() {
    return initiatorToResponder;
  }

  /** Keys of the SA carrying traffic from the exchange responder to the initiator. */
  public EspKeys responderToInitiator() {
    return responderToInitiator;
  }

  /** The keys for what we send, given our role in the exchange that created the CHILD SA. */
  public EspKeys outbound(Role role) {
    return role == Role.INITIATOR ? initiatorToResponder : responderToInitiator;
  }

  /** The keys for what we receive, given our role in the exchange that created the CHILD SA. */
  public EspKeys inbound(Role role) {
    return outbound(role.peer());
  }

  /** Zeroes the keys of both directions. */
  @Override
  public void destroy() {
    initiatorToResponder.destroy();
    responderToInitiator.destroy();
  }

  @Override
  public boolean isDestroyed() {
    return initiatorToResponder.isDestroyed() && responderToInitiator.isDestroyed();
  }

  @Override
  public String toString() {
    return "ChildSaKeys[" + suite + (isDestroyed() ? ", destroyed]" : "]");
  }

  /**
   * The keys of one ESP SA (one direction). Getters return copies that the caller wipes; {@link
   * #destroy()} zeroes the held keys.
   */
  public static final class EspKeys implements Destroyable {

    private final byte[] cipherKey;
    private final byte[] salt;
    private final byte[] integrityKey;
    private volatile boolean destroyed;

    EspKeys(ChildSuite suite, byte[] keymat, int offset) {
      int at = offset;
      cipherKey = Arrays.copyOfRange(keymat, at, at += suite.cipherKeyLength());
      salt = Arrays.copyOfRange(keymat, at, at += suite.saltLength());
      integrityKey = Arrays.copyOfRange(keymat, at, at + suite.integrityKeyLength());
    }

    /** The cipher key (16 or 32 bytes), a copy. */
    public byte[] cipherKey() {
      return copy(cipherKey);
    }

    /** The 4-byte AEAD salt (nonce prefix), a copy; empty for AES-CBC. */
    public byte[] salt() {
      return copy(salt);
    }

    /** The HMAC key, a copy; empty for an AEAD. */
    public byte[] integrityKey() {
      return copy(integrityKey);
    }

    @Override
    public void destroy() {
      destroyed = true;
      Bytes.wipe(cipherKey, salt, integrityKey);
    }

    @Override
    public boolean isDestroyed() {
      return destroyed;
    }

    @Override
    public String toString() {
      return destroyed ? "EspKeys[destroyed]" : "EspKeys[" + cipherKey.length + "-byte key]";
    }

    private byte[] copy(byte[] key) {
      if (destroyed) {
        throw new IllegalStateException("the keys of this ESP SA have been destroyed");
      }
      return key.clone();
    }
  }
}
