package dev.fulmar.core.ike.message;

import java.util.HashMap;
import java.util.Map;

/**
 * IKEv2 Transform Attribute Types (IANA; RFC 7296 §3.3.5). The type field has 15 bits; the top bit
 * of the wire field is the Attribute Format flag.
 *
 * <p>An open registry (STYLE.md #3): {@link #valueOf(int)} never fails and keeps values we have no
 * name for; {@link #toString()} prints the IANA name or {@code unknown(N)}.
 */
public final class TransformAttributeType extends IanaValue {

  private static final Map<Integer, TransformAttributeType> KNOWN = new HashMap<>();

  /** Key length in bits, always TV format (RFC 7296 §3.3.5). */
  public static final TransformAttributeType KEY_LENGTH = define(14, "KEY_LENGTH");

  /** Largest value the wire field can carry (15 bits). */
  static final int MAX_VALUE = 32767;

  private TransformAttributeType(int value, String name) {
    super(value, name);
  }

  private static TransformAttributeType define(int value, String name) {
    return register(KNOWN, new TransformAttributeType(value, name));
  }

  /** The constant for {@code value}, or a new unknown value; never fails. */
  public static TransformAttributeType valueOf(int value) {
    TransformAttributeType known = KNOWN.get(value);
    return known != null ? known : new TransformAttributeType(value, null);
  }
}
