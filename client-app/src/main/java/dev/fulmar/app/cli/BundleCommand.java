package dev.fulmar.app.cli;

import dev.fulmar.control.client.ControlClient;
import dev.fulmar.control.client.ControlException;
import dev.fulmar.control.message.BundleData;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bundle", mixinStandardHelpOptions = true,
    description = "Save a diagnostics bundle (a zip of the helper's version, status, profile "
        + "names, policy and redacted log) to send to support. It holds no password or key.")
final class BundleCommand extends BaseCommand {
  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Where to save it (default: the name the helper suggests, here).")
  Path output;

  @Override
  int run() throws CliException {
    try (ControlClient c = open(null)) {
      BundleData b = c.bundle(Duration.ofSeconds(60));
      Path f = env().workingDir().resolve(output != null ? output : Path.of(b.fileName()));
      writeAtomically(f, b.zip());
      print(json ? JsonOut.of(JsonOut.object("ok", true, "file", f.toString(), "bytes",
          b.zip().length)) : "Saved diagnostics to " + f + " (" + Human.bytes(b.zip().length)
          + "). It contains no passwords or keys.");
      return ExitCode.OK;
    } catch (ControlException e) {
      throw HelperLink.map(e);
    }
  }
}
