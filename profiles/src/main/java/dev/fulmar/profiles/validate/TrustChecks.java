package dev.fulmar.profiles.validate;

import dev.fulmar.profiles.model.CaCertificate;
import dev.fulmar.profiles.model.Trust;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.List;

/** Checks of the gateway trust settings: parseable CA certificates, pins, something to trust. */
final class TrustChecks {
  private TrustChecks() {}

  static void check(Trust t, List<Problem> out) {
    List<CaCertificate> cas = t.caCertificates();
    for (int i = 0; i < cas.size(); i++) {
      String path = "trust.caCertificates[" + i + "]";
      if (cas.get(i) instanceof CaCertificate.Pem pem) {
        String why = pemProblem(pem.pem());
        if (why != null) {
          out.add(Problem.error(path + ".pem", why));
        }
      } else if (((CaCertificate.FileRef) cas.get(i)).path().isBlank()) {
        out.add(Problem.error(path + ".path", "is empty"));
      }
    }
    for (int i = 0; i < t.serverCertificatePins().size(); i++) {
      if (t.serverCertificatePins().get(i).length() != 32) {
        out.add(
            Problem.error(
                "trust.serverCertSha256[" + i + "]", "a SHA-256 fingerprint has 32 bytes"));
      }
    }
    if (cas.isEmpty() && !t.useSystemTrustStore() && t.serverCertificatePins().isEmpty()) {
      out.add(
          Problem.error(
              "trust",
              "nothing to check the gateway's certificate against: add a CA "
                  + "certificate, a server certificate pin, or set \"systemTrustStore\": true"));
    }
  }

  /** Verdicts on PEM texts seen recently: the same CA is checked on every load of every profile. */
  private static final java.util.Map<String, java.util.Optional<String>> PEM_VERDICTS =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(
                java.util.Map.Entry<String, java.util.Optional<String>> e) {
              return size() > 64;
            }
          });

  /** Why the text is not one or more PEM certificates, or null. */
  static String pemProblem(String pem) {
    java.util.Optional<String> cached = PEM_VERDICTS.get(pem);
    if (cached == null) {
      cached = java.util.Optional.ofNullable(parsePem(pem));
      PEM_VERDICTS.put(pem, cached);
    }
    return cached.orElse(null);
  }

  private static String parsePem(String pem) {
    if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
      return "is not a PEM certificate (expected -----BEGIN CERTIFICATE-----)";
    }
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      var certs =
          cf.generateCertificates(
              new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
      return certs.isEmpty() ? "holds no certificate" : null;
    } catch (CertificateException | RuntimeException e) {
      return "is not a readable PEM certificate (" + plain(e) + ")";
    }
  }

  private static String plain(Exception e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.split("\n")[0];
  }
}
