package dev.fulmar.core.ike.message;

import java.util.HashMap;
import java.util.Map;

/**
 * IKEv2 Certificate Encodings (IANA; RFC 7296 §3.6, RFC 4806, RFC 7670).
 *
 * <p>An open registry (STYLE.md #3): {@link #valueOf(int)} never fails and keeps values we have no
 * name for; {@link #toString()} prints the IANA name or {@code unknown(N)}.
 */
public final class CertEncoding extends IanaValue {

  private static final Map<Integer, CertEncoding> KNOWN = new HashMap<>();

  public static final CertEncoding PKCS7_X509 = define(1, "PKCS7_WRAPPED_X509");
  public static final CertEncoding PGP = define(2, "PGP");
  public static final CertEncoding DNS_SIGNED_KEY = define(3, "DNS_SIGNED_KEY");

  /** DER-encoded X.509 certificate (the usual one). */
  public static final CertEncoding X509_SIGNATURE = define(4, "X509_CERT_SIGNATURE");

  public static final CertEncoding KERBEROS_TOKEN = define(6, "KERBEROS_TOKEN");

  /** DER-encoded certificate revocation list. */
  public static final CertEncoding CRL = define(7, "CRL");

  public static final CertEncoding ARL = define(8, "ARL");
  public static final CertEncoding SPKI = define(9, "SPKI");
  public static final CertEncoding X509_ATTRIBUTE = define(10, "X509_CERT_ATTRIBUTE");
  public static final CertEncoding RAW_RSA_KEY = define(11, "RAW_RSA_KEY");
  public static final CertEncoding HASH_URL_X509_CERT = define(12, "HASH_AND_URL_X509_CERT");
  public static final CertEncoding HASH_URL_X509_BUNDLE = define(13, "HASH_AND_URL_X509_BUNDLE");

  /** RFC 4806. */
  public static final CertEncoding OCSP_CONTENT = define(14, "OCSP_CONTENT");

  /** RFC 7670. */
  public static final CertEncoding RAW_PUBLIC_KEY = define(15, "RAW_PUBLIC_KEY");

  /** Largest value the wire field can carry (8 bits). */
  static final int MAX_VALUE = 255;

  private CertEncoding(int value, String name) {
    super(value, name);
  }

  private static CertEncoding define(int value, String name) {
    return register(KNOWN, new CertEncoding(value, name));
  }

  /** The constant for {@code value}, or a new unknown value; never fails. */
  public static CertEncoding valueOf(int value) {
    CertEncoding known = KNOWN.get(value);
    return known != null ? known : new CertEncoding(value, null);
  }
}
