package dev.fulmar.core.ike.auth;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders the certificates a gateway sent into a path: its own certificate first, then each
 * issuer found among the others (matched by name and signature), stopping at a certificate
 * issued by a trust anchor or at a self-signed one. Trust anchors and self-signed roots the
 * gateway included are left out of the path, as PKIX expects; unrelated extras are ignored.
 */
final class ChainBuilder {

  private static final int MAX_DEPTH = 10;

  private ChainBuilder() {}

  static List<X509Certificate> build(List<X509Certificate> sent, TrustAnchors anchors) {
    List<X509Certificate> path = new ArrayList<>();
    X509Certificate current = sent.get(0);
    path.add(current);
    List<X509Certificate> pool = new ArrayList<>(sent.subList(1, sent.size()));
    while (path.size() < MAX_DEPTH && !issuedByAnchor(current, anchors)) {
      X509Certificate issuer = findIssuer(current, pool);
      if (issuer == null || anchors.isAnchor(issuer) || isSelfSigned(issuer)) {
        break;
      }
      path.add(issuer);
      pool.remove(issuer);
      current = issuer;
    }
    return path;
  }

  private static boolean issuedByAnchor(X509Certificate c, TrustAnchors anchors) {
    for (X509Certificate a : anchors.certificates()) {
      if (a.getSubjectX500Principal().equals(c.getIssuerX500Principal()) && verifies(c, a)) {
        return true;
      }
    }
    return false;
  }

  private static X509Certificate findIssuer(X509Certificate c, List<X509Certificate> pool) {
    for (X509Certificate candidate : pool) {
      if (candidate.getSubjectX500Principal().equals(c.getIssuerX500Principal())
          && verifies(c, candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean isSelfSigned(X509Certificate c) {
    return c.getSubjectX500Principal().equals(c.getIssuerX500Principal()) && verifies(c, c);
  }

  private static boolean verifies(X509Certificate c, X509Certificate issuer) {
    try {
      c.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }
}
