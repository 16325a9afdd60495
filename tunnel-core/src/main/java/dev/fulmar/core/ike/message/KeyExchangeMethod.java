package dev.fulmar.core.ike.message;

import java.util.HashMap;
import java.util.Map;

/**
 * Transform Type 4 - Key Exchange Method Transform IDs (IANA; RFC 7296 §3.3.2, RFC 3526, RFC 5903,
 * RFC 8031, RFC 9370, and the ML-KEM assignments 35 to 37).
 *
 * <p>Also the IDs of the Additional Key Exchange transforms (types 6 to 12, RFC 9370) and of the KE
 * payload's Key Exchange Method Num field (RFC 7296 §3.4).
 *
 * <p>An open registry (STYLE.md #3): {@link #valueOf(int)} never fails and keeps values we have no
 * name for; {@link #toString()} prints the IANA name or {@code unknown(N)}.
 */
public final class KeyExchangeMethod extends IanaValue {

  private static final Map<Integer, KeyExchangeMethod> KNOWN = new HashMap<>();

  /** No key exchange; allowed in ADDKE transforms to make them optional (RFC 9370). */
  public static final KeyExchangeMethod NONE = define(0, "NONE");

  public static final KeyExchangeMethod MODP_768 = define(1, "MODP_768");
  public static final KeyExchangeMethod MODP_1024 = define(2, "MODP_1024");
  public static final KeyExchangeMethod MODP_1536 = define(5, "MODP_1536");

  /** 2048-bit MODP group (RFC 3526). */
  public static final KeyExchangeMethod MODP_2048 = define(14, "MODP_2048");

  /** 3072-bit MODP group (RFC 3526). */
  public static final KeyExchangeMethod MODP_3072 = define(15, "MODP_3072");

  /** 4096-bit MODP group (RFC 3526). */
  public static final KeyExchangeMethod MODP_4096 = define(16, "MODP_4096");

  public static final KeyExchangeMethod MODP_6144 = define(17, "MODP_6144");
  public static final KeyExchangeMethod MODP_8192 = define(18, "MODP_8192");

  /** NIST P-256 (RFC 5903). */
  public static final KeyExchangeMethod ECP_256 = define(19, "ECP_256");

  /** NIST P-384 (RFC 5903). */
  public static final KeyExchangeMethod ECP_384 = define(20, "ECP_384");

  /** NIST P-521 (RFC 5903). */
  public static final KeyExchangeMethod ECP_521 = define(21, "ECP_521");

  public static final KeyExchangeMethod MODP_1024_S160 = define(22, "MODP_1024_S160");
  public static final KeyExchangeMethod MODP_2048_S224 = define(23, "MODP_2048_S224");
  public static final KeyExchangeMethod MODP_2048_S256 = define(24, "MODP_2048_S256");
  public static final KeyExchangeMethod ECP_192 = define(25, "ECP_192");
  public static final KeyExchangeMethod ECP_224 = define(26, "ECP_224");
  public static final KeyExchangeMethod BRAINPOOL_P224R1 = define(27, "ECP_224_BP");
  public static final KeyExchangeMethod BRAINPOOL_P256R1 = define(28, "ECP_256_BP");
  public static final KeyExchangeMethod BRAINPOOL_P384R1 = define(29, "ECP_384_BP");
  public static final KeyExchangeMethod BRAINPOOL_P512R1 = define(30, "ECP_512_BP");

  /** X25519 (RFC 8031). */
  public static final KeyExchangeMethod CURVE25519 = define(31, "CURVE_25519");

  /** X448 (RFC 8031). */
  public static final KeyExchangeMethod CURVE448 = define(32, "CURVE_448");

  public static final KeyExchangeMethod GOST3410_2012_256 = define(33, "GOST3410_2012_256");
  public static final KeyExchangeMethod GOST3410_2012_512 = define(34, "GOST3410_2012_512");

  /** ML-KEM-512 (FIPS 203). */
  public static final KeyExchangeMethod ML_KEM_512 = define(35, "ML_KEM_512");

  /** ML-KEM-768 (FIPS 203). */
  public static final KeyExchangeMethod ML_KEM_768 = define(36, "ML_KEM_768");

  /** ML-KEM-1024 (FIPS 203). */
  public static final KeyExchangeMethod ML_KEM_1024 = define(37, "ML_KEM_1024");

  /** Largest value the wire field can carry (16 bits). */
  static final int MAX_VALUE = 65535;

  private KeyExchangeMethod(int value, String name) {
    super(value, name);
  }

  private static KeyExchangeMethod define(int value, String name) {
    return register(KNOWN, new KeyExchangeMethod(value, name));
  }

  /** The constant for {@code value}, or a new unknown value; never fails. */
  public static KeyExchangeMethod valueOf(int value) {
    KeyExchangeMethod known = KNOWN.get(value);
    return known != null ? known : new KeyExchangeMethod(value, null);
  }
}
