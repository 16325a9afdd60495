package dev.fulmar.core.ike.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The algorithms negotiated for one IKE SA: encryption (with key length), PRF, integrity (NONE with
 * an AEAD), the key exchange method of IKE_SA_INIT and the additional key exchanges of RFC 9370 in
 * the order they run (ADDKE1, ADDKE2, ...). Every algorithm has passed {@link AlgorithmPolicy}, so
 * holding an {@code IkeSuite} means holding an acceptable one.
 *
 * <p>It knows the SK_* key lengths (RFC 7296 §2.14) and makes the SK/SKF protectors from the keys
 * of {@link KeyDerivation}.
 */
public final class IkeSuite {

  /** RFC 9370 §2.1: transform types 6..12, ADDKE1..ADDKE7. */
  public static final int MAX_ADDITIONAL_KEY_EXCHANGES = 7;

  private final int encryptionId;
  private final int encryptionKeyBits;
  private final int prfId;
  private final int integrityId;
  private final int keyExchangeMethod;
  private final List<Integer> additionalKeyExchanges;
  private final EncryptionSpec encryption;
  private final IntegritySpec integrity;
  private final Prf prf;

  private IkeSuite(
      int encryptionId,
      int encryptionKeyBits,
      int prfId,
      int integrityId,
      int keyExchangeMethod,
      List<Integer> additionalKeyExchanges) {
    this.encryptionId = encryptionId;
    this.encryptionKeyBits = encryptionKeyBits;
    this.prfId = prfId;
    this.integrityId = integrityId;
    this.keyExchangeMethod = keyExchangeMethod;
    this.additionalKeyExchanges = additionalKeyExchanges;
    this.encryption = EncryptionSpec.of(encryptionId);
    this.integrity = IntegritySpec.of(integrityId);
    this.prf = HmacPrf.of(prfId);
  }

  /**
   * A suite from negotiated transform IDs.
   *
   * @param encryptionKeyBits the Key Length attribute (0 when absent, as for ChaCha20-Poly1305)
   * @param integrityId {@link Algorithms#AUTH_NONE} with an AEAD
   * @param additionalKeyExchanges the ADDKE methods that run, in order; empty for none
   * @throws RefusedAlgorithmException if any algorithm is refused by {@link AlgorithmPolicy}
   */
  public static IkeSuite of(
      int encryptionId,
      int encryptionKeyBits,
      int prfId,
      int integrityId,
      int keyExchangeMethod,
      List<Integer> additionalKeyExchanges)
      throws RefusedAlgorithmException {
    AlgorithmPolicy.checkEncryption(encryptionId, encryptionKeyBits);
    AlgorithmPolicy.checkPrf(prfId);
    AlgorithmPolicy.checkIntegrity(integrityId, encryptionId);
    AlgorithmPolicy.checkKeyExchange(keyExchangeMethod);
    if (additionalKeyExchanges.size() > MAX_ADDITIONAL_KEY_EXCHANGES) {
      throw new IllegalArgumentException(
          "at most "
              + MAX_ADDITIONAL_KEY_EXCHANGES
              + " additional key exchanges (RFC 9370), got "
              + additionalKeyExchanges.size());
    }
    for (int method : additionalKeyExchanges) {
      AlgorithmPolicy.checkKeyExchange(method);
    }
    return new IkeSuite(
        encryptionId,
        encryptionKeyBits,
        prfId,
        integrityId,
        keyExchangeMethod,
        List.copyOf(additionalKeyExchanges));
  }

  public int encryptionId() {
    return encryptionId;
  }

  /** The Key Length attribute in bits, 0 when the transform has none. */
  public int encryptionKeyBits() {
    return encryptionKeyBits;
  }

  public int prfId() {
    return prfId;
  }

  /** {@link Algorithms#AUTH_NONE} for an AEAD. */
  public int integrityId() {
    return integrityId;
  }

  /** The key exchange method of the KE payload (IKE_SA_INIT or CREATE_CHILD_SA). */
  public int keyExchangeMethod() {
    return keyExchangeMethod;
  }

  /** The additional key exchange methods (RFC 9370), in the order they run. */
  public List<Integer> additionalKeyExchanges() {
    return additionalKeyExchanges;
  }

  /** The PRF, shared and thread-safe. */
  public Prf prf() {
    return prf;
  }

  public boolean isAead() {
    return encryption.aead;
  }

  /** Length of SK_ei and SK_er in bytes; for an AEAD it includes the 4-byte salt. */
  public int encryptionKeyLength() {
    return encryption.keyMaterialLength(encryptionKeyBits);
  }

  /** Length of SK_ai and SK_ar in bytes; 0 for an AEAD. */
  public int integrityKeyLength() {
    return integrity == null ? 0 : integrity.keyLength;
  }

  /** Bytes of prf+ output for {SK_d | SK_ai | SK_ar | SK_ei | SK_er | SK_pi | SK_pr}. */
  public int keyMaterialLength() {
    return 3 * prf.keyLength() + 2 * integrityKeyLength() + 2 * encryptionKeyLength();
  }

  /**
   * The SK/SKF protectors for {@code role}, the role we had in the exchange that created the IKE SA
   * (the original initiator uses SK_ei/SK_ai to send). Each call makes new instances whose AEAD IV
   * counters start at zero: call it once per IKE SA.
   *
   * @param random the source of the AES-CBC IVs
   */
  public SkCiphers ciphers(IkeSaKeys keys, Role role, SecureRandom random)
      throws GeneralSecurityException {
    if (!equals(keys.suite())) {
      throw new IllegalArgumentException("keys of " + keys.suite() + " used with " + this);
    }
    SkCipher fromInitiator = cipher(keys.skEi(), keys.skAi(), random);
    SkCipher fromResponder = cipher(keys.skEr(), keys.skAr(), random);
    return role == Role.INITIATOR
        ? new SkCiphers(fromInitiator, fromResponder)
        : new SkCiphers(fromResponder, fromInitiator);
  }

  private SkCipher cipher(byte[] encryptionKey, byte[] integrityKey, SecureRandom random)
      throws GeneralSecurityException {
    try {
      return encryption.aead
          ? new AeadSkCipher(encryption, encryptionKey, 0)
          : new CbcHmacSkCipher(encryptionKey, integrity, integrityKey, random);
    } finally {
      Bytes.wipe(encryptionKey, integrityKey);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof IkeSuite)) {
      return false;
    }
    IkeSuite other = (IkeSuite) o;
    return encryptionId == other.encryptionId
        && encryptionKeyBits == other.encryptionKeyBits
        && prfId == other.prfId
        && integrityId == other.integrityId
        && keyExchangeMethod == other.keyExchangeMethod
        && additionalKeyExchanges.equals(other.additionalKeyExchanges);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        encryptionId,
        encryptionKeyBits,
        prfId,
        integrityId,
        keyExchangeMethod,
        additionalKeyExchanges);
  }

  /** E.g. {@code ENCR_AES_GCM_16_256/PRF_HMAC_SHA2_384/CURVE_25519+ML_KEM_768}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    String encr = Algorithms.name(TransformKind.ENCRYPTION, encryptionId);
    parts.add(encryptionKeyBits == 0 ? encr : encr + "_" + encryptionKeyBits);
    if (integrity != null) {
      parts.add(Algorithms.name(TransformKind.INTEGRITY, integrityId));
    }
    parts.add(Algorithms.name(TransformKind.PRF, prfId));
    StringBuilder ke =
        new StringBuilder(Algorithms.name(TransformKind.KEY_EXCHANGE, keyExchangeMethod));
    for (int method : additionalKeyExchanges) {
      ke.append('+').append(Algorithms.name(TransformKind.KEY_EXCHANGE, method));
    }
    parts.add(ke.toString());
    return String.join("/", parts);
  }
}
