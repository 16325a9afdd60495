package dev.fulmar.helper.run;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.KeyLogSink;
import dev.fulmar.core.spi.Platform;
import dev.fulmar.core.spi.SystemChangeJournal.RollbackReport;
import dev.fulmar.helper.diagnose.ExitCode;
import dev.fulmar.helper.diagnose.SecretInput;
import dev.fulmar.helper.tunnel.Credentials;
import dev.fulmar.helper.tunnel.KeyLogDirectory;
import dev.fulmar.helper.tunnel.TunnelManager;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fulmard run PROFILE}: one tunnel in the foreground, as root, like {@code wg-quick up}
 * or {@code charon-cmd}. Removes what an earlier crashed run left behind, negotiates, brings up the
 * TUN device, addresses, routes and DNS, prints each state change, and on SIGINT/SIGTERM restores
 * the system and deletes the SAs. Secrets never come from the command line.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs one tunnel in the foreground until SIGINT/SIGTERM (Ctrl-C), then restores routes,"
          + " DNS and addresses and deletes the SAs. Needs root (CAP_NET_ADMIN).",
      "A session lost while up (the gateway stopped answering, the network changed) is replaced"
          + " automatically (RECONNECTING); routes, DNS and the profile's kill switch stay"
          + " meanwhile.",
      "Each attempt starts at the profile's gateway; one that cannot be reached (its name does"
          + " not resolve, no route, no answer to IKE_SA_INIT within 10 s) is left for the next"
          + " of its fallbackGateways. The UP line names the gateway in use.",
      "Changes to the system are journaled first; after a crash, the next run (or 'fulmard"
          + " cleanup') undoes what is left."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "130/143:the tunnel ran until SIGINT/SIGTERM took it down (the system was restored)",
      "  3-8:the tunnel could not be negotiated (as for diagnose)",
      "  9:the system could not be configured (device, routes, DNS, or a leftover from an"
          + " earlier run that could not be undone)",
      " 10:the gateway closed the tunnel, or it failed after being up in a way a reconnect"
          + " cannot fix (e.g. the password was refused)"
    })
public final class RunCommand implements Callable<Integer> {
  static final int SYSTEM_FAILED = 9;
  static final int ENDED_BY_GATEWAY = 10;

  @Parameters(index = "0", paramLabel = "PROFILE", description = "the profile file (.vpn,"
      + " .sswan or .mobileconfig)")
  Path profile;

  @Option(names = "--password-stdin", description = "read one line from standard input: the EAP"
      + " password, the PKCS#12 password, or the pre-shared key (whichever the profile needs)")
  boolean passwordStdin;

  @Option(names = "--plain", description = "use the plain data path (one packet per system call)"
      + " even where the kernel offers offloads; for comparisons and tests")
  boolean plain;

  @Option(names = "--journal-dir", paramLabel = "DIR", description = "where the journal of system"
      + " changes is kept (default: ${DEFAULT-VALUE})",
      defaultValue = "/var/lib/fulmar/journal")
  Path journalDir;

  @Option(names = "--key-log", paramLabel = "DIR", description = "write the SA keys as"
      + " Wireshark's ikev2_decryption_table and esp_sa files into DIR (exposes the keys)")
  Path keyLog;

  @Option(names = {"-v", "--verbose"}, description = "log the exchanges to standard error")
  boolean verbose;

  private final Function<Path, Platform> platforms;
  private final SecretInput input;
  private final PrintStream out;
  private final PrintStream err;

  /** The command as {@code fulmard} runs it. */
  public RunCommand() {
    this(Platforms::forThisHost, SecretInput.system(), System.out, System.err);
  }

  /** The command with its platform (by journal directory) and terminal injected. */
  public RunCommand(Function<Path, Platform> platforms, SecretInput input, PrintStream out,
      PrintStream err) {
    this.platforms = platforms;
    this.input = input;
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    TunnelManager.Loaded loaded = TunnelManager.load(profile);
    if (loaded.failure() != null) {
      err.println("fulmard run: " + loaded.failure().reason());
      return ExitCode.PROFILE.code();
    }
    try (HelperLock lock = HelperLock.acquire(journalDir)) {
      Platform platform = platforms.apply(journalDir);
      if (!recover(platform)) {
        return SYSTEM_FAILED;
      }
      return runWithCredentials(loaded, platform);
    } catch (IOException | UnsupportedOperationException e) {
      err.println("fulmard run: " + e.getMessage());
      return SYSTEM_FAILED;
    }
  }

  private int runWithCredentials(TunnelManager.Loaded loaded, Platform platform) {
    try (Credentials credentials = credentials()) {
      return run(loaded, platform, credentials);
    } catch (IOException e) {
      err.println("fulmard run: " + e.getMessage());
      return ExitCode.CREDENTIALS.code();
    }
  }

  /** Undoes what an earlier run left behind; false when something could not be undone. */
  private boolean recover(Platform platform) throws IOException {
    RollbackReport report = platform.recoverAfterCrash();
    if (!report.undone().isEmpty()) {
      out.println("CLEANUP: undid what an earlier run left behind: " + report.undone());
    }
    for (RollbackReport.Failure f : report.failed()) {
      err.println("fulmard run: cannot undo " + f.step() + ": " + f.reason());
    }
    out.flush();
    return report.complete();
  }

  private int run(TunnelManager.Loaded loaded, Platform platform, Credentials credentials)
      throws IOException {
    TunnelOptions options = new TunnelOptions(!plain, 0, keyLogSink());
    Tunnel tunnel;
    try {
      tunnel = Tunnel.open(loaded.profile(), profile.toAbsolutePath().getParent(), credentials,
          platform, options, this::print);
      // SIGINT/SIGTERM take the tunnel down, and cancel a connect still in progress.
      Runtime.getRuntime().addShutdownHook(new Thread(tunnel::close, "fulmard-run-shutdown"));
      tunnel.connect();
    } catch (TunnelException e) {
      if (e.ikeFailure() != null && e.ikeFailure().code() == ErrorCode.CANCELLED) {
        err.println("fulmard run: the connection was cancelled before the tunnel was up");
        return ExitCode.FAILED.code();
      }
      err.println("fulmard run: " + e.step() + " failed: " + e.getMessage());
      if (e.fix() != null) {
        err.println("  fix: " + e.fix());
      }
      err.flush();
      return e.ikeFailure() != null ? ExitCode.of(e.ikeFailure()).code() : SYSTEM_FAILED;
    }
    // The secret stays (in memory only) until the tunnel ends: a reconnect authenticates again.
    try {
      String reason = tunnel.ended().get();
      return "closed".equals(reason) ? 0 : ENDED_BY_GATEWAY;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      tunnel.close();
      return 0;
    } catch (ExecutionException e) {
      return ENDED_BY_GATEWAY;
    }
  }

  private void print(TunnelState state, String detail) {
    out.println(state + (detail.isEmpty() ? "" : ": " + detail));
    out.flush();
  }

  private Credentials credentials() throws IOException {
    if (passwordStdin) {
      char[] line = input.readLine();
      try {
        return Credentials.given(line);
      } finally {
        Arrays.fill(line, '\0');
      }
    }
    return input.interactive() ? Credentials.prompting(input::prompt) : Credentials.none();
  }

  private Optional<KeyLogSink> keyLogSink() throws IOException {
    if (keyLog == null) {
      return Optional.empty();
    }
    err.println("fulmard: WARNING: writing the SA keys to " + keyLog.toAbsolutePath()
        + "; anyone who can read these files can decrypt captured traffic of this session");
    return Optional.of(new KeyLogDirectory(keyLog));
  }
}
