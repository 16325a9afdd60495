package dev.fulmar.helper.diagnose;

import dev.fulmar.core.api.KeyLogSink;
import dev.fulmar.core.api.SessionEnvironment;
import dev.fulmar.helper.tunnel.Credentials;
import dev.fulmar.helper.tunnel.DiagnoseOutcome;
import dev.fulmar.helper.tunnel.KeyLogDirectory;
import dev.fulmar.helper.tunnel.TunnelManager;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fulmard diagnose PROFILE}: negotiates IKE and one CHILD SA with the profile's gateway,
 * prints what was negotiated (or the failed step, the reason and the fix), deletes the SAs and
 * exits. Touches no routes, DNS or adapter; secrets never come from the command line.
 */
@Command(
    name = "diagnose",
    mixinStandardHelpOptions = true,
    description = {
      "Negotiates IKE and one CHILD SA with the profile's gateway, prints what was negotiated,"
          + " deletes the SAs and exits. Touches no routes, DNS or network adapter.",
      "Port 500 needs root: as a normal user an unprivileged source port is used (the output"
          + " says so)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "  0:negotiated and deleted the SAs",
      "  1:failed for another reason",
      "  2:wrong command-line usage",
      "  3:the profile could not be read or is not valid",
      "  4:a password/PSK was missing, or the PKCS#12 file could not be opened",
      "  5:the gateway could not be resolved or reached",
      "  6:the gateway could not be authenticated (certificate, CA or identity)",
      "  7:the gateway rejected our credentials",
      "  8:no common algorithms, or the gateway refused the tunnel settings",
      " 70:internal error"
    })
public final class DiagnoseCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PROFILE", description = "the profile file (.vpn,"
      + " .sswan or .mobileconfig)")
  Path profile;

  @Option(names = "--password-stdin", description = "read one line from standard input: the EAP"
      + " password, the PKCS#12 password, or the pre-shared key (whichever the profile needs)")
  boolean passwordStdin;

  @Option(names = "--json", description = "print one JSON object instead of text")
  boolean json;

  @Option(names = "--key-log", paramLabel = "DIR", description = "write the SA keys as"
      + " Wireshark's ikev2_decryption_table and esp_sa files into DIR (exposes the keys:"
      + " anyone with these files can decrypt a capture of this session)")
  Path keyLog;

  @Option(names = "--hold", paramLabel = "SECONDS", defaultValue = "0", description = "keep the"
      + " SAs up this long before deleting them, e.g. to look at them with swanctl --list-sas on"
      + " the gateway (0-600)")
  int holdSeconds;

  @Option(names = {"-v", "--verbose"}, description = "log the exchanges to standard error")
  boolean verbose;

  private final SessionEnvironment environment;
  private final SecretInput input;
  private final PrintStream out;
  private final PrintStream err;

  /** The command as {@code fulmard} runs it. */
  public DiagnoseCommand() {
    this(SessionEnvironment.system(), SecretInput.system(), System.out, System.err);
  }

  /** The command with its environment and terminal injected (tests). */
  public DiagnoseCommand(SessionEnvironment environment, SecretInput input, PrintStream out,
      PrintStream err) {
    this.environment = environment;
    this.input = input;
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    TunnelManager.Loaded loaded = TunnelManager.load(profile);
    DiagnoseOutcome outcome;
    if (loaded.failure() != null) {
      outcome = DiagnoseOutcome.failure(profile.toString(), "?", loaded.failure());
    } else {
      outcome = run(loaded);
    }
    print(outcome);
    return outcome.ok() ? ExitCode.OK.code() : ExitCode.of(outcome.failure()).code();
  }

  private DiagnoseOutcome run(TunnelManager.Loaded loaded) {
    TunnelManager manager = new TunnelManager(environment);
    Thread hook = new Thread(manager::shutdown, "fulmard-diagnose-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (Credentials credentials = credentials()) {
      Optional<KeyLogSink> sink = keyLogSink(loaded);
      Path base = profile.toAbsolutePath().getParent();
      return manager.diagnose(loaded.profile(), base, credentials, sink,
          java.time.Duration.ofSeconds(Math.max(0, Math.min(600, holdSeconds))));
    } catch (IOException e) {
      return DiagnoseOutcome.failure(loaded.profile().name(), loaded.profile().gateway().host(),
          dev.fulmar.core.api.IkeFailure.of(dev.fulmar.core.api.FailureStep.PREPARE,
              dev.fulmar.core.api.ErrorCode.INVALID_PARAMETERS, "detail", e.getMessage()));
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: the JVM is exiting anyway.
      }
    }
  }

  private Credentials credentials() throws IOException {
    if (passwordStdin) {
      char[] line = input.readLine();
      try {
        return Credentials.given(line);
      } finally {
        java.util.Arrays.fill(line, '\0');
      }
    }
    return input.interactive() ? Credentials.prompting(input::prompt) : Credentials.none();
  }

  private Optional<KeyLogSink> keyLogSink(TunnelManager.Loaded loaded) throws IOException {
    Path dir = keyLog;
    String fromProfile = loaded.profile().diagnostics().keyLogPath();
    if (dir == null && fromProfile != null) {
      dir = Path.of(fromProfile);
    }
    if (dir == null) {
      return Optional.empty();
    }
    err.println("fulmard: WARNING: writing the SA keys to " + dir.toAbsolutePath()
        + "; anyone who can read these files can decrypt captured traffic of this session");
    return Optional.of(new KeyLogDirectory(dir));
  }

  private void print(DiagnoseOutcome o) {
    if (json) {
      out.println(DiagnoseReport.json(o));
    } else if (o.ok()) {
      out.print(DiagnoseReport.human(o));
    } else {
      err.print(DiagnoseReport.human(o));
    }
    out.flush();
    err.flush();
  }
}
