package dev.fulmar.helper.tunnel;

import dev.fulmar.core.api.IkeSessionException;
import dev.fulmar.profiles.model.CaCertificate;
import dev.fulmar.profiles.model.Trust;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reads the profile's CA certificates (inline PEM or a file, PEM or DER). */
final class Trusts {
  private final Path baseDir;

  Trusts(Path baseDir) {
    this.baseDir = baseDir;
  }

  List<X509Certificate> anchors(Trust t) throws IkeSessionException {
    List<X509Certificate> out = new ArrayList<>();
    for (int i = 0; i < t.caCertificates().size(); i++) {
      CaCertificate ca = t.caCertificates().get(i);
      String field = "trust.caCertificates[" + i + "]";
      byte[] data;
      if (ca instanceof CaCertificate.Pem pem) {
        data = pem.pem().getBytes(StandardCharsets.US_ASCII);
      } else {
        Path file = baseDir.resolve(((CaCertificate.FileRef) ca).path());
        try {
          data = Files.readAllBytes(file);
        } catch (IOException e) {
          throw ProfileMapper.invalid(field, "the CA file " + file + " cannot be read ("
              + e.getMessage() + ")");
        }
      }
      out.addAll(parse(data, field));
    }
    return out;
  }

  private static List<X509Certificate> parse(byte[] data, String field)
      throws IkeSessionException {
    try {
      Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(data));
      List<X509Certificate> out = new ArrayList<>();
      for (Certificate c : certs) {
        out.add((X509Certificate) c);
      }
      if (out.isEmpty()) {
        throw ProfileMapper.invalid(field, "holds no certificate");
      }
      return out;
    } catch (CertificateException e) {
      throw ProfileMapper.invalid(field, "is not a readable X.509 certificate ("
          + e.getMessage() + ")");
    }
  }
}
