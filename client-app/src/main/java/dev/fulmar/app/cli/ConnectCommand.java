package dev.fulmar.app.cli;

import dev.fulmar.control.client.ControlClient;
import dev.fulmar.control.client.ControlException;
import dev.fulmar.control.client.RequestFailedException;
import dev.fulmar.control.message.Connect;
import dev.fulmar.control.message.Credentials;
import dev.fulmar.control.message.ProfileSummary;
import dev.fulmar.control.message.StatusReport;
import dev.fulmar.profiles.model.Profile;
import java.time.Duration;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "connect", mixinStandardHelpOptions = true,
    description = "Connect with a profile (its name, or a profile file) and wait until the tunnel "
        + "is up.")
final class ConnectCommand extends BaseCommand {
  @Parameters(paramLabel = "PROFILE|NAME",
      description = "A profile file (.vpn, .sswan, .mobileconfig) or a profile's name.")
  String target;

  @Option(names = "--password-stdin", description = "Read the password (EAP, or the PKCS#12 "
      + "password for certificate profiles) from the first line of standard input.")
  boolean passwordStdin;

  @Option(names = "--timeout", defaultValue = "120", paramLabel = "SECONDS",
      description = "Give up after this many seconds (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Override
  int run() throws CliException {
    Target t = Target.resolve(target, env());
    Profile toSend;
    try {
      toSend = t.profile() == null ? null : t.profileToSend();
    } catch (CliException e) {
      t.fileSecrets().close();
      throw e;
    }
    char[] stdin = passwordStdin ? Secrets.readLine(env().in()) : null;
    PromptAnswerer answerer = new PromptAnswerer(env(), stdin, e -> { });
    try (ControlClient c = open(answerer)) {
      answerer.attach(c);
      Target sent = t.profile() != null ? t : withHelperKind(c, t);
      Credentials creds = Secrets.upFront(sent, stdin, env());
      Connect request = toSend != null ? Connect.withProfile(toSend, creds)
          : Connect.byName(t.name(), creds);
      StatusReport r = c.connect(request, Duration.ofSeconds(timeoutSeconds));
      print(json ? JsonOut.of(JsonOut.object("ok", true, "status", r.status(), "stats",
          r.stats())) : "Connected.\n" + Human.status(r.status(), r.stats(),
          env().clock().instant(), env().clock().getZone()));
      return ExitCode.OK;
    } catch (RequestFailedException e) {
      if (HelperLink.cancelled(e) && answerer.refusedForLackOfInput()) {
        throw new CliException(ExitCode.CREDENTIALS_NEEDED, "CREDENTIALS_NEEDED", "'"
            + t.name() + "' needs a password and there is no terminal to ask for it: pass it "
            + "with --password-stdin");
      }
      throw HelperLink.map(e);
    } catch (ControlException e) {
      throw HelperLink.map(e);
    } finally {
      if (stdin != null) {
        Arrays.fill(stdin, '\0');
      }
      answerer.wipe();
      t.fileSecrets().close();
    }
  }

  /** For a name only the helper knows, what --password-stdin stands for from its summary. */
  static Target withHelperKind(ControlClient c, Target t) throws ControlException {
    java.util.List<ProfileSummary> known;
    try {
      known = c.listProfiles().profiles();
    } catch (RequestFailedException e) {
      return t; // the connect itself will say what is wrong
    }
    for (ProfileSummary s : known) {
      if (s.name().equalsIgnoreCase(t.name())) {
        return new Target(t.name(), null, null, Target.kindFor(s.auth()), t.fileSecrets());
      }
    }
    return t;
  }
}
