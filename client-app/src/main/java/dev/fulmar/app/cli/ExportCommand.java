package dev.fulmar.app.cli;

import dev.fulmar.profiles.codec.ProfileCodec;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.secrets.SecretBundle;
import dev.fulmar.profiles.secrets.SecretKind;
import dev.fulmar.profiles.secrets.SecretStore;
import dev.fulmar.profiles.secrets.SecretStoreException;
import dev.fulmar.profiles.store.StoreException;
import dev.fulmar.profiles.store.StoredProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write a profile as a .vpn file to standard output or a file. Secrets are left "
        + "out unless you ask for them with --include-secrets.")
final class ExportCommand extends BaseCommand {
  @Parameters(paramLabel = "NAME", description = "The profile's name.")
  String name;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE.")
  Path output;

  @Option(names = "--include-secrets", description = "Also write the secrets your keychain keeps "
      + "for this profile (password, pre-shared key, PKCS#12 password) into the file, in clear "
      + "text: anyone who can read the file can use them.")
  boolean includeSecrets;

  @Override
  int run() throws CliException {
    StoredProfile p;
    try {
      p = env().store().get().findByName(name).orElseThrow(() -> new CliException(
          ExitCode.NOT_FOUND, "NOT_FOUND", "no profile named '" + name + "' on this computer "
              + "(see fulmar list)"));
    } catch (StoreException e) {
      throw new CliException(ExitCode.ERROR, "ERROR", e.getMessage());
    }
    List<SecretKind> included = new ArrayList<>();
    String document;
    try (SecretBundle secrets = includeSecrets ? secretsOf(p.profile()) : SecretBundle.empty()) {
      included.addAll(secrets.kinds());
      document = secrets.isEmpty() ? ProfileCodec.write(p.profile())
          : ProfileCodec.writeWithSecrets(p.profile(), secrets);
    }
    included.sort(null);
    if (output == null) {
      print(document);
      return ExitCode.OK;
    }
    Path f = env().workingDir().resolve(output);
    writeAtomically(f, document.getBytes(StandardCharsets.UTF_8));
    print(json ? JsonOut.of(JsonOut.object("ok", true, "name", p.profile().name(), "file",
        f.toString(), "secretsIncluded", included.stream().map(SecretKind::key).toList()))
        : "Wrote '" + p.profile().name() + "' to " + f);
    return ExitCode.OK;
  }

  /** The profile's secrets from the keychain, with a warning on standard error either way. */
  private SecretBundle secretsOf(Profile profile) throws CliException {
    SecretStore store = env().secrets().get();
    SecretStore.Availability a = store.availability();
    if (!a.available()) {
      warn("--include-secrets: no secret was written: no keychain is available ("
          + a.description() + "), so Fulmar keeps no secret for '" + profile.name() + "'");
      return SecretBundle.empty();
    }
    SecretBundle out = SecretBundle.empty();
    try {
      for (SecretKind kind : SecretKind.requiredBy(profile.auth())) {
        Optional<char[]> v = store.get(profile.id(), kind);
        if (v.isPresent()) {
          out.put(kind, v.get());
          Arrays.fill(v.get(), '\0');
        }
      }
    } catch (SecretStoreException e) {
      out.close();
      throw new CliException(ExitCode.ERROR, "ERROR", "--include-secrets: " + e.getMessage());
    }
    if (out.isEmpty()) {
      warn("--include-secrets: your keychain keeps no secret for '" + profile.name()
          + "'; none was written");
    } else {
      warn("WARNING: the exported profile contains your " + out.kinds().stream().sorted()
          .map(SecretKind::description).collect(Collectors.joining(" and ")) + " in clear "
          + "text. Anyone who can read it can use them: keep it private and delete it when done.");
    }
    return out;
  }

  private void warn(String message) {
    env().err().println("fulmar: " + message);
  }
}
