package dev.fulmar.core.api;

import dev.fulmar.core.ike.message.IdType;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * An IKE identity (RFC 7296 §3.5, the IDi/IDr payload content): its ID type and the raw
 * identification data, as the profile sets it and as the gateway sent it. The engine's
 * authentication checks match it against the gateway's certificate; the wire form is {@code
 * ike.message.IdPayload}. {@link #parse(String)} follows strongSwan's conventions so that profile
 * values mean the same as in {@code swanctl.conf}.
 */
public final class IkeIdentity {
  /** ID types of RFC 7296 §3.5. */
  public enum Type {
    IPV4_ADDR(1),
    FQDN(2),
    RFC822_ADDR(3),
    IPV6_ADDR(5),
    DER_ASN1_DN(9),
    DER_ASN1_GN(10),
    KEY_ID(11),
    /**
     * Any other ID type, e.g. one a gateway sends that this client has no name for; {@link
     * IkeIdentity#typeCode()} holds its number.
     */
    OTHER(-1);

    private final int code;

    Type(int code) {
      this.code = code;
    }

    /** The ID Type value on the wire; -1 for {@link #OTHER}. */
    public int code() {
      return code;
    }

    static Type of(int code) {
      for (Type t : values()) {
        if (t.code == code) {
          return t;
        }
      }
      return OTHER;
    }
  }

  private final int typeCode;
  private final byte[] data;

  private IkeIdentity(int typeCode, byte[] data) {
    this.typeCode = typeCode;
    this.data = data.clone();
  }

  /** An identity from its wire form. */
  public static IkeIdentity of(Type type, byte[] data) {
    if (type == Type.OTHER) {
      throw new IllegalArgumentException("an identity of another type needs its number");
    }
    return new IkeIdentity(type.code(), Objects.requireNonNull(data));
  }

  /** An identity of any ID type (0..255) with its raw identification data, e.g. a gateway's IDr. */
  public static IkeIdentity of(int typeCode, byte[] data) {
    if (typeCode < 0 || typeCode > 255) {
      throw new IllegalArgumentException("ID type out of range: " + typeCode);
    }
    return new IkeIdentity(typeCode, Objects.requireNonNull(data));
  }

  public static IkeIdentity fqdn(String name) {
    return new IkeIdentity(Type.FQDN.code, name.getBytes(StandardCharsets.US_ASCII));
  }

  public static IkeIdentity email(String address) {
    return new IkeIdentity(Type.RFC822_ADDR.code, address.getBytes(StandardCharsets.US_ASCII));
  }

  public static IkeIdentity address(InetAddress address) {
    Type type = address instanceof Inet4Address ? Type.IPV4_ADDR : Type.IPV6_ADDR;
    return new IkeIdentity(type.code, address.getAddress());
  }

  public static IkeIdentity distinguishedName(X500Principal dn) {
    return new IkeIdentity(Type.DER_ASN1_DN.code, dn.getEncoded());
  }

  public static IkeIdentity keyId(byte[] keyId) {
    return new IkeIdentity(Type.KEY_ID.code, keyId);
  }

  /**
   * Reads an identity the way strongSwan does: an IP literal is an address, {@code @name} forces
   * an FQDN, {@code @#hex} is a key ID, {@code user@host} is an e-mail address, a string with
   * {@code =} is a distinguished name (e.g. {@code C=CH, O=Example, CN=vpn}), anything else an FQDN.
   *
   * @throws IllegalArgumentException for an empty string or an unreadable DN or key ID
   */
  public static IkeIdentity parse(String text) {
    String s = Objects.requireNonNull(text, "text").trim();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty identity");
    }
    if (s.startsWith("@#")) {
      return keyId(HexFormat.of().parseHex(s.substring(2)));
    }
    if (s.startsWith("@")) {
      return fqdn(s.substring(1));
    }
    if (IpLiterals.isLiteral(s)) {
      return address(IpLiterals.parse(s));
    }
    if (s.contains("=")) {
      return distinguishedName(new X500Principal(s));
    }
    return s.contains("@") ? email(s) : fqdn(s);
  }

  /** The ID type; {@link Type#OTHER} for a type this client has no name for. */
  public Type type() {
    return Type.of(typeCode);
  }

  /** The ID Type value on the wire. */
  public int typeCode() {
    return typeCode;
  }

  /** The identification data as sent on the wire. */
  public byte[] data() {
    return data.clone();
  }

  /**
   * The identity as a human reads it: a name, an address (RFC 5952 for IPv6), a DN in RFC 2253
   * form, a key ID as {@code @#hex}, the data in hex for other types.
   */
  @Override
  public String toString() {
    switch (type()) {
      case FQDN:
      case RFC822_ADDR:
        return new String(data, StandardCharsets.UTF_8);
      case IPV4_ADDR:
      case IPV6_ADDR:
        return IpLiterals.format(data);
      case DER_ASN1_DN:
        try {
          return new X500Principal(data).getName(X500Principal.RFC2253);
        } catch (IllegalArgumentException e) {
          return "DN#" + HexFormat.of().formatHex(data);
        }
      case KEY_ID:
        return "@#" + HexFormat.of().formatHex(data);
      default:
        return HexFormat.of().formatHex(data);
    }
  }

  /** The identity with its IANA ID type for logs, e.g. {@code ID_FQDN:vpn.example.test}. */
  public String describe() {
    return IdType.valueOf(typeCode) + ":" + this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IkeIdentity
        && ((IkeIdentity) o).typeCode == typeCode
        && Arrays.equals(((IkeIdentity) o).data, data);
  }

  @Override
  public int hashCode() {
    return 31 * typeCode + Arrays.hashCode(data);
  }
}
