package dev.fulmar.core.ike.message;

import dev.fulmar.core.ike.crypto.Algorithms;
import dev.fulmar.core.ike.crypto.TransformKind;
import java.util.HashMap;
import java.util.Map;

/**
 * Transform Type 1 - Encryption Algorithm Transform IDs (IANA; RFC 7296 §3.3.2, RFC 4106, RFC 5282,
 * RFC 7634).
 *
 * <p>The registry lists algorithms this product refuses (DES, 3DES, Blowfish, ...): they are named
 * here so that a refusal or a peer's proposal can say what it is.
 *
 * <p>The IDs and IANA names come from {@link Algorithms}, the engine's one table of them.
 *
 * <p>An open registry (STYLE.md #3): {@link #valueOf(int)} never fails and keeps values we have no
 * name for; {@link #toString()} prints the IANA name or {@code unknown(N)}.
 */
public final class EncryptionAlgorithm extends IanaValue {

  private static final Map<Integer, EncryptionAlgorithm> KNOWN = new HashMap<>();

  public static final EncryptionAlgorithm DES_IV64 = define(Algorithms.ENCR_DES_IV64);
  public static final EncryptionAlgorithm DES = define(Algorithms.ENCR_DES);
  public static final EncryptionAlgorithm TRIPLE_DES = define(Algorithms.ENCR_3DES);
  public static final EncryptionAlgorithm RC5 = define(Algorithms.ENCR_RC5);
  public static final EncryptionAlgorithm IDEA = define(Algorithms.ENCR_IDEA);
  public static final EncryptionAlgorithm CAST = define(Algorithms.ENCR_CAST);
  public static final EncryptionAlgorithm BLOWFISH = define(Algorithms.ENCR_BLOWFISH);
  public static final EncryptionAlgorithm TRIPLE_IDEA = define(Algorithms.ENCR_3IDEA);
  public static final EncryptionAlgorithm DES_IV32 = define(Algorithms.ENCR_DES_IV32);
  public static final EncryptionAlgorithm NULL = define(Algorithms.ENCR_NULL);

  /** RFC 3602; key length attribute required. */
  public static final EncryptionAlgorithm AES_CBC = define(Algorithms.ENCR_AES_CBC);

  public static final EncryptionAlgorithm AES_CTR = define(Algorithms.ENCR_AES_CTR);
  public static final EncryptionAlgorithm AES_CCM_8 = define(Algorithms.ENCR_AES_CCM_8);
  public static final EncryptionAlgorithm AES_CCM_12 = define(Algorithms.ENCR_AES_CCM_12);
  public static final EncryptionAlgorithm AES_CCM_16 = define(Algorithms.ENCR_AES_CCM_16);

  /** AES-GCM with an 8-octet ICV (RFC 4106, RFC 5282). */
  public static final EncryptionAlgorithm AES_GCM_8 = define(Algorithms.ENCR_AES_GCM_8);

  /** AES-GCM with a 12-octet ICV (RFC 4106, RFC 5282). */
  public static final EncryptionAlgorithm AES_GCM_12 = define(Algorithms.ENCR_AES_GCM_12);

  /** AES-GCM with a 16-octet ICV (RFC 4106, RFC 5282). */
  public static final EncryptionAlgorithm AES_GCM_16 = define(Algorithms.ENCR_AES_GCM_16);

  public static final EncryptionAlgorithm NULL_AUTH_AES_GMAC =
      define(Algorithms.ENCR_NULL_AUTH_AES_GMAC);
  public static final EncryptionAlgorithm CAMELLIA_CBC = define(Algorithms.ENCR_CAMELLIA_CBC);
  public static final EncryptionAlgorithm CAMELLIA_CTR = define(Algorithms.ENCR_CAMELLIA_CTR);
  public static final EncryptionAlgorithm CAMELLIA_CCM_8 = define(Algorithms.ENCR_CAMELLIA_CCM_8);
  public static final EncryptionAlgorithm CAMELLIA_CCM_12 = define(Algorithms.ENCR_CAMELLIA_CCM_12);
  public static final EncryptionAlgorithm CAMELLIA_CCM_16 = define(Algorithms.ENCR_CAMELLIA_CCM_16);

  /** RFC 7634. */
  public static final EncryptionAlgorithm CHACHA20_POLY1305 =
      define(Algorithms.ENCR_CHACHA20_POLY1305);

  public static final EncryptionAlgorithm AES_CCM_8_IIV = define(Algorithms.ENCR_AES_CCM_8_IIV);
  public static final EncryptionAlgorithm AES_GCM_16_IIV = define(Algorithms.ENCR_AES_GCM_16_IIV);
  public static final EncryptionAlgorithm CHACHA20_POLY1305_IIV =
      define(Algorithms.ENCR_CHACHA20_POLY1305_IIV);
  public static final EncryptionAlgorithm KUZNYECHIK_MGM_KTREE =
      define(Algorithms.ENCR_KUZNYECHIK_MGM_KTREE);
  public static final EncryptionAlgorithm MAGMA_MGM_KTREE = define(Algorithms.ENCR_MAGMA_MGM_KTREE);
  public static final EncryptionAlgorithm KUZNYECHIK_MGM_MAC_KTREE =
      define(Algorithms.ENCR_KUZNYECHIK_MGM_MAC_KTREE);
  public static final EncryptionAlgorithm MAGMA_MGM_MAC_KTREE =
      define(Algorithms.ENCR_MAGMA_MGM_MAC_KTREE);

  /** Largest value the wire field can carry (16 bits). */
  static final int MAX_VALUE = 65535;

  private EncryptionAlgorithm(int value, String name) {
    super(value, name);
  }

  private static EncryptionAlgorithm define(int value) {
    if (!Algorithms.isKnown(TransformKind.ENCRYPTION, value)) {
      throw new IllegalStateException("no IANA name for " + value);
    }
    return register(
        KNOWN, new EncryptionAlgorithm(value, Algorithms.name(TransformKind.ENCRYPTION, value)));
  }

  /** The constant for {@code value}, or a new unknown value; never fails. */
  public static EncryptionAlgorithm valueOf(int value) {
    EncryptionAlgorithm known = KNOWN.get(value);
    return known != null ? known : new EncryptionAlgorithm(value, null);
  }
}
