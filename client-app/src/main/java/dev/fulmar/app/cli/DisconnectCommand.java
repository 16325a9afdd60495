package dev.fulmar.app.cli;

import dev.fulmar.control.client.ControlClient;
import dev.fulmar.control.client.ControlException;
import java.time.Duration;
import picocli.CommandLine.Command;

@Command(name = "disconnect", mixinStandardHelpOptions = true,
    description = "Take the tunnel down (or stop a connect in progress).")
final class DisconnectCommand extends BaseCommand {
  @Override
  int run() throws CliException {
    try (ControlClient c = open(null)) {
      c.disconnect(Duration.ofSeconds(30));
      print(json ? JsonOut.of(JsonOut.object("ok", true)) : "Disconnected.");
      return ExitCode.OK;
    } catch (ControlException e) {
      throw HelperLink.map(e);
    }
  }
}
