package dev.fulmar.core.ike.message;

import java.util.HashMap;
import java.util.Map;

/**
 * IKEv2 Configuration Payload CFG Types (IANA; RFC 7296 §3.15).
 *
 * <p>An open registry (STYLE.md #3): {@link #valueOf(int)} never fails and keeps values we have no
 * name for; {@link #toString()} prints the IANA name or {@code unknown(N)}.
 */
public final class ConfigType extends IanaValue {

  private static final Map<Integer, ConfigType> KNOWN = new HashMap<>();

  public static final ConfigType REQUEST = define(1, "CFG_REQUEST");
  public static final ConfigType REPLY = define(2, "CFG_REPLY");
  public static final ConfigType SET = define(3, "CFG_SET");
  public static final ConfigType ACK = define(4, "CFG_ACK");

  /** Largest value the wire field can carry (8 bits). */
  static final int MAX_VALUE = 255;

  private ConfigType(int value, String name) {
    super(value, name);
  }

  private static ConfigType define(int value, String name) {
    return register(KNOWN, new ConfigType(value, name));
  }

  /** The constant for {@code value}, or a new unknown value; never fails. */
  public static ConfigType valueOf(int value) {
    ConfigType known = KNOWN.get(value);
    return known != null ? known : new ConfigType(value, null);
  }
}
