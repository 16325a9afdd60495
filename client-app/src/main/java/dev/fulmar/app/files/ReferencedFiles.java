package dev.fulmar.app.files;

import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.Bytes;
import dev.fulmar.profiles.model.CaCertificate;
import dev.fulmar.profiles.model.Pkcs12;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.Trust;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the files a profile names (CA certificates, the client's PKCS#12 bundle) into the profile
 * itself, read with the rights of the user running the CLI or the app. The helper runs as root
 * and refuses file references in profiles an operator sends (it would read any file for anyone,
 * see docs/attack-surface.md), so clients embed before sending. Relative paths are resolved in the
 * directory of the file the profile came from (or the profile store's directory).
 */
public final class ReferencedFiles {
  /**
   * The largest file embedded (a CA chain or a PKCS#12 bundle is a few kB): 256 KiB, so that a
   * profile with one of each stays well below the control protocol's 1 MiB request line.
   */
  public static final int MAX_FILE_BYTES = 256 * 1024;

  private static final Pattern PEM_CERTIFICATE = Pattern.compile(
      "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----");

  private ReferencedFiles() {}

  /** Whether the profile names a CA or PKCS#12 file. */
  public static boolean hasReferences(Profile p) {
    return p.trust().caCertificates().stream().anyMatch(c -> c instanceof CaCertificate.FileRef)
        || p.auth().pkcs12().orElse(null) instanceof Pkcs12.FileRef;
  }

  /**
   * The profile with every referenced CA certificate (as PEM text) and PKCS#12 bundle (as data)
   * inside it; a profile without references is returned as it is.
   *
   * @param baseDir where relative paths are resolved
   * @throws ReferencedFileException naming the first file that cannot be embedded and why
   */
  public static Profile embed(Profile p, Path baseDir) throws ReferencedFileException {
    if (!hasReferences(p)) {
      return p;
    }
    Trust t = p.trust();
    List<CaCertificate> cas = new ArrayList<>();
    for (int i = 0; i < t.caCertificates().size(); i++) {
      CaCertificate ca = t.caCertificates().get(i);
      if (ca instanceof CaCertificate.FileRef f) {
        String field = "trust.caCertificates[" + i + "].path";
        Path file = resolve(baseDir, f.path());
        cas.add(new CaCertificate.Pem(caPem(field, file, read(field, file, "CA certificate"))));
      } else {
        cas.add(ca);
      }
    }
    Authentication auth = p.auth();
    if (auth.pkcs12().orElse(null) instanceof Pkcs12.FileRef f) {
      String field = "auth.pkcs12.path";
      byte[] data = read(field, resolve(baseDir, f.path()), "PKCS#12 certificate bundle");
      try {
        auth = withPkcs12(auth, new Pkcs12.Embedded(Bytes.of(data)));
      } finally {
        Arrays.fill(data, (byte) 0);
      }
    }
    return p.toBuilder()
        .trust(new Trust(cas, t.serverCertificatePins(), t.useSystemTrustStore()))
        .auth(auth)
        .build();
  }

  /**
   * The profile with relative file references made absolute against {@code baseDir}, so that
   * they keep naming the same files once the profile is stored elsewhere (an import).
   */
  public static Profile absolute(Profile p, Path baseDir) {
    Trust t = p.trust();
    List<CaCertificate> cas = t.caCertificates().stream()
        .map(c -> c instanceof CaCertificate.FileRef f
            ? new CaCertificate.FileRef(resolve(baseDir, f.path()).toString()) : c)
        .toList();
    Authentication auth = p.auth();
    if (auth.pkcs12().orElse(null) instanceof Pkcs12.FileRef f) {
      auth = withPkcs12(auth, new Pkcs12.FileRef(resolve(baseDir, f.path()).toString()));
    }
    return p.toBuilder()
        .trust(new Trust(cas, t.serverCertificatePins(), t.useSystemTrustStore()))
        .auth(auth)
        .build();
  }

  private static Path resolve(Path baseDir, String path) {
    return baseDir.toAbsolutePath().resolve(path).normalize();
  }

  private static Authentication withPkcs12(Authentication a, Pkcs12 p12) {
    if (a instanceof Authentication.Certificate) {
      return new Authentication.Certificate(p12);
    }
    if (a instanceof Authentication.EapTls t) {
      return new Authentication.EapTls(p12, t.identity());
    }
    if (a instanceof Authentication.CertificateThenEap ce) {
      return new Authentication.CertificateThenEap(p12, ce.eap());
    }
    return a;
  }

  private static byte[] read(String field, Path file, String what)
      throws ReferencedFileException {
    if (Files.isDirectory(file)) {
      throw new ReferencedFileException(field, file, "the " + what + " " + file
          + " is a directory, not a file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] data = in.readNBytes(MAX_FILE_BYTES + 1);
      if (data.length > MAX_FILE_BYTES) {
        Arrays.fill(data, (byte) 0);
        throw new ReferencedFileException(field, file, "the " + what + " " + file
            + " is larger than " + MAX_FILE_BYTES / 1024 + " KiB; is it the right file?");
      }
      if (data.length == 0) {
        throw new ReferencedFileException(field, file, "the " + what + " " + file
            + " is empty");
      }
      return data;
    } catch (NoSuchFileException e) {
      throw new ReferencedFileException(field, file, "the " + what + " " + file
          + " does not exist");
    } catch (AccessDeniedException e) {
      throw new ReferencedFileException(field, file, "you may not read the " + what + " "
          + file + " (permission denied)");
    } catch (IOException e) {
      throw new ReferencedFileException(field, file, "the " + what + " " + file
          + " cannot be read (" + e.getMessage() + ")");
    }
  }

  /**
   * PEM text of the certificates in {@code data} (a PEM or DER file), encoded anew so that
   * nothing else the file holds (a private key by mistake, comments) goes into the profile.
   */
  private static String caPem(String field, Path file, byte[] data)
      throws ReferencedFileException {
    List<Certificate> certs = new ArrayList<>();
    try {
      CertificateFactory x509 = CertificateFactory.getInstance("X.509");
      String text = new String(data, StandardCharsets.US_ASCII);
      Matcher m = PEM_CERTIFICATE.matcher(text);
      if (m.find()) {
        do {
          byte[] der = Base64.getMimeDecoder().decode(m.group(1));
          certs.add(x509.generateCertificate(new ByteArrayInputStream(der)));
        } while (m.find());
      } else {
        certs.addAll(x509.generateCertificates(new ByteArrayInputStream(data)));
      }
    } catch (CertificateException | IllegalArgumentException e) {
      certs.clear();
    }
    if (certs.isEmpty()) {
      throw new ReferencedFileException(field, file, file + " holds no X.509 certificate (PEM"
          + " or DER)");
    }
    StringBuilder pem = new StringBuilder();
    Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    try {
      for (Certificate c : certs) {
        pem.append("-----BEGIN CERTIFICATE-----\n").append(b64.encodeToString(c.getEncoded()))
            .append("\n-----END CERTIFICATE-----\n");
      }
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new ReferencedFileException(field, file, file + " holds a certificate that cannot"
          + " be encoded again (" + e.getMessage() + ")");
    }
    return pem.toString();
  }
}
