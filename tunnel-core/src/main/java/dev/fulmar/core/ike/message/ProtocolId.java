package dev.fulmar.core.ike.message;

import java.util.HashMap;
import java.util.Map;

/**
 * IKEv2 Security Protocol Identifiers (IANA; RFC 7296 §3.3.1). Used in proposals, Notify and Delete
 * payloads.
 *
 * <p>An open registry (STYLE.md #3): {@link #valueOf(int)} never fails and keeps values we have no
 * name for; {@link #toString()} prints the IANA name or {@code unknown(N)}.
 */
public final class ProtocolId extends IanaValue {

  private static final Map<Integer, ProtocolId> KNOWN = new HashMap<>();

  /** Reserved; sent in a Notify payload that carries no SPI (RFC 7296 §3.10). */
  public static final ProtocolId NONE = define(0, "NONE");

  public static final ProtocolId IKE = define(1, "IKE");
  public static final ProtocolId AH = define(2, "AH");
  public static final ProtocolId ESP = define(3, "ESP");
  public static final ProtocolId FC_ESP_HEADER = define(4, "FC_ESP_HEADER");
  public static final ProtocolId FC_CT_AUTHENTICATION = define(5, "FC_CT_AUTHENTICATION");

  /** Largest value the wire field can carry (8 bits). */
  static final int MAX_VALUE = 255;

  private ProtocolId(int value, String name) {
    super(value, name);
  }

  private static ProtocolId define(int value, String name) {
    return register(KNOWN, new ProtocolId(value, name));
  }

  /** The constant for {@code value}, or a new unknown value; never fails. */
  public static ProtocolId valueOf(int value) {
    ProtocolId known = KNOWN.get(value);
    return known != null ? known : new ProtocolId(value, null);
  }
}
