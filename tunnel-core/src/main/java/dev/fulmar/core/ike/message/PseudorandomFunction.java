package dev.fulmar.core.ike.message;

import dev.fulmar.core.ike.crypto.Algorithms;
import dev.fulmar.core.ike.crypto.TransformKind;
import java.util.HashMap;
import java.util.Map;

/**
 * Transform Type 2 - Pseudorandom Function Transform IDs (IANA; RFC 7296 §3.3.2, RFC 4868).
 *
 * <p>The IDs and IANA names come from {@link Algorithms}, the engine's one table of them.
 *
 * <p>An open registry (STYLE.md #3): {@link #valueOf(int)} never fails and keeps values we have no
 * name for; {@link #toString()} prints the IANA name or {@code unknown(N)}.
 */
public final class PseudorandomFunction extends IanaValue {

  private static final Map<Integer, PseudorandomFunction> KNOWN = new HashMap<>();

  public static final PseudorandomFunction HMAC_MD5 = define(Algorithms.PRF_HMAC_MD5);
  public static final PseudorandomFunction HMAC_SHA1 = define(Algorithms.PRF_HMAC_SHA1);
  public static final PseudorandomFunction HMAC_TIGER = define(Algorithms.PRF_HMAC_TIGER);
  public static final PseudorandomFunction AES128_XCBC = define(Algorithms.PRF_AES128_XCBC);
  public static final PseudorandomFunction HMAC_SHA2_256 = define(Algorithms.PRF_HMAC_SHA2_256);
  public static final PseudorandomFunction HMAC_SHA2_384 = define(Algorithms.PRF_HMAC_SHA2_384);
  public static final PseudorandomFunction HMAC_SHA2_512 = define(Algorithms.PRF_HMAC_SHA2_512);
  public static final PseudorandomFunction AES128_CMAC = define(Algorithms.PRF_AES128_CMAC);
  public static final PseudorandomFunction HMAC_STREEBOG_512 =
      define(Algorithms.PRF_HMAC_STREEBOG_512);

  /** Largest value the wire field can carry (16 bits). */
  static final int MAX_VALUE = 65535;

  private PseudorandomFunction(int value, String name) {
    super(value, name);
  }

  private static PseudorandomFunction define(int value) {
    if (!Algorithms.isKnown(TransformKind.PRF, value)) {
      throw new IllegalStateException("no IANA name for " + value);
    }
    return register(
        KNOWN, new PseudorandomFunction(value, Algorithms.name(TransformKind.PRF, value)));
  }

  /** The constant for {@code value}, or a new unknown value; never fails. */
  public static PseudorandomFunction valueOf(int value) {
    PseudorandomFunction known = KNOWN.get(value);
    return known != null ? known : new PseudorandomFunction(value, null);
  }
}
