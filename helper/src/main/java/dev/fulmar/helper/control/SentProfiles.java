package dev.fulmar.helper.control;

import dev.fulmar.control.message.ErrorCode;
import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.CaCertificate;
import dev.fulmar.profiles.model.Diagnostics;
import dev.fulmar.profiles.model.Pkcs12;
import dev.fulmar.profiles.model.Profile;
import java.util.ArrayList;
import java.util.List;

/**
 * What an operator's profile document may ask of the helper, which runs as root. A profile names
 * files in three fields: the CA certificates ({@code trust.caCertificates[i].path}), the client
 * certificate ({@code auth.pkcs12.path}) and the key log ({@code diagnostics.keyLog}). Honouring
 * them for an operator would let any member of the operator group make root read a file it
 * chose (a private key, {@code /etc/shadow} parsed as a certificate, with the error quoting it)
 * or write the session keys wherever it liked. So an operator's profile must carry its
 * certificates inside ({@code pem}, {@code pkcs12.data}); a file reference is refused with
 * {@code INVALID_PROFILE} naming the field, and a key log is dropped with a warning (it is a
 * diagnostic, not needed to connect). Administrators' profiles and system profiles are trusted:
 * their paths are read as root, relative ones from the system profile directory.
 */
final class SentProfiles {
  private SentProfiles() {}

  /**
   * The profile an operator may use: {@code p} without its key log.
   *
   * @throws TunnelServiceException {@code INVALID_PROFILE} listing every file reference
   */
  static Profile forOperator(Profile p) throws TunnelServiceException {
    List<String> problems = fileReferences(p);
    if (!problems.isEmpty()) {
      throw new TunnelServiceException(ErrorCode.INVALID_PROFILE, "the profile refers to files "
          + "on this computer, which the helper reads only for administrators: put the "
          + "certificates into the profile instead (the CA as PEM text in \"pem\", the "
          + "PKCS#12 bundle in base64 in \"data\")",
          null, problems);
    }
    return hasKeyLog(p) ? p.toBuilder().diagnostics(Diagnostics.OFF).build() : p;
  }

  /** Whether the profile asks for a key log. */
  static boolean hasKeyLog(Profile p) {
    return p.diagnostics().keyLogPath() != null;
  }

  /** One located problem per field that names a file. */
  static List<String> fileReferences(Profile p) {
    List<String> out = new ArrayList<>();
    List<CaCertificate> cas = p.trust().caCertificates();
    for (int i = 0; i < cas.size(); i++) {
      if (cas.get(i) instanceof CaCertificate.FileRef) {
        out.add("trust.caCertificates[" + i + "].path: a file reference; embed the certificate "
            + "as \"pem\"");
      }
    }
    Authentication a = p.auth();
    if (a.pkcs12().orElse(null) instanceof Pkcs12.FileRef) {
      out.add("auth.pkcs12.path: a file reference; embed the PKCS#12 bundle as \"data\"");
    }
    return out;
  }
}
