package dev.fulmar.core.ike.message;

import java.util.HashMap;
import java.util.Map;

/**
 * IKEv2 Exchange Types (IANA "IKEv2 Exchange Types"; RFC 7296 §3.1, RFC 9242, RFC 9370).
 *
 * <p>An open registry (STYLE.md #3): {@link #valueOf(int)} never fails and keeps values we have no
 * name for; {@link #toString()} prints the IANA name or {@code unknown(N)}.
 */
public final class ExchangeType extends IanaValue {

  private static final Map<Integer, ExchangeType> KNOWN = new HashMap<>();

  /** RFC 7296 §1.2. */
  public static final ExchangeType IKE_SA_INIT = define(34, "IKE_SA_INIT");

  /** RFC 7296 §1.2. */
  public static final ExchangeType IKE_AUTH = define(35, "IKE_AUTH");

  /** RFC 7296 §1.3. */
  public static final ExchangeType CREATE_CHILD_SA = define(36, "CREATE_CHILD_SA");

  /** RFC 7296 §1.4. */
  public static final ExchangeType INFORMATIONAL = define(37, "INFORMATIONAL");

  /** RFC 5723. */
  public static final ExchangeType IKE_SESSION_RESUME = define(38, "IKE_SESSION_RESUME");

  /** G-IKEv2. */
  public static final ExchangeType GSA_AUTH = define(39, "GSA_AUTH");

  /** G-IKEv2. */
  public static final ExchangeType GSA_REGISTRATION = define(40, "GSA_REGISTRATION");

  /** G-IKEv2. */
  public static final ExchangeType GSA_REKEY = define(41, "GSA_REKEY");

  /** G-IKEv2. */
  public static final ExchangeType GSA_INBAND_REKEY = define(42, "GSA_INBAND_REKEY");

  /** RFC 9242. */
  public static final ExchangeType IKE_INTERMEDIATE = define(43, "IKE_INTERMEDIATE");

  /** RFC 9370. */
  public static final ExchangeType IKE_FOLLOWUP_KE = define(44, "IKE_FOLLOWUP_KE");

  /** Largest value the wire field can carry (8 bits). */
  static final int MAX_VALUE = 255;

  private ExchangeType(int value, String name) {
    super(value, name);
  }

  private static ExchangeType define(int value, String name) {
    return register(KNOWN, new ExchangeType(value, name));
  }

  /** The constant for {@code value}, or a new unknown value; never fails. */
  public static ExchangeType valueOf(int value) {
    ExchangeType known = KNOWN.get(value);
    return known != null ? known : new ExchangeType(value, null);
  }
}
