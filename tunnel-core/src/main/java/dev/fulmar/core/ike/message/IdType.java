package dev.fulmar.core.ike.message;

import java.util.HashMap;
import java.util.Map;

/**
 * IKEv2 Identification Payload ID Types (IANA; RFC 7296 §3.5, RFC 7619).
 *
 * <p>An open registry (STYLE.md #3): {@link #valueOf(int)} never fails and keeps values we have no
 * name for; {@link #toString()} prints the IANA name or {@code unknown(N)}.
 */
public final class IdType extends IanaValue {

  private static final Map<Integer, IdType> KNOWN = new HashMap<>();

  /** A single four-octet IPv4 address. */
  public static final IdType IPV4_ADDR = define(1, "ID_IPV4_ADDR");

  /** A fully qualified domain name string, without terminator. */
  public static final IdType FQDN = define(2, "ID_FQDN");

  /** An email address string, without terminator. */
  public static final IdType RFC822_ADDR = define(3, "ID_RFC822_ADDR");

  /** A single sixteen-octet IPv6 address. */
  public static final IdType IPV6_ADDR = define(5, "ID_IPV6_ADDR");

  /** The DER encoding of an ASN.1 X.500 Distinguished Name. */
  public static final IdType DER_ASN1_DN = define(9, "ID_DER_ASN1_DN");

  /** The DER encoding of an ASN.1 X.509 GeneralName. */
  public static final IdType DER_ASN1_GN = define(10, "ID_DER_ASN1_GN");

  /** An opaque octet stream. */
  public static final IdType KEY_ID = define(11, "ID_KEY_ID");

  /** RFC 4595. */
  public static final IdType FC_NAME = define(12, "ID_FC_NAME");

  /** No identity (RFC 7619). */
  public static final IdType NULL = define(13, "ID_NULL");

  /** Largest value the wire field can carry (8 bits). */
  static final int MAX_VALUE = 255;

  private IdType(int value, String name) {
    super(value, name);
  }

  private static IdType define(int value, String name) {
    return register(KNOWN, new IdType(value, name));
  }

  /** The constant for {@code value}, or a new unknown value; never fails. */
  public static IdType valueOf(int value) {
    IdType known = KNOWN.get(value);
    return known != null ? known : new IdType(value, null);
  }
}
