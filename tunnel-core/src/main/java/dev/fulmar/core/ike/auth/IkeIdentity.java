package dev.fulmar.core.ike.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * An IKEv2 identity: the body of an IDi/IDr payload after its generic header (RFC 7296 §3.5).
 *
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   ID Type     |                 RESERVED                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                   Identification Data                         ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>{@link #toPayloadBody()} is exactly the "RestOfIDPayload" that the AUTH computation MACs
 * (RFC 7296 §2.15). Unknown ID types are kept as opaque bytes.
 */
public final class IkeIdentity {

  /** ID_IPV4_ADDR. */
  public static final int IPV4_ADDR = 1;
  /** ID_FQDN. */
  public static final int FQDN = 2;
  /** ID_RFC822_ADDR. */
  public static final int RFC822_ADDR = 3;
  /** ID_IPV6_ADDR. */
  public static final int IPV6_ADDR = 5;
  /** ID_DER_ASN1_DN. */
  public static final int DER_ASN1_DN = 9;
  /** ID_DER_ASN1_GN. */
  public static final int DER_ASN1_GN = 10;
  /** ID_KEY_ID. */
  public static final int KEY_ID = 11;

  private final int type;
  private final byte[] data;

  private IkeIdentity(int type, byte[] data) {
    this.type = type;
    this.data = data.clone();
  }

  /** An identity of any type with raw identification data. */
  public static IkeIdentity of(int type, byte[] data) {
    if (type < 0 || type > 255) {
      throw new IllegalArgumentException("ID type out of range: " + type);
    }
    return new IkeIdentity(type, Objects.requireNonNull(data));
  }

  /** ID_FQDN; the name is stored in lower case, without a trailing dot. */
  public static IkeIdentity fqdn(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".")) {
      n = n.substring(0, n.length() - 1);
    }
    return new IkeIdentity(FQDN, n.getBytes(StandardCharsets.US_ASCII));
  }

  /** ID_RFC822_ADDR (an e-mail address). */
  public static IkeIdentity rfc822(String address) {
    return new IkeIdentity(RFC822_ADDR, address.getBytes(StandardCharsets.UTF_8));
  }

  /** ID_IPV4_ADDR or ID_IPV6_ADDR, by the address family. */
  public static IkeIdentity address(InetAddress address) {
    byte[] raw = address.getAddress();
    return new IkeIdentity(raw.length == 4 ? IPV4_ADDR : IPV6_ADDR, raw);
  }

  /** ID_DER_ASN1_DN. */
  public static IkeIdentity dn(X500Principal name) {
    return new IkeIdentity(DER_ASN1_DN, name.getEncoded());
  }

  /** ID_KEY_ID (opaque octets). */
  public static IkeIdentity keyId(byte[] keyId) {
    return new IkeIdentity(KEY_ID, keyId);
  }

  /**
   * Decodes an ID payload body ({@code ID Type | RESERVED(3) | data}).
   *
   * @throws AuthDataException if the body is shorter than its fixed part or an address has the
   *     wrong length
   */
  public static IkeIdentity fromPayloadBody(byte[] body) throws AuthDataException {
    if (body.length < 4) {
      throw new AuthDataException("ID payload body is " + body.length + " bytes, less than 4");
    }
    int type = body[0] & 0xff;
    byte[] data = Arrays.copyOfRange(body, 4, body.length);
    if ((type == IPV4_ADDR && data.length != 4) || (type == IPV6_ADDR && data.length != 16)) {
      throw new AuthDataException(
          "ID type " + typeName(type) + " carries " + data.length + " address bytes");
    }
    return new IkeIdentity(type, data);
  }

  /** {@code ID Type | RESERVED(3) | data}: the octets that AUTH MACs (RestOfIDPayload). */
  public byte[] toPayloadBody() {
    byte[] out = new byte[4 + data.length];
    out[0] = (byte) type;
    System.arraycopy(data, 0, out, 4, data.length);
    return out;
  }

  /** The ID type number. */
  public int type() {
    return type;
  }

  /** A copy of the identification data. */
  public byte[] data() {
    return data.clone();
  }

  /** The address of an IPv4/IPv6 identity. */
  InetAddress inetAddress() {
    try {
      return InetAddress.getByAddress(data);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("not an address identity: " + this, e);
    }
  }

  /** The IANA name of an ID type, or {@code unknown(N)}. */
  public static String typeName(int type) {
    return switch (type) {
      case IPV4_ADDR -> "ID_IPV4_ADDR";
      case FQDN -> "ID_FQDN";
      case RFC822_ADDR -> "ID_RFC822_ADDR";
      case IPV6_ADDR -> "ID_IPV6_ADDR";
      case DER_ASN1_DN -> "ID_DER_ASN1_DN";
      case DER_ASN1_GN -> "ID_DER_ASN1_GN";
      case KEY_ID -> "ID_KEY_ID";
      default -> "unknown(" + type + ")";
    };
  }

  /** The identity as a person reads it: a name, an address, a DN or hex. */
  public String display() {
    return switch (type) {
      case IPV4_ADDR, IPV6_ADDR -> inetAddress().getHostAddress();
      case FQDN, RFC822_ADDR -> new String(data, StandardCharsets.UTF_8);
      case DER_ASN1_DN -> displayDn();
      default -> HexFormat.of().formatHex(data);
    };
  }

  private String displayDn() {
    try {
      return new X500Principal(data).getName(X500Principal.RFC2253);
    } catch (IllegalArgumentException e) {
      return "DN(" + HexFormat.of().formatHex(data) + ")";
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IkeIdentity
        && ((IkeIdentity) o).type == type
        && Arrays.equals(((IkeIdentity) o).data, data);
  }

  @Override
  public int hashCode() {
    return 31 * type + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return typeName(type) + ":" + display();
  }
}
