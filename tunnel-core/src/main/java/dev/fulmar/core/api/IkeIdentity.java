package dev.fulmar.core.api;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * An IKE identity (RFC 7296 §3.5, the IDi/IDr payload content): its ID type and the raw
 * identification data. {@link #parse(String)} follows strongSwan's conventions so that profile
 * values mean the same as in {@code swanctl.conf}.
 */
public final class IkeIdentity {
  /** ID types of RFC 7296 §3.5 that clients use. */
  public enum Type {
    IPV4_ADDR(1),
    FQDN(2),
    RFC822_ADDR(3),
    IPV6_ADDR(5),
    DER_ASN1_DN(9),
    KEY_ID(11);

    private final int code;

    Type(int code) {
      this.code = code;
    }

    /** The ID Type value on the wire. */
    public int code() {
      return code;
    }
  }

  private final Type type;
  private final byte[] data;

  private IkeIdentity(Type type, byte[] data) {
    this.type = Objects.requireNonNull(type);
    this.data = data.clone();
  }

  /** An identity from its wire form. */
  public static IkeIdentity of(Type type, byte[] data) {
    return new IkeIdentity(type, data);
  }

  public static IkeIdentity fqdn(String name) {
    return new IkeIdentity(Type.FQDN, name.getBytes(StandardCharsets.US_ASCII));
  }

  public static IkeIdentity email(String address) {
    return new IkeIdentity(Type.RFC822_ADDR, address.getBytes(StandardCharsets.US_ASCII));
  }

  public static IkeIdentity address(InetAddress address) {
    return new IkeIdentity(
        address instanceof Inet4Address ? Type.IPV4_ADDR : Type.IPV6_ADDR, address.getAddress());
  }

  public static IkeIdentity distinguishedName(X500Principal dn) {
    return new IkeIdentity(Type.DER_ASN1_DN, dn.getEncoded());
  }

  public static IkeIdentity keyId(byte[] keyId) {
    return new IkeIdentity(Type.KEY_ID, keyId);
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

  public Type type() {
    return type;
  }

  /** The identification data as sent on the wire. */
  public byte[] data() {
    return data.clone();
  }

  /** The identity as a human reads it (DN in RFC 2253 form, key ID as {@code @#hex}). */
  @Override
  public String toString() {
    switch (type) {
      case FQDN:
      case RFC822_ADDR:
        return new String(data, StandardCharsets.US_ASCII);
      case IPV4_ADDR:
      case IPV6_ADDR:
        return IpLiterals.format(data);
      case DER_ASN1_DN:
        try {
          return new X500Principal(data).getName(X500Principal.RFC2253);
        } catch (IllegalArgumentException e) {
          return "DN#" + HexFormat.of().formatHex(data);
        }
      default:
        return "@#" + HexFormat.of().formatHex(data);
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
    return 31 * type.hashCode() + Arrays.hashCode(data);
  }

  /** IP literal helpers that never touch DNS. */
  static final class IpLiterals {
    private IpLiterals() {}

    static boolean isLiteral(String s) {
      return s.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (s.contains(":") && s.matches("[0-9a-fA-F:.]+"));
    }

    static InetAddress parse(String s) {
      try {
        // getByName does not resolve a literal; the pattern check above guarantees one.
        return InetAddress.getByName(s);
      } catch (java.net.UnknownHostException e) {
        throw new IllegalArgumentException("not an IP address: " + s, e);
      }
    }

    static String format(byte[] raw) {
      try {
        return format(InetAddress.getByAddress(raw));
      } catch (java.net.UnknownHostException e) {
        return HexFormat.of().formatHex(raw);
      }
    }

    /** Dotted quad for IPv4, RFC 5952 compressed form for IPv6. */
    static String format(InetAddress address) {
      byte[] raw = address.getAddress();
      if (raw.length == 4) {
        return address.getHostAddress();
      }
      int[] groups = new int[8];
      for (int i = 0; i < 8; i++) {
        groups[i] = ((raw[2 * i] & 0xff) << 8) | (raw[2 * i + 1] & 0xff);
      }
      int bestStart = -1;
      int bestLen = 1;
      for (int i = 0; i < 8; ) {
        int j = i;
        while (j < 8 && groups[j] == 0) {
          j++;
        }
        if (j - i > bestLen) {
          bestStart = i;
          bestLen = j - i;
        }
        i = j == i ? i + 1 : j;
      }
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        if (i == bestStart) {
          sb.append(i == 0 ? "::" : ":");
          i += bestLen - 1;
          continue;
        }
        sb.append(Integer.toHexString(groups[i])).append(i < 7 ? ":" : "");
      }
      return sb.toString();
    }
  }
}
