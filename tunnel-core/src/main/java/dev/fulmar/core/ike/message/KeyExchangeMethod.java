package dev.fulmar.core.ike.message;

import dev.fulmar.core.ike.crypto.Algorithms;
import dev.fulmar.core.ike.crypto.TransformKind;
import java.util.HashMap;
import java.util.Map;

/**
 * Transform Type 4 - Key Exchange Method Transform IDs (IANA; RFC 7296 §3.3.2, RFC 3526, RFC 5903,
 * RFC 8031, RFC 9370, and the ML-KEM assignments 35 to 37).
 *
 * <p>Also the IDs of the Additional Key Exchange transforms (types 6 to 12, RFC 9370) and of the KE
 * payload's Key Exchange Method Num field (RFC 7296 §3.4).
 *
 * <p>The IDs and IANA names come from {@link Algorithms}, the engine's one table of them.
 *
 * <p>An open registry (STYLE.md #3): {@link #valueOf(int)} never fails and keeps values we have no
 * name for; {@link #toString()} prints the IANA name or {@code unknown(N)}.
 */
public final class KeyExchangeMethod extends IanaValue {

  private static final Map<Integer, KeyExchangeMethod> KNOWN = new HashMap<>();

  /** No key exchange; allowed in ADDKE transforms to make them optional (RFC 9370). */
  public static final KeyExchangeMethod NONE = define(Algorithms.KE_NONE);

  public static final KeyExchangeMethod MODP_768 = define(Algorithms.MODP_768);
  public static final KeyExchangeMethod MODP_1024 = define(Algorithms.MODP_1024);
  public static final KeyExchangeMethod MODP_1536 = define(Algorithms.MODP_1536);

  /** 2048-bit MODP group (RFC 3526). */
  public static final KeyExchangeMethod MODP_2048 = define(Algorithms.MODP_2048);

  /** 3072-bit MODP group (RFC 3526). */
  public static final KeyExchangeMethod MODP_3072 = define(Algorithms.MODP_3072);

  /** 4096-bit MODP group (RFC 3526). */
  public static final KeyExchangeMethod MODP_4096 = define(Algorithms.MODP_4096);

  public static final KeyExchangeMethod MODP_6144 = define(Algorithms.MODP_6144);
  public static final KeyExchangeMethod MODP_8192 = define(Algorithms.MODP_8192);

  /** NIST P-256 (RFC 5903). */
  public static final KeyExchangeMethod ECP_256 = define(Algorithms.ECP_256);

  /** NIST P-384 (RFC 5903). */
  public static final KeyExchangeMethod ECP_384 = define(Algorithms.ECP_384);

  /** NIST P-521 (RFC 5903). */
  public static final KeyExchangeMethod ECP_521 = define(Algorithms.ECP_521);

  public static final KeyExchangeMethod MODP_1024_S160 = define(Algorithms.MODP_1024_160);
  public static final KeyExchangeMethod MODP_2048_S224 = define(Algorithms.MODP_2048_224);
  public static final KeyExchangeMethod MODP_2048_S256 = define(Algorithms.MODP_2048_256);
  public static final KeyExchangeMethod ECP_192 = define(Algorithms.ECP_192);
  public static final KeyExchangeMethod ECP_224 = define(Algorithms.ECP_224);
  public static final KeyExchangeMethod BRAINPOOL_P224R1 = define(Algorithms.ECP_224_BP);
  public static final KeyExchangeMethod BRAINPOOL_P256R1 = define(Algorithms.ECP_256_BP);
  public static final KeyExchangeMethod BRAINPOOL_P384R1 = define(Algorithms.ECP_384_BP);
  public static final KeyExchangeMethod BRAINPOOL_P512R1 = define(Algorithms.ECP_512_BP);

  /** X25519 (RFC 8031). */
  public static final KeyExchangeMethod CURVE25519 = define(Algorithms.CURVE_25519);

  /** X448 (RFC 8031). */
  public static final KeyExchangeMethod CURVE448 = define(Algorithms.CURVE_448);

  public static final KeyExchangeMethod GOST3410_2012_256 = define(Algorithms.GOST3410_2012_256);
  public static final KeyExchangeMethod GOST3410_2012_512 = define(Algorithms.GOST3410_2012_512);

  /** ML-KEM-512 (FIPS 203). */
  public static final KeyExchangeMethod ML_KEM_512 = define(Algorithms.ML_KEM_512);

  /** ML-KEM-768 (FIPS 203). */
  public static final KeyExchangeMethod ML_KEM_768 = define(Algorithms.ML_KEM_768);

  /** ML-KEM-1024 (FIPS 203). */
  public static final KeyExchangeMethod ML_KEM_1024 = define(Algorithms.ML_KEM_1024);

  /** Largest value the wire field can carry (16 bits). */
  static final int MAX_VALUE = 65535;

  private KeyExchangeMethod(int value, String name) {
    super(value, name);
  }

  private static KeyExchangeMethod define(int value) {
    if (!Algorithms.isKnown(TransformKind.KEY_EXCHANGE, value)) {
      throw new IllegalStateException("no IANA name for " + value);
    }
    return register(
        KNOWN, new KeyExchangeMethod(value, Algorithms.name(TransformKind.KEY_EXCHANGE, value)));
  }

  /** The constant for {@code value}, or a new unknown value; never fails. */
  public static KeyExchangeMethod valueOf(int value) {
    KeyExchangeMethod known = KNOWN.get(value);
    return known != null ? known : new KeyExchangeMethod(value, null);
  }
}
