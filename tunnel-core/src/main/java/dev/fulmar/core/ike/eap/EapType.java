package dev.fulmar.core.ike.eap;

import java.util.Map;

/**
 * An EAP method type (IANA "Method Types", RFC 3748 §5). Open: unknown numbers get an {@code
 * unknown(N)} instance and are answered with a Nak.
 */
public final class EapType {

  /** Identity (1). */
  public static final EapType IDENTITY = new EapType(1, "Identity");
  /** Notification (2). */
  public static final EapType NOTIFICATION = new EapType(2, "Notification");
  /** Legacy Nak (3), response only. */
  public static final EapType NAK = new EapType(3, "Nak");
  /** MD5-Challenge (4). */
  public static final EapType MD5_CHALLENGE = new EapType(4, "MD5-Challenge");
  /** Generic Token Card (6). */
  public static final EapType GTC = new EapType(6, "GTC");
  /** EAP-TLS (13). */
  public static final EapType TLS = new EapType(13, "TLS");
  /** EAP-TTLS (21). */
  public static final EapType TTLS = new EapType(21, "TTLS");
  /** PEAP (25). */
  public static final EapType PEAP = new EapType(25, "PEAP");
  /** EAP-MSCHAPv2 (26). */
  public static final EapType MSCHAPV2 = new EapType(26, "MSCHAPv2");
  /** Expanded Types (254). */
  public static final EapType EXPANDED = new EapType(254, "Expanded");

  private static final Map<Integer, EapType> KNOWN = Map.of(1, IDENTITY, 2, NOTIFICATION, 3, NAK,
      4, MD5_CHALLENGE, 6, GTC, 13, TLS, 21, TTLS, 25, PEAP, 26, MSCHAPV2, 254, EXPANDED);

  private final int value;
  private final String name;

  private EapType(int value, String name) {
    this.value = value;
    this.name = name;
  }

  /** The constant for {@code value} (0..255), or a new {@code unknown(value)} instance. */
  public static EapType valueOf(int value) {
    EapType t = KNOWN.get(value);
    return t != null ? t : new EapType(value, "unknown(" + value + ")");
  }

  /** The type number. */
  public int value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EapType && ((EapType) o).value == value;
  }

  @Override
  public int hashCode() {
    return value;
  }

  @Override
  public String toString() {
    return name;
  }
}
