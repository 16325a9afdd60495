package dev.fulmar.app.cli;

import dev.fulmar.app.files.ReferencedFileException;
import dev.fulmar.app.files.ReferencedFiles;
import dev.fulmar.profiles.imports.ImportResult;
import dev.fulmar.profiles.imports.ProfileImporter;
import dev.fulmar.profiles.model.Authentication;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.secrets.SecretBundle;
import dev.fulmar.profiles.secrets.SecretKind;
import dev.fulmar.profiles.store.StoreException;
import dev.fulmar.profiles.store.StoredProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code connect} and {@code diagnose} were pointed at: a profile file (imported and sent to
 * the helper), a profile in the user's store (sent), or a name only the helper knows (a system
 * profile or one sent earlier).
 *
 * @param name the profile's name
 * @param profile the profile to send, or null to connect by name
 * @param baseDir where the profile's relative file references are resolved (the directory of
 *     the file it was read from), or null with no profile
 * @param secretKind what {@code --password-stdin} supplies for it
 * @param fileSecrets secrets found in the file (wiped by the caller)
 */
record Target(String name, Profile profile, Path baseDir, SecretKind secretKind,
    SecretBundle fileSecrets) {

  /**
   * The profile as the helper gets it: with the CA and PKCS#12 files it names embedded, read
   * with this user's rights (the helper refuses file references from operators).
   *
   * @throws CliException {@code INVALID_PROFILE} naming a file that cannot be embedded
   */
  Profile profileToSend() throws CliException {
    try {
      return ReferencedFiles.embed(profile, baseDir);
    } catch (ReferencedFileException e) {
      throw new CliException(ExitCode.INVALID_PROFILE, "INVALID_PROFILE", "'" + name
          + "' names a file that cannot be put into the profile for the helper: "
          + e.getMessage());
    }
  }

  static Target resolve(String arg, CliEnvironment env) throws CliException {
    Path file = env.workingDir().resolve(arg);
    if (Files.isRegularFile(file)) {
      return fromFile(file);
    }
    try {
      Optional<StoredProfile> stored = env.store().get().findByName(arg);
      if (stored.isPresent() && !stored.get().readOnly()) {
        Profile p = stored.get().profile();
        return new Target(p.name(), p, stored.get().file().toAbsolutePath().getParent(),
            kindFor(p), SecretBundle.empty());
      }
      if (stored.isPresent()) {
        Profile p = stored.get().profile();
        return new Target(p.name(), null, null, kindFor(p), SecretBundle.empty());
      }
    } catch (StoreException e) {
      // the local store is unreadable: the helper may still know the name
    }
    return new Target(arg, null, null, SecretKind.EAP_PASSWORD, SecretBundle.empty());
  }

  private static Target fromFile(Path file) throws CliException {
    ImportResult r;
    try {
      r = ProfileImporter.importFile(file);
    } catch (IOException e) {
      throw new CliException(ExitCode.INVALID_PROFILE, "INVALID_PROFILE", "cannot read " + file
          + ": " + e.getMessage());
    }
    if (!r.ok()) {
      r.secrets().close();
      StringBuilder m = new StringBuilder(file + " cannot be used:");
      r.errors().forEach(p -> m.append("\n  ").append(p));
      throw new CliException(ExitCode.INVALID_PROFILE, "INVALID_PROFILE", m.toString());
    }
    return new Target(r.profile().name(), r.profile(), file.toAbsolutePath().getParent(),
        kindFor(r.profile()), r.secrets());
  }

  /** The secret {@code --password-stdin} stands for with this profile. */
  static SecretKind kindFor(Profile p) {
    Authentication a = p.auth();
    if (a instanceof Authentication.Psk) {
      return SecretKind.PSK;
    }
    if (a instanceof Authentication.Certificate || a instanceof Authentication.EapTls) {
      return SecretKind.PKCS12_PASSWORD;
    }
    return SecretKind.EAP_PASSWORD;
  }

  /** The same secret kind from a helper profile summary's auth keyword. */
  static SecretKind kindFor(String authMethod) {
    if ("psk".equals(authMethod)) {
      return SecretKind.PSK;
    }
    return "certificate".equals(authMethod) || "eap-tls".equals(authMethod)
        ? SecretKind.PKCS12_PASSWORD : SecretKind.EAP_PASSWORD;
  }
}
