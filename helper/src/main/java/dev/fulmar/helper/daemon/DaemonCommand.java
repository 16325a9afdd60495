package dev.fulmar.helper.daemon;

import dev.fulmar.control.SocketPaths;
import dev.fulmar.control.message.LogLevel;
import dev.fulmar.core.api.SessionEnvironment;
import dev.fulmar.core.spi.Platform;
import dev.fulmar.core.spi.SystemChangeJournal.RollbackReport;
import dev.fulmar.helper.control.ControlServer;
import dev.fulmar.helper.control.LogRing;
import dev.fulmar.helper.control.ServerConfig;
import dev.fulmar.helper.control.ServerEnvironment;
import dev.fulmar.helper.run.HelperLock;
import dev.fulmar.helper.run.Platforms;
import dev.fulmar.helper.tunnel.TunnelManager;
import dev.fulmar.profiles.store.StorePaths;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fulmard daemon}: the service. Takes the helper lock, undoes what a crashed helper left
 * (from the journal), serves the control socket with the real tunnel behind it, and on SIGTERM or
 * SIGINT takes the tunnel down, restores the system and exits 0. Logs to standard error (the
 * journal under systemd), redacted.
 */
@Command(
    name = "daemon",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the Fulmar helper service: the control socket for the app and the 'fulmar' command,"
          + " one tunnel at a time. Needs root (CAP_NET_ADMIN). SIGTERM takes the tunnel down and"
          + " exits 0.",
      "At start it undoes what a crashed helper left behind (routes, DNS, device), from its"
          + " journal."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "  0:stopped by SIGTERM/SIGINT; the tunnel was taken down and the system restored",
      "  9:could not start: the socket, the journal, the policy, or a leftover of a crashed"
          + " helper that could not be undone"
    })
public final class DaemonCommand implements Callable<Integer> {
  static final int START_FAILED = 9;
  /** The version the helper reports in {@code welcome} and in bundles. */
  public static final String VERSION = "0.1.0";

  @Option(names = "--socket", paramLabel = "PATH", description = "the control socket (default:"
      + " $FULMAR_SOCKET, else ${DEFAULT-VALUE})")
  Path socket = SocketPaths.current();

  @Option(names = "--journal-dir", paramLabel = "DIR", description = "the journal of system"
      + " changes (default: ${DEFAULT-VALUE})", defaultValue = "/var/lib/fulmar/journal")
  Path journalDir;

  @Option(names = "--profiles-dir", paramLabel = "DIR", description = "the system profiles"
      + " (default: ${DEFAULT-VALUE})")
  Path profilesDir = StorePaths.forCurrentUser().systemDirs().get(0);

  @Option(names = "--policy", paramLabel = "FILE", description = "the policy file (default:"
      + " ${DEFAULT-VALUE})")
  Path policyFile = Path.of("/etc/fulmar/policy.json");

  @Option(names = "--operator-group", paramLabel = "GROUP", description = "members may connect"
      + " and disconnect (default: ${DEFAULT-VALUE})")
  String operatorGroup = SocketPaths.operatorGroup();

  @Option(names = "--plain", description = "use the plain data path (one packet per system"
      + " call) even where the kernel offers offloads")
  boolean plain;

  @Option(names = {"-v", "--verbose"}, description = "also log the engine's debug output")
  boolean verbose;

  private final Function<Path, Platform> platforms;
  private final PrintStream err;

  public DaemonCommand() {
    this(Platforms::forThisHost, System.err);
  }

  DaemonCommand(Function<Path, Platform> platforms, PrintStream err) {
    this.platforms = platforms;
    this.err = err;
  }

  @Override
  public Integer call() {
    // The helper's own lines (the redacted ring) at INFO; the engine's stay at WARN unless -v.
    System.setProperty("org.slf4j.simpleLogger.log.fulmard", "info");
    try (HelperLock lock = HelperLock.acquire(journalDir)) {
      Platform platform = platforms.apply(journalDir);
      if (!recover(platform)) {
        return START_FAILED;
      }
      return serve(platform);
    } catch (IOException | UnsupportedOperationException e) {
      err.println("fulmard daemon: " + e.getMessage());
      return START_FAILED;
    }
  }

  private boolean recover(Platform platform) throws IOException {
    RollbackReport report = platform.recoverAfterCrash();
    if (!report.undone().isEmpty()) {
      err.println("fulmard daemon: undid what a crashed helper left behind: " + report.undone());
    }
    for (RollbackReport.Failure f : report.failed()) {
      err.println("fulmard daemon: cannot undo " + f.step() + ": " + f.reason()
          + " (it stays in the journal " + journalDir + ")");
    }
    err.flush();
    return report.complete();
  }

  private int serve(Platform platform) throws IOException {
    LogRing[] ring = new LogRing[1];
    FileSystemConfig config = new FileSystemConfig(profilesDir, policyFile,
        w -> ring[0].append(LogLevel.WARN, "config", w));
    SessionEnvironment engine = SessionEnvironment.system();
    DaemonTunnelService tunnel = new DaemonTunnelService(
        new RealTunnels(platform, profilesDir, !plain, config::policy),
        (profile, credentials) -> new TunnelManager(engine).diagnose(profile, profilesDir,
            credentials, RealTunnels.keyLog(profile), Duration.ZERO),
        Clock.systemUTC());
    ServerEnvironment env = ServerEnvironment.of(tunnel, config, platform.peerCredentials());
    ring[0] = env.log();
    ServerConfig serverConfig = ServerConfig.defaults(socket, VERSION)
        .withOperatorGroup(operatorGroup);
    Shutdown shutdown = new Shutdown(tunnel);
    try (ControlServer server = ControlServer.start(serverConfig, env)) {
      shutdown.add(server);
      env.log().append(LogLevel.INFO, "daemon", "fulmard " + VERSION + " ready (pid "
          + ProcessHandle.current().pid() + "): operators are group '" + operatorGroup
          + "', system profiles in " + profilesDir);
      shutdown.awaitSignal();
      env.log().append(LogLevel.INFO, "daemon", "stopping: taking the tunnel down");
      shutdown.run();
      env.log().append(LogLevel.INFO, "daemon", "stopped");
      return 0;
    } finally {
      shutdown.run();
    }
  }
}
