package dev.fulmar.core.ike.message;

import dev.fulmar.core.ike.crypto.Algorithms;
import dev.fulmar.core.ike.crypto.TransformKind;
import java.util.HashMap;
import java.util.Map;

/**
 * Transform Type 3 - Integrity Algorithm Transform IDs (IANA; RFC 7296 §3.3.2, RFC 4868).
 *
 * <p>The IDs and IANA names come from {@link Algorithms}, the engine's one table of them.
 *
 * <p>An open registry (STYLE.md #3): {@link #valueOf(int)} never fails and keeps values we have no
 * name for; {@link #toString()} prints the IANA name or {@code unknown(N)}.
 */
public final class IntegrityAlgorithm extends IanaValue {

  private static final Map<Integer, IntegrityAlgorithm> KNOWN = new HashMap<>();

  /** No integrity transform (used with AEAD ciphers). */
  public static final IntegrityAlgorithm NONE = define(Algorithms.AUTH_NONE);

  public static final IntegrityAlgorithm HMAC_MD5_96 = define(Algorithms.AUTH_HMAC_MD5_96);
  public static final IntegrityAlgorithm HMAC_SHA1_96 = define(Algorithms.AUTH_HMAC_SHA1_96);
  public static final IntegrityAlgorithm DES_MAC = define(Algorithms.AUTH_DES_MAC);
  public static final IntegrityAlgorithm KPDK_MD5 = define(Algorithms.AUTH_KPDK_MD5);
  public static final IntegrityAlgorithm AES_XCBC_96 = define(Algorithms.AUTH_AES_XCBC_96);
  public static final IntegrityAlgorithm HMAC_MD5_128 = define(Algorithms.AUTH_HMAC_MD5_128);
  public static final IntegrityAlgorithm HMAC_SHA1_160 = define(Algorithms.AUTH_HMAC_SHA1_160);
  public static final IntegrityAlgorithm AES_CMAC_96 = define(Algorithms.AUTH_AES_CMAC_96);
  public static final IntegrityAlgorithm AES_128_GMAC = define(Algorithms.AUTH_AES_128_GMAC);
  public static final IntegrityAlgorithm AES_192_GMAC = define(Algorithms.AUTH_AES_192_GMAC);
  public static final IntegrityAlgorithm AES_256_GMAC = define(Algorithms.AUTH_AES_256_GMAC);
  public static final IntegrityAlgorithm HMAC_SHA2_256_128 =
      define(Algorithms.AUTH_HMAC_SHA2_256_128);
  public static final IntegrityAlgorithm HMAC_SHA2_384_192 =
      define(Algorithms.AUTH_HMAC_SHA2_384_192);
  public static final IntegrityAlgorithm HMAC_SHA2_512_256 =
      define(Algorithms.AUTH_HMAC_SHA2_512_256);

  /** Largest value the wire field can carry (16 bits). */
  static final int MAX_VALUE = 65535;

  private IntegrityAlgorithm(int value, String name) {
    super(value, name);
  }

  private static IntegrityAlgorithm define(int value) {
    if (!Algorithms.isKnown(TransformKind.INTEGRITY, value)) {
      throw new IllegalStateException("no IANA name for " + value);
    }
    return register(
        KNOWN, new IntegrityAlgorithm(value, Algorithms.name(TransformKind.INTEGRITY, value)));
  }

  /** The constant for {@code value}, or a new unknown value; never fails. */
  public static IntegrityAlgorithm valueOf(int value) {
    IntegrityAlgorithm known = KNOWN.get(value);
    return known != null ? known : new IntegrityAlgorithm(value, null);
  }
}
