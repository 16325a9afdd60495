package dev.fulmar.app.cli;

import dev.fulmar.profiles.codec.ProfileCodec;
import dev.fulmar.profiles.store.StoreException;
import dev.fulmar.profiles.store.StoredProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write a profile as a .vpn file (without secrets) to standard output or a "
        + "file.")
final class ExportCommand extends BaseCommand {
  @Parameters(paramLabel = "NAME", description = "The profile's name.")
  String name;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE.")
  Path output;

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
    String document = ProfileCodec.write(p.profile());
    if (output == null) {
      print(document);
      return ExitCode.OK;
    }
    Path f = env().workingDir().resolve(output);
    writeAtomically(f, document.getBytes(StandardCharsets.UTF_8));
    print(json ? JsonOut.of(JsonOut.object("ok", true, "name", p.profile().name(), "file",
        f.toString())) : "Wrote '" + p.profile().name() + "' to " + f);
    return ExitCode.OK;
  }
}
