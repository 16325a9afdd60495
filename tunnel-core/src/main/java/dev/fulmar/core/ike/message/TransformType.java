package dev.fulmar.core.ike.message;

import java.util.HashMap;
import java.util.Map;

/**
 * Transform Type Values (IANA "Transform Type Values"; RFC 7296 §3.3.2, RFC 9370 §2.2).
 *
 * <p>An open registry (STYLE.md #3): {@link #valueOf(int)} never fails and keeps values we have no
 * name for; {@link #toString()} prints the IANA name or {@code unknown(N)}.
 */
public final class TransformType extends IanaValue {

  private static final Map<Integer, TransformType> KNOWN = new HashMap<>();

  /** Encryption Algorithm. */
  public static final TransformType ENCR = define(1, "ENCR");

  /** Pseudorandom Function. */
  public static final TransformType PRF = define(2, "PRF");

  /** Integrity Algorithm. */
  public static final TransformType INTEG = define(3, "INTEG");

  /** Key Exchange Method (formerly Diffie-Hellman group). */
  public static final TransformType KE = define(4, "KE");

  /** Extended Sequence Numbers (renamed Sequence Numbers by G-IKEv2). */
  public static final TransformType ESN = define(5, "ESN");

  /** Additional Key Exchange 1 (RFC 9370). */
  public static final TransformType ADDKE1 = define(6, "ADDKE1");

  /** Additional Key Exchange 2 (RFC 9370). */
  public static final TransformType ADDKE2 = define(7, "ADDKE2");

  /** Additional Key Exchange 3 (RFC 9370). */
  public static final TransformType ADDKE3 = define(8, "ADDKE3");

  /** Additional Key Exchange 4 (RFC 9370). */
  public static final TransformType ADDKE4 = define(9, "ADDKE4");

  /** Additional Key Exchange 5 (RFC 9370). */
  public static final TransformType ADDKE5 = define(10, "ADDKE5");

  /** Additional Key Exchange 6 (RFC 9370). */
  public static final TransformType ADDKE6 = define(11, "ADDKE6");

  /** Additional Key Exchange 7 (RFC 9370). */
  public static final TransformType ADDKE7 = define(12, "ADDKE7");

  /** Key Wrap Algorithm (G-IKEv2). */
  public static final TransformType KWA = define(13, "KWA");

  /** Group Controller Authentication Method (G-IKEv2). */
  public static final TransformType GCAUTH = define(14, "GCAUTH");

  /** Largest value the wire field can carry (8 bits). */
  static final int MAX_VALUE = 255;

  private TransformType(int value, String name) {
    super(value, name);
  }

  private static TransformType define(int value, String name) {
    return register(KNOWN, new TransformType(value, name));
  }

  /** The constant for {@code value}, or a new unknown value; never fails. */
  public static TransformType valueOf(int value) {
    TransformType known = KNOWN.get(value);
    return known != null ? known : new TransformType(value, null);
  }

  /**
   * The Additional Key Exchange type {@code ADDKE<index>} for {@code index} 1 to 7 (RFC 9370 §2.2).
   *
   * @throws IllegalArgumentException if {@code index} is outside 1..7
   */
  public static TransformType additionalKeyExchange(int index) {
    if (index < 1 || index > 7) {
      throw new IllegalArgumentException("ADDKE index must be 1..7, was " + index);
    }
    return valueOf(ADDKE1.value() + index - 1);
  }

  /** Whether the transform IDs of this type are Key Exchange Method IDs (KE and ADDKE1..7). */
  public boolean carriesKeyExchangeMethod() {
    return value() == KE.value() || (value() >= ADDKE1.value() && value() <= ADDKE7.value());
  }
}
