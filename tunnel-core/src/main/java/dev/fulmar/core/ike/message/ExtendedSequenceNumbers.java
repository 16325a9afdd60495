package dev.fulmar.core.ike.message;

import java.util.HashMap;
import java.util.Map;

/**
 * Transform Type 5 - Extended Sequence Numbers Transform IDs (IANA; RFC 7296 §3.3.2).
 *
 * <p>An open registry (STYLE.md #3): {@link #valueOf(int)} never fails and keeps values we have no
 * name for; {@link #toString()} prints the IANA name or {@code unknown(N)}.
 */
public final class ExtendedSequenceNumbers extends IanaValue {

  private static final Map<Integer, ExtendedSequenceNumbers> KNOWN = new HashMap<>();

  /** 32-bit sequence numbers. */
  public static final ExtendedSequenceNumbers NO_ESN = define(0, "NO_ESN");

  /** 64-bit extended sequence numbers. */
  public static final ExtendedSequenceNumbers ESN = define(1, "ESN");

  /** Largest value the wire field can carry (16 bits). */
  static final int MAX_VALUE = 65535;

  private ExtendedSequenceNumbers(int value, String name) {
    super(value, name);
  }

  private static ExtendedSequenceNumbers define(int value, String name) {
    return register(KNOWN, new ExtendedSequenceNumbers(value, name));
  }

  /** The constant for {@code value}, or a new unknown value; never fails. */
  public static ExtendedSequenceNumbers valueOf(int value) {
    ExtendedSequenceNumbers known = KNOWN.get(value);
    return known != null ? known : new ExtendedSequenceNumbers(value, null);
  }
}
