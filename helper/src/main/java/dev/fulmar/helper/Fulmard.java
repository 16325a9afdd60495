package dev.fulmar.helper;

import dev.fulmar.helper.daemon.DaemonCommand;
import dev.fulmar.helper.demo.DemoCommand;
import dev.fulmar.helper.diagnose.DiagnoseCommand;
import dev.fulmar.helper.run.BenchPeerCommand;
import dev.fulmar.helper.run.CleanupCommand;
import dev.fulmar.helper.run.RunCommand;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code fulmard}, the privileged helper: {@code daemon} serves the control socket, {@code run}
 * runs one tunnel in the foreground (both through the same {@code helper.run.Tunnel}), {@code
 * diagnose} negotiates and deletes one SA, {@code cleanup} undoes what a crashed helper left,
 * {@code demo up|down} runs a local strongSwan gateway to try Fulmar with.
 */
@Command(
    name = "fulmard",
    mixinStandardHelpOptions = true,
    version = "fulmard 0.1.0",
    description = "Fulmar VPN helper: runs the IKEv2 engine.",
    subcommands = {DaemonCommand.class, DiagnoseCommand.class, RunCommand.class,
        CleanupCommand.class, BenchPeerCommand.class, DemoCommand.class})
public final class Fulmard implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    JcaWarmup.start();
    configureLogging(Arrays.asList(args).contains("-v")
        || Arrays.asList(args).contains("--verbose"));
    int code = new CommandLine(new Fulmard()).execute(args);
    System.exit(code);
  }

  /** Logs go to standard error; without --verbose only warnings, so output stays readable. */
  static void configureLogging(boolean verbose) {
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
  }
}
