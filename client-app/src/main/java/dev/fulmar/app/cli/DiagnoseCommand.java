package dev.fulmar.app.cli;

import dev.fulmar.control.SocketPaths;
import dev.fulmar.control.client.ControlClient;
import dev.fulmar.control.client.ControlException;
import dev.fulmar.control.client.RequestFailedException;
import dev.fulmar.control.diagnose.LocalDiagnoser;
import dev.fulmar.control.message.Credentials;
import dev.fulmar.control.message.Diagnose;
import dev.fulmar.control.message.DiagnoseReport;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diagnose", mixinStandardHelpOptions = true,
    description = {"Negotiate IKE and one CHILD SA with the profile's gateway, print what was "
        + "negotiated or which step failed and why, then delete the SA. Touches no routes, DNS "
        + "or adapter.",
        "Runs in the helper when it is running, otherwise in this process (as root, or as a "
            + "normal user from an unprivileged port)."})
final class DiagnoseCommand extends BaseCommand {
  @Parameters(paramLabel = "PROFILE|NAME",
      description = "A profile file or a profile's name.")
  String target;

  @Option(names = "--password-stdin", description = "Read the password (EAP, or the PKCS#12 "
      + "password) from the first line of standard input.")
  boolean passwordStdin;

  @Option(names = "--local", description = "Run in this process even if the helper runs.")
  boolean local;

  @Option(names = "--timeout", defaultValue = "90", paramLabel = "SECONDS",
      description = "Give up after this many seconds (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Override
  int run() throws CliException {
    Target t = Target.resolve(target, env());
    char[] stdin = passwordStdin ? Secrets.readLine(env().in()) : null;
    PromptAnswerer answerer = new PromptAnswerer(env(), stdin, e -> { });
    try {
      DiagnoseReport r = local ? runLocally(t, stdin, answerer) : viaHelper(t, stdin, answerer);
      print(json ? JsonOut.of(JsonOut.object("ok", r.success(), "report", r))
          : Human.diagnose(r));
      return r.success() ? ExitCode.OK : ExitCode.CONNECTION_FAILED;
    } finally {
      if (stdin != null) {
        Arrays.fill(stdin, '\0');
      }
      answerer.wipe();
      t.fileSecrets().close();
    }
  }

  private DiagnoseReport viaHelper(Target t, char[] stdin, PromptAnswerer answerer)
      throws CliException {
    ControlClient c;
    try {
      c = open(answerer);
    } catch (CliException e) {
      if (e.exitCode() == ExitCode.HELPER_NOT_RUNNING) {
        return runLocally(t, stdin, answerer);
      }
      throw e;
    }
    try (c) {
      answerer.attach(c);
      Target sent = t.profile() != null ? t : ConnectCommand.withHelperKind(c, t);
      var toSend = t.profile() == null ? null : t.profileToSend();
      Credentials creds = Secrets.upFront(sent, stdin, env());
      return c.diagnose(new Diagnose(toSend == null ? t.name() : null, toSend, creds),
          Duration.ofSeconds(timeoutSeconds));
    } catch (RequestFailedException e) {
      throw HelperLink.map(e);
    } catch (ControlException e) {
      throw HelperLink.map(e);
    }
  }

  private DiagnoseReport runLocally(Target t, char[] stdin, PromptAnswerer answerer)
      throws CliException {
    Optional<LocalDiagnoser> d;
    try {
      d = env().diagnoser().get();
    } catch (java.util.ServiceConfigurationError e) {
      throw new CliException(ExitCode.ERROR, "ERROR", "the local diagnoser could not be "
          + "loaded: " + e.getMessage());
    }
    String hint = SocketPaths.startHint(System.getProperty("os.name", ""));
    if (d.isEmpty()) {
      throw new CliException(ExitCode.HELPER_NOT_RUNNING, "HELPER_NOT_RUNNING",
          LocalDiagnoser.unavailableMessage(hint));
    }
    if (t.profile() == null) {
      throw new CliException(ExitCode.NOT_FOUND, "NOT_FOUND", "no profile named '" + t.name()
          + "' on this computer; without the helper only profile files and your own profiles "
          + "can be diagnosed");
    }
    env().err().println("note: the helper is not running; diagnosing with "
        + d.get().description());
    try {
      return d.get().diagnose(t.profile(), t.baseDir(), Secrets.upFront(t, stdin, env()),
          answerer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCode.ERROR, "ERROR", "interrupted");
    }
  }
}
