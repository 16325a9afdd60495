package dev.fulmar.core.ike.crypto;

import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * The seven secrets of an IKE SA, {SK_d | SK_ai | SK_ar | SK_ei | SK_er | SK_pi | SK_pr} (RFC 7296
 * §2.14), with the suite they belong to.
 *
 * <p>The getters return copies, which the caller wipes after use ({@code Arrays.fill(k, (byte)
 * 0)}); {@link #destroy()} zeroes the held keys, after which every getter throws {@link
 * IllegalStateException}. {@link #toString()} never shows key bytes.
 */
public final class IkeSaKeys implements Destroyable {

  private final IkeSuite suite;
  private final byte[] skD;
  private final byte[] skAi;
  private final byte[] skAr;
  private final byte[] skEi;
  private final byte[] skEr;
  private final byte[] skPi;
  private final byte[] skPr;
  private volatile boolean destroyed;

  /** Splits prf+ output of {@link IkeSuite#keyMaterialLength()} bytes; wipes {@code keymat}. */
  IkeSaKeys(IkeSuite suite, byte[] keymat) {
    if (keymat.length != suite.keyMaterialLength()) {
      throw new IllegalArgumentException(
          "expected "
              + suite.keyMaterialLength()
              + " bytes of keying material, got "
              + keymat.length);
    }
    this.suite = suite;
    int prfKey = suite.prf().keyLength();
    int integ = suite.integrityKeyLength();
    int encr = suite.encryptionKeyLength();
    int at = 0;
    skD = Arrays.copyOfRange(keymat, at, at += prfKey);
    skAi = Arrays.copyOfRange(keymat, at, at += integ);
    skAr = Arrays.copyOfRange(keymat, at, at += integ);
    skEi = Arrays.copyOfRange(keymat, at, at += encr);
    skEr = Arrays.copyOfRange(keymat, at, at += encr);
    skPi = Arrays.copyOfRange(keymat, at, at += prfKey);
    skPr = Arrays.copyOfRange(keymat, at, at + prfKey);
    Bytes.wipe(keymat);
  }

  /** The suite whose lengths and PRF these keys follow. */
  public IkeSuite suite() {
    return suite;
  }

  /** SK_d, for CHILD SA keys and rekeying (a copy). */
  public byte[] skD() {
    return copy(skD);
  }

  /** SK_ai, integrity key of the original initiator's messages (a copy; empty for an AEAD). */
  public byte[] skAi() {
    return copy(skAi);
  }

  /** SK_ar (a copy; empty for an AEAD). */
  public byte[] skAr() {
    return copy(skAr);
  }

  /** SK_ei, encryption key (plus salt for an AEAD) of the original initiator's messages. */
  public byte[] skEi() {
    return copy(skEi);
  }

  /** SK_er (a copy). */
  public byte[] skEr() {
    return copy(skEr);
  }

  /** SK_pi, for the initiator's AUTH payload and IntAuth (a copy). */
  public byte[] skPi() {
    return copy(skPi);
  }

  /** SK_pr, for the responder's AUTH payload and IntAuth (a copy). */
  public byte[] skPr() {
    return copy(skPr);
  }

  /** {@code prf(SK_d, data)} without handing SK_d out. */
  byte[] prfSkD(byte[] data) {
    checkLive();
    return suite.prf().apply(skD, data);
  }

  @Override
  public void destroy() {
    destroyed = true;
    Bytes.wipe(skD, skAi, skAr, skEi, skEr, skPi, skPr);
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  @Override
  public String toString() {
    return "IkeSaKeys[" + suite + (destroyed ? ", destroyed]" : "]");
  }

  private byte[] copy(byte[] key) {
    checkLive();
    return key.clone();
  }

  private void checkLive() {
    if (destroyed) {
      throw new IllegalStateException("the keys of this IKE SA have been destroyed");
    }
  }
}
