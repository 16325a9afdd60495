package dev.fulmar.core.ike.message;

import java.util.HashMap;
import java.util.Map;

/**
 * Transform Type 3 - Integrity Algorithm Transform IDs (IANA; RFC 7296 §3.3.2, RFC 4868).
 *
 * <p>An open registry (STYLE.md #3): {@link #valueOf(int)} never fails and keeps values we have no
 * name for; {@link #toString()} prints the IANA name or {@code unknown(N)}.
 */
public final class IntegrityAlgorithm extends IanaValue {

  private static final Map<Integer, IntegrityAlgorithm> KNOWN = new HashMap<>();

  /** No integrity transform (used with AEAD ciphers). */
  public static final IntegrityAlgorithm NONE = define(0, "NONE");

  public static final IntegrityAlgorithm HMAC_MD5_96 = define(1, "AUTH_HMAC_MD5_96");
  public static final IntegrityAlgorithm HMAC_SHA1_96 = define(2, "AUTH_HMAC_SHA1_96");
  public static final IntegrityAlgorithm DES_MAC = define(3, "AUTH_DES_MAC");
  public static final IntegrityAlgorithm KPDK_MD5 = define(4, "AUTH_KPDK_MD5");
  public static final IntegrityAlgorithm AES_XCBC_96 = define(5, "AUTH_AES_XCBC_96");
  public static final IntegrityAlgorithm HMAC_MD5_128 = define(6, "AUTH_HMAC_MD5_128");
  public static final IntegrityAlgorithm HMAC_SHA1_160 = define(7, "AUTH_HMAC_SHA1_160");
  public static final IntegrityAlgorithm AES_CMAC_96 = define(8, "AUTH_AES_CMAC_96");
  public static final IntegrityAlgorithm AES_128_GMAC = define(9, "AUTH_AES_128_GMAC");
  public static final IntegrityAlgorithm AES_192_GMAC = define(10, "AUTH_AES_192_GMAC");
  public static final IntegrityAlgorithm AES_256_GMAC = define(11, "AUTH_AES_256_GMAC");
  public static final IntegrityAlgorithm HMAC_SHA2_256_128 = define(12, "AUTH_HMAC_SHA2_256_128");
  public static final IntegrityAlgorithm HMAC_SHA2_384_192 = define(13, "AUTH_HMAC_SHA2_384_192");
  public static final IntegrityAlgorithm HMAC_SHA2_512_256 = define(14, "AUTH_HMAC_SHA2_512_256");

  /** Largest value the wire field can carry (16 bits). */
  static final int MAX_VALUE = 65535;

  private IntegrityAlgorithm(int value, String name) {
    super(value, name);
  }

  private static IntegrityAlgorithm define(int value, String name) {
    return register(KNOWN, new IntegrityAlgorithm(value, name));
  }

  /** The constant for {@code value}, or a new unknown value; never fails. */
  public static IntegrityAlgorithm valueOf(int value) {
    IntegrityAlgorithm known = KNOWN.get(value);
    return known != null ? known : new IntegrityAlgorithm(value, null);
  }
}
