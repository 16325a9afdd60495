package dev.fulmar.core.ike.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The CA certificates a gateway's chain must lead to: the profile's own CA certificate(s), or
 * the system trust store when the profile says so.
 */
public final class TrustAnchors {

  /** Debian's Java trust store (package ca-certificates-java), built from the system CAs. */
  static final Path DEBIAN_CACERTS = Path.of("/etc/ssl/certs/java/cacerts");

  private final Set<TrustAnchor> anchors;
  private final List<X509Certificate> certificates;
  private final String description;

  private TrustAnchors(List<X509Certificate> certs, String description) {
    if (certs.isEmpty()) {
      throw new IllegalArgumentException("no CA certificate in " + description);
    }
    Set<TrustAnchor> set = new HashSet<>();
    for (X509Certificate c : certs) {
      set.add(new TrustAnchor(c, null));
    }
    this.anchors = Set.copyOf(set);
    this.certificates = List.copyOf(certs);
    this.description = description;
  }

  /** The profile's CA certificate(s). */
  public static TrustAnchors of(Collection<X509Certificate> caCertificates) {
    return new TrustAnchors(List.copyOf(caCertificates), "the profile's CA certificate");
  }

  /**
   * The system trust store: Debian's {@code /etc/ssl/certs/java/cacerts} if present, else the
   * running JDK's {@code lib/security/cacerts}.
   *
   * @throws IOException if neither can be read
   */
  public static TrustAnchors system() throws IOException {
    Path jdk = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
    return fromKeyStore(Files.isReadable(DEBIAN_CACERTS) ? DEBIAN_CACERTS : jdk);
  }

  /**
   * The trusted certificate entries of a JKS or PKCS#12 key store (read without a password).
   *
   * @throws IOException if the file cannot be read or holds no certificate
   */
  public static TrustAnchors fromKeyStore(Path file) throws IOException {
    try {
      KeyStore ks = KeyStore.getInstance(file.toFile(), (char[]) null);
      List<X509Certificate> certs = new java.util.ArrayList<>();
      for (Enumeration<String> e = ks.aliases(); e.hasMoreElements(); ) {
        String alias = e.nextElement();
        Certificate c = ks.isCertificateEntry(alias) ? ks.getCertificate(alias) : null;
        if (c instanceof X509Certificate) {
          certs.add((X509Certificate) c);
        }
      }
      if (certs.isEmpty()) {
        throw new IOException("the trust store " + file + " holds no CA certificate");
      }
      return new TrustAnchors(certs, "the system trust store (" + file + ")");
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read the trust store " + file + ": " + e.getMessage(), e);
    }
  }

  Set<TrustAnchor> anchors() {
    return anchors;
  }

  /** The CA certificates. */
  public List<X509Certificate> certificates() {
    return certificates;
  }

  /** Where the anchors come from, for messages. */
  public String description() {
    return description;
  }

  boolean isAnchor(X509Certificate c) {
    return certificates.contains(c);
  }
}
