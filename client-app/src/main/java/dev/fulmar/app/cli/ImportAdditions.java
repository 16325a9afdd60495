package dev.fulmar.app.cli;

import dev.fulmar.app.model.ProfileEdits;
import dev.fulmar.profiles.imports.ImportReport;
import dev.fulmar.profiles.imports.ImportResult;
import dev.fulmar.profiles.imports.ProfileImporter;
import dev.fulmar.profiles.model.CaCertificate;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.Trust;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the user adds on {@code fulmar import}'s command line to a file that cannot carry it: the
 * user name (a ProfileXML never has one), the client certificate (Windows, Shrew Soft and swanctl
 * files name a store or a bare key), a CA certificate (Windows names its root by thumbprint only).
 * The app's import dialog asks for the same things.
 *
 * @param username the EAP user name, or null
 * @param pkcs12 the client's PKCS#12 file, or null
 * @param ca a CA certificate file (PEM or DER), or null
 */
record ImportAdditions(String username, Path pkcs12, Path ca) {

  boolean none() {
    return username == null && pkcs12 == null && ca == null;
  }

  /**
   * The import with the additions applied and checked again. Files are named relative to {@code
   * workingDir}; the import embeds them afterwards like the files the profile names itself.
   *
   * @throws CliException {@code USAGE} when an addition does not fit the profile's sign-in method,
   *     {@code NOT_FOUND} when a named file does not exist
   */
  ImportResult applyTo(ImportResult r, Path workingDir) throws CliException {
    if (none() || r.profile() == null) {
      return r;
    }
    Profile p = r.profile();
    List<ImportReport.Mapping> supplied = new ArrayList<>();
    if (username != null) {
      if (p.auth().passwordRound().isEmpty()) {
        throw usage("--username: '" + p.name() + "' signs in with " + p.auth().method()
            + ", which takes no user name");
      }
      p = ProfileEdits.withUsername(p, username);
      supplied.add(new ImportReport.Mapping("--username " + username, "auth.username"));
    }
    if (pkcs12 != null) {
      if (!ProfileEdits.needsCertificate(p.auth())) {
        throw usage("--pkcs12: '" + p.name() + "' signs in with " + p.auth().method()
            + ", which uses no client certificate");
      }
      Path file = existing("--pkcs12", workingDir.resolve(pkcs12));
      p = ProfileEdits.withCertificateFile(p, file);
      supplied.add(new ImportReport.Mapping("--pkcs12 " + file, "auth.pkcs12"));
    }
    if (ca != null) {
      Path file = existing("--ca", workingDir.resolve(ca));
      Trust t = p.trust();
      List<CaCertificate> cas = new ArrayList<>(t.caCertificates());
      cas.add(new CaCertificate.FileRef(file.toString()));
      p = p.toBuilder().trust(new Trust(cas, t.serverCertificatePins(), false)).build();
      supplied.add(new ImportReport.Mapping("--ca " + file,
          "trust.caCertificates[" + (cas.size() - 1) + "] (instead of the system trust store)"));
    }
    return ProfileImporter.revise(r, p, supplied);
  }

  private static Path existing(String option, Path file) throws CliException {
    Path abs = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(abs)) {
      throw new CliException(ExitCode.NOT_FOUND, "NOT_FOUND", option + ": no such file: " + abs);
    }
    return abs;
  }

  private static CliException usage(String message) {
    return new CliException(ExitCode.USAGE, "USAGE", message);
  }
}
