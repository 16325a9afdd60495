package dev.fulmar.core.ike.message;

import java.util.HashMap;
import java.util.Map;

/**
 * IKEv2 Payload Types (IANA "IKEv2 Payload Types"; RFC 7296 §3.2, RFC 7383 §2.5).
 *
 * <p>Names are the RFC 7296 notation used in exchange diagrams ({@code SA}, {@code KE}, {@code
 * IDi}, {@code SK}, ...); the one-letter notations N, D and V are spelled out (Notify, Delete,
 * Vendor ID) so that error messages such as "Notify payload at offset 40: ..." stay readable.
 *
 * <p>An open registry (STYLE.md #3): {@link #valueOf(int)} never fails and keeps values we have no
 * name for; {@link #toString()} prints the IANA name or {@code unknown(N)}.
 */
public final class PayloadType extends IanaValue {

  private static final Map<Integer, PayloadType> KNOWN = new HashMap<>();

  /** No Next Payload. */
  public static final PayloadType NONE = define(0, "NONE");

  /** Security Association (RFC 7296 §3.3). */
  public static final PayloadType SA = define(33, "SA");

  /** Key Exchange (RFC 7296 §3.4). */
  public static final PayloadType KE = define(34, "KE");

  /** Identification - Initiator (RFC 7296 §3.5). */
  public static final PayloadType IDI = define(35, "IDi");

  /** Identification - Responder (RFC 7296 §3.5). */
  public static final PayloadType IDR = define(36, "IDr");

  /** Certificate (RFC 7296 §3.6). */
  public static final PayloadType CERT = define(37, "CERT");

  /** Certificate Request (RFC 7296 §3.7). */
  public static final PayloadType CERTREQ = define(38, "CERTREQ");

  /** Authentication (RFC 7296 §3.8). */
  public static final PayloadType AUTH = define(39, "AUTH");

  /** Nonce, Ni or Nr (RFC 7296 §3.9). */
  public static final PayloadType NONCE = define(40, "Nonce");

  /** Notify (RFC 7296 §3.10). */
  public static final PayloadType NOTIFY = define(41, "Notify");

  /** Delete (RFC 7296 §3.11). */
  public static final PayloadType DELETE = define(42, "Delete");

  /** Vendor ID (RFC 7296 §3.12). */
  public static final PayloadType VENDOR_ID = define(43, "Vendor ID");

  /** Traffic Selector - Initiator (RFC 7296 §3.13). */
  public static final PayloadType TSI = define(44, "TSi");

  /** Traffic Selector - Responder (RFC 7296 §3.13). */
  public static final PayloadType TSR = define(45, "TSr");

  /** Encrypted and Authenticated (RFC 7296 §3.14). */
  public static final PayloadType SK = define(46, "SK");

  /** Configuration (RFC 7296 §3.15). */
  public static final PayloadType CP = define(47, "CP");

  /** Extensible Authentication (RFC 7296 §3.16). */
  public static final PayloadType EAP = define(48, "EAP");

  /** Generic Secure Password Method (RFC 6467). */
  public static final PayloadType GSPM = define(49, "GSPM");

  /** Group Identification (G-IKEv2). */
  public static final PayloadType IDG = define(50, "IDg");

  /** Group Security Association (G-IKEv2). */
  public static final PayloadType GSA = define(51, "GSA");

  /** Key Download (G-IKEv2). */
  public static final PayloadType KD = define(52, "KD");

  /** Encrypted and Authenticated Fragment (RFC 7383 §2.5). */
  public static final PayloadType SKF = define(53, "SKF");

  /** Puzzle Solution (RFC 8019). */
  public static final PayloadType PS = define(54, "PS");

  /** Largest value the wire field can carry (8 bits). */
  static final int MAX_VALUE = 255;

  private PayloadType(int value, String name) {
    super(value, name);
  }

  private static PayloadType define(int value, String name) {
    return register(KNOWN, new PayloadType(value, name));
  }

  /** The constant for {@code value}, or a new unknown value; never fails. */
  public static PayloadType valueOf(int value) {
    PayloadType known = KNOWN.get(value);
    return known != null ? known : new PayloadType(value, null);
  }
}
