package dev.fulmar.core.ike.message;

import java.util.HashMap;
import java.util.Map;

/**
 * IKEv2 Traffic Selector Types (IANA; RFC 7296 §3.13.1, RFC 4595, RFC 9478).
 *
 * <p>An open registry (STYLE.md #3): {@link #valueOf(int)} never fails and keeps values we have no
 * name for; {@link #toString()} prints the IANA name or {@code unknown(N)}.
 */
public final class TsType extends IanaValue {

  private static final Map<Integer, TsType> KNOWN = new HashMap<>();

  /** An IPv4 address range with a port range. */
  public static final TsType IPV4_ADDR_RANGE = define(7, "TS_IPV4_ADDR_RANGE");

  /** An IPv6 address range with a port range. */
  public static final TsType IPV6_ADDR_RANGE = define(8, "TS_IPV6_ADDR_RANGE");

  /** RFC 4595. */
  public static final TsType FC_ADDR_RANGE = define(9, "TS_FC_ADDR_RANGE");

  /** A security label (RFC 9478). */
  public static final TsType SECLABEL = define(10, "TS_SECLABEL");

  /** Largest value the wire field can carry (8 bits). */
  static final int MAX_VALUE = 255;

  private TsType(int value, String name) {
    super(value, name);
  }

  private static TsType define(int value, String name) {
    return register(KNOWN, new TsType(value, name));
  }

  /** The constant for {@code value}, or a new unknown value; never fails. */
  public static TsType valueOf(int value) {
    TsType known = KNOWN.get(value);
    return known != null ? known : new TsType(value, null);
  }
}
