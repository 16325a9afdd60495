package dev.fulmar.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code fulmar}: the command line of Fulmar VPN. It talks only to the helper's control socket
 * (and reads and writes the user's own profile files); exit codes are listed in {@code --help}.
 */
@Command(name = "fulmar", mixinStandardHelpOptions = true, version = "fulmar "
    + HelperLink.VERSION,
    description = "Fulmar VPN: connect to IKEv2/IPsec gateways through the Fulmar helper "
        + "(fulmard).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:other error (I/O, unexpected answer, helper error)",
        "2:usage error",
        "3:the helper (fulmard) is not running",
        "4:not permitted (join group 'fulmar', or needs root)",
        "5:connection or diagnosis failed",
        "6:invalid profile or file",
        "7:no such profile",
        "8:a password is needed (use --password-stdin when not interactive)",
        "9:the helper did not answer in time",
        "10:another profile is connected"})
public final class FulmarCli implements java.util.concurrent.Callable<Integer> {
  private final CliEnvironment env;

  @Option(names = "--socket", scope = ScopeType.INHERIT, paramLabel = "PATH",
      description = "The helper's control socket (default: ${DEFAULT-VALUE}, or "
          + "$FULMAR_SOCKET).")
  Path socket;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  FulmarCli(CliEnvironment env) {
    this.env = env;
    this.socket = env.socket();
  }

  /** Runs {@code fulmar} and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(run(CliEnvironment.system(), args));
  }

  /** Runs {@code fulmar args} in {@code env}; returns the exit code. */
  static int run(CliEnvironment env, String... args) {
    return commandLine(env).execute(args);
  }

  static CommandLine commandLine(CliEnvironment env) {
    CommandLine cl = new CommandLine(new FulmarCli(env));
    for (Object sub : new Object[] {new ConnectCommand(), new DisconnectCommand(),
        new StatusCommand(), new ListCommand(), new ImportCommand(), new ExportCommand(),
        new LogsCommand(), new DiagnoseCommand(), new BundleCommand(), new CompletionCommand()}) {
      cl.addSubcommand(sub);
    }
    cl.setOut(new PrintWriter(env.out(), true));
    cl.setErr(new PrintWriter(env.err(), true));
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      env.err().println("fulmar: unexpected error: " + e);
      return ExitCode.ERROR;
    });
    return cl;
  }

  /** The environment with the socket chosen on the command line. */
  CliEnvironment env() {
    return new CliEnvironment(env.in(), env.out(), env.err(), env.terminal(), socket,
        env.store(), env.secrets(), env.diagnoser(), env.workingDir(), env.clock());
  }

  /** Without a command: the usage, as a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(env.err());
    return ExitCode.USAGE;
  }
}
