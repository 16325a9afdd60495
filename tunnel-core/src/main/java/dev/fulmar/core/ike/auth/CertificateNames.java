package dev.fulmar.core.ike.auth;

import dev.fulmar.core.api.IkeIdentity;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Which names a certificate holds, and whether it names an IKE identity or a host.
 *
 * <p>Matching is exact (no wildcards): an FQDN against the SAN dNSName entries (case-insensitive,
 * trailing dot ignored), an address against the SAN iPAddress entries, an e-mail address against
 * the rfc822Name entries (case-insensitive), a DN against the subject (or a SAN directoryName),
 * a KEY_ID against the subject key identifier or the SHA-1 of the subject public key (as
 * strongSwan's key ids). The subject CN is never used as a host name (RFC 6125 §6.4.4).
 */
final class CertificateNames {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final int SAN_EMAIL = 1;
  private static final int SAN_DNS = 2;
  private static final int SAN_DIRECTORY = 4;
  private static final int SAN_IP = 7;

  private CertificateNames() {}

  /** The names for messages: SAN DNS names, addresses and e-mails, then the subject DN. */
  static List<String> certifiedNames(X509Certificate cert) {
    List<String> out = new ArrayList<>();
    for (List<?> san : sans(cert)) {
      int t = (Integer) san.get(0);
      if (t == SAN_DNS || t == SAN_IP || t == SAN_EMAIL || t == SAN_DIRECTORY) {
        out.add(String.valueOf(san.get(1)));
      }
    }
    out.add(cert.getSubjectX500Principal().getName(X500Principal.RFC2253));
    return out;
  }

  /** Whether {@code cert} names {@code id}. */
  static boolean certifies(X509Certificate cert, IkeIdentity id) {
    switch (id.type()) {
      case FQDN:
        return hasDnsName(cert, new String(id.data(), StandardCharsets.US_ASCII));
      case IPV4_ADDR:
      case IPV6_ADDR:
        return hasAddress(cert, address(id));
      case RFC822_ADDR:
        return hasSan(cert, SAN_EMAIL, new String(id.data(), StandardCharsets.UTF_8));
      case DER_ASN1_DN:
        return hasDn(cert, id.data());
      case KEY_ID:
        return hasKeyId(cert, id.data());
      default:
        return false;
    }
  }

  /** The address of an IPv4/IPv6 identity. */
  private static InetAddress address(IkeIdentity id) {
    try {
      return InetAddress.getByAddress(id.data());
    } catch (UnknownHostException e) {
      throw new IllegalStateException("not an address identity: " + id.describe(), e);
    }
  }

  /** Whether {@code cert} names the host (a DNS name or an IP literal) in its SAN. */
  static boolean certifiesHost(X509Certificate cert, String host) {
    InetAddress ip = ipLiteral(host);
    return ip != null ? hasAddress(cert, ip) : hasDnsName(cert, host);
  }

  /** The address if {@code host} is an IPv4 or IPv6 literal, else {@code null} (no DNS). */
  static InetAddress ipLiteral(String host) {
    String h = host.startsWith("[") && host.endsWith("]")
        ? host.substring(1, host.length() - 1) : host;
    if (!IPV4.matcher(h).matches() && h.indexOf(':') < 0) {
      return null;
    }
    try {
      return InetAddress.getByName(h);
    } catch (UnknownHostException | SecurityException e) {
      return null;
    }
  }

  private static boolean hasDnsName(X509Certificate cert, String name) {
    String want = normalizeDns(name);
    for (List<?> san : sans(cert)) {
      if ((Integer) san.get(0) == SAN_DNS && normalizeDns(String.valueOf(san.get(1))).equals(want)) {
        return true;
      }
    }
    return false;
  }

  private static String normalizeDns(String n) {
    String s = n.toLowerCase(Locale.ROOT);
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  private static boolean hasSan(X509Certificate cert, int type, String value) {
    for (List<?> san : sans(cert)) {
      if ((Integer) san.get(0) == type && String.valueOf(san.get(1)).equalsIgnoreCase(value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasAddress(X509Certificate cert, InetAddress want) {
    for (List<?> san : sans(cert)) {
      if ((Integer) san.get(0) == SAN_IP) {
        InetAddress a = ipLiteral(String.valueOf(san.get(1)));
        if (want.equals(a)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasDn(X509Certificate cert, byte[] der) {
    X500Principal want;
    try {
      want = new X500Principal(der);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (cert.getSubjectX500Principal().equals(want)) {
      return true;
    }
    for (List<?> san : sans(cert)) {
      if ((Integer) san.get(0) == SAN_DIRECTORY) {
        try {
          if (new X500Principal(String.valueOf(san.get(1))).equals(want)) {
            return true;
          }
        } catch (IllegalArgumentException e) {
          // an unparsable directoryName names nothing
        }
      }
    }
    return false;
  }

  private static boolean hasKeyId(X509Certificate cert, byte[] keyId) {
    byte[] ski = cert.getExtensionValue("2.5.29.14");
    if (ski != null) {
      try {
        ASN1OctetString outer = ASN1OctetString.getInstance(ski);
        byte[] inner = ASN1OctetString.getInstance(
            ASN1Primitive.fromByteArray(outer.getOctets())).getOctets();
        if (MessageDigest.isEqual(inner, keyId)) {
          return true;
        }
      } catch (Exception e) {
        // malformed extension: fall back to the key hash
      }
    }
    try {
      byte[] keyBits = SubjectPublicKeyInfo.getInstance(cert.getPublicKey().getEncoded())
          .getPublicKeyData().getBytes();
      return Arrays.equals(MessageDigest.getInstance("SHA-1").digest(keyBits), keyId);
    } catch (NoSuchAlgorithmException | IllegalArgumentException e) {
      return false;
    }
  }

  private static Collection<List<?>> sans(X509Certificate cert) {
    try {
      Collection<List<?>> s = cert.getSubjectAlternativeNames();
      return s == null ? List.of() : s;
    } catch (CertificateParsingException e) {
      return List.of();
    }
  }
}
