package dev.fulmar.profiles.model;

import java.util.Locale;
import java.util.Objects;

/**
 * An IKE identity (RFC 7296 §3.5): the ID type and its textual value.
 *
 * <p>Written as a string the way strongSwan does: a value without a prefix is typed by its shape
 * (an IP literal, {@code user@domain} as RFC 822, {@code CN=...} as a distinguished name, else a
 * host name); a prefix ({@code fqdn:}, {@code email:}, {@code keyid:}, {@code dn:}, {@code ipv4:},
 * {@code ipv6:}) forces the type. {@link #toString()} re-parses to an equal identity.
 */
public record Identity(Type type, String value) {

  /** ID types with their IANA numbers (IKEv2 Identification Payload ID Type registry). */
  public enum Type {
    IPV4_ADDR(1, "ipv4"),
    FQDN(2, "fqdn"),
    RFC822_ADDR(3, "email"),
    IPV6_ADDR(5, "ipv6"),
    DER_ASN1_DN(9, "dn"),
    KEY_ID(11, "keyid");

    private final int ianaId;
    private final String prefix;

    Type(int ianaId, String prefix) {
      this.ianaId = ianaId;
      this.prefix = prefix;
    }

    /** The ID Type value sent in IDi/IDr. */
    public int ianaId() {
      return ianaId;
    }

    /** The prefix that forces this type in the textual form. */
    public String prefix() {
      return prefix;
    }
  }

  public Identity {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }

  /**
   * Parses the textual form (never throws; the validator judges whether the value fits the type).
   */
  public static Identity parse(String text) {
    int colon = text.indexOf(':');
    if (colon > 0) {
      String prefix = text.substring(0, colon).toLowerCase(Locale.ROOT);
      String rest = text.substring(colon + 1);
      for (Type t : Type.values()) {
        if (t.prefix.equals(prefix)) {
          return new Identity(t, rest);
        }
      }
      switch (prefix) {
        case "rfc822", "userfqdn", "ufqdn" -> {
          return new Identity(Type.RFC822_ADDR, rest);
        }
        case "asn1dn" -> {
          return new Identity(Type.DER_ASN1_DN, rest);
        }
        default -> {}
      }
    }
    return new Identity(guessType(text), text);
  }

  private static Type guessType(String text) {
    if (IpAddress.isIpv4Literal(text)) {
      return Type.IPV4_ADDR;
    }
    if (IpAddress.isIpv6Literal(text)) {
      return Type.IPV6_ADDR;
    }
    if (text.contains("=")) {
      return Type.DER_ASN1_DN;
    }
    if (text.contains("@")) {
      return Type.RFC822_ADDR;
    }
    return Type.FQDN;
  }

  @Override
  public String toString() {
    if (value.indexOf(':') < 0 && guessType(value) == type) {
      return value;
    }
    if (type == Type.IPV6_ADDR && guessType(value) == Type.IPV6_ADDR) {
      return value;
    }
    return type.prefix + ":" + value;
  }
}
