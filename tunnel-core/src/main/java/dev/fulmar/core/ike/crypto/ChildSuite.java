package dev.fulmar.core.ike.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The algorithms negotiated for one ESP CHILD SA: encryption (with key length), integrity (NONE
 * with an AEAD) and the key exchange methods run for it (empty without PFS; otherwise the KE of
 * CREATE_CHILD_SA followed by the RFC 9370 additional ones). All passed {@link AlgorithmPolicy}.
 *
 * <p>The ESP data path implements the ciphers itself; from here it takes the key, salt, IV and ICV
 * lengths and the KEYMAT split of {@link KeyDerivation#childSaKeys}.
 */
public final class ChildSuite {

  private final int encryptionId;
  private final int encryptionKeyBits;
  private final int integrityId;
  private final List<Integer> keyExchangeMethods;
  private final EncryptionSpec encryption;
  private final IntegritySpec integrity;

  private ChildSuite(
      int encryptionId, int encryptionKeyBits, int integrityId, List<Integer> keyExchangeMethods) {
    this.encryptionId = encryptionId;
    this.encryptionKeyBits = encryptionKeyBits;
    this.integrityId = integrityId;
    this.keyExchangeMethods = keyExchangeMethods;
    this.encryption = EncryptionSpec.of(encryptionId);
    this.integrity = IntegritySpec.of(integrityId);
  }

  /**
   * A CHILD SA suite from negotiated transform IDs.
   *
   * @param encryptionKeyBits the Key Length attribute (0 when absent)
   * @param integrityId {@link Algorithms#AUTH_NONE} with an AEAD
   * @param keyExchangeMethods empty without PFS; else the KE method then any ADDKE methods
   * @throws RefusedAlgorithmException if any algorithm is refused by {@link AlgorithmPolicy}
   */
  public static ChildSuite of(
      int encryptionId, int encryptionKeyBits, int integrityId, List<Integer> keyExchangeMethods)
      throws RefusedAlgorithmException {
    AlgorithmPolicy.checkEncryption(encryptionId, encryptionKeyBits);
    AlgorithmPolicy.checkIntegrity(integrityId, encryptionId);
    if (keyExchangeMethods.size() > 1 + IkeSuite.MAX_ADDITIONAL_KEY_EXCHANGES) {
      throw new IllegalArgumentException(
          "at most one key exchange plus "
              + IkeSuite.MAX_ADDITIONAL_KEY_EXCHANGES
              + " additional ones (RFC 9370), got "
              + keyExchangeMethods.size());
    }
    for (int method : keyExchangeMethods) {
      AlgorithmPolicy.checkKeyExchange(method);
    }
    return new ChildSuite(
        encryptionId, encryptionKeyBits, integrityId, List.copyOf(keyExchangeMethods));
  }

  public int encryptionId() {
    return encryptionId;
  }

  /** The Key Length attribute in bits, 0 when the transform has none. */
  public int encryptionKeyBits() {
    return encryptionKeyBits;
  }

  /** {@link Algorithms#AUTH_NONE} for an AEAD. */
  public int integrityId() {
    return integrityId;
  }

  /** Key exchange methods for PFS, in order; empty without PFS. */
  public List<Integer> keyExchangeMethods() {
    return keyExchangeMethods;
  }

  public boolean isAead() {
    return encryption.aead;
  }

  /** The cipher key in bytes (16 or 32), without salt. */
  public int cipherKeyLength() {
    return encryption.cipherKeyLength(encryptionKeyBits);
  }

  /**
   * The salt in bytes taken from KEYMAT after the cipher key: 4 for the AEADs (RFC 4106 §8.1, RFC
   * 7634 §2), else 0.
   */
  public int saltLength() {
    return encryption.saltLength;
  }

  /** The integrity key in bytes (RFC 4868 §2.1.2), 0 for an AEAD. */
  public int integrityKeyLength() {
    return integrity == null ? 0 : integrity.keyLength;
  }

  /** The IV carried in each ESP packet: 16 for AES-CBC, 8 for the AEADs. */
  public int ivLength() {
    return encryption.ivLength;
  }

  /** The ICV of each ESP packet: the AEAD tag (16) or the truncated HMAC (16, 24 or 32). */
  public int icvLength() {
    return encryption.aead ? encryption.icvLength : integrity.icvLength;
  }

  /** The JCE name of the HMAC ("HmacSHA256"...), or null for an AEAD. */
  public String integrityJceName() {
    return integrity == null ? null : integrity.jceName;
  }

  /** Key material per direction: cipher key, salt, integrity key. */
  public int keyMaterialLengthPerDirection() {
    return cipherKeyLength() + saltLength() + integrityKeyLength();
  }

  /** KEYMAT bytes for both directions (RFC 7296 §2.17). */
  public int keymatLength() {
    return 2 * keyMaterialLengthPerDirection();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ChildSuite)) {
      return false;
    }
    ChildSuite other = (ChildSuite) o;
    return encryptionId == other.encryptionId
        && encryptionKeyBits == other.encryptionKeyBits
        && integrityId == other.integrityId
        && keyExchangeMethods.equals(other.keyExchangeMethods);
  }

  @Override
  public int hashCode() {
    return Objects.hash(encryptionId, encryptionKeyBits, integrityId, keyExchangeMethods);
  }

  /** E.g. {@code ENCR_AES_CBC_256/AUTH_HMAC_SHA2_256_128/ECP_256+ML_KEM_768} or without PFS. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    String encr = Algorithms.name(TransformKind.ENCRYPTION, encryptionId);
    parts.add(encryptionKeyBits == 0 ? encr : encr + "_" + encryptionKeyBits);
    if (integrity != null) {
      parts.add(Algorithms.name(TransformKind.INTEGRITY, integrityId));
    }
    List<String> kes = new ArrayList<>();
    for (int method : keyExchangeMethods) {
      kes.add(Algorithms.name(TransformKind.KEY_EXCHANGE, method));
    }
    parts.add(kes.isEmpty() ? "no PFS" : String.join("+", kes));
    return String.join("/", parts);
  }
}
