package dev.fulmar.helper.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fulmard demo up|down}: a local strongSwan gateway to try Fulmar with, in network
 * namespaces of this machine, and the profile that connects to it. {@code bin/run-fulmar} uses it
 * on a machine without profiles.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "A local demo gateway to try Fulmar: strongSwan in the network namespace "
          + DemoNetwork.GATEWAY_NS + ", reached at " + DemoNetwork.GATEWAY_IP + " over the link "
          + DemoNetwork.HOST_LINK + ", with a host to ping behind it (" + DemoNetwork.LAN_HOST_IP
          + "). Needs root."
    },
    subcommands = {DemoCommand.Up.class, DemoCommand.Down.class})
public final class DemoCommand implements Runnable {
  static final int FAILED = 9;

  @Option(names = "--run-dir", paramLabel = "DIR", description = "the demo's files of this run:"
      + " the profile to import, the gateway's configuration and log (default: ${DEFAULT-VALUE})")
  Path runDir = Path.of("/run/fulmar-demo");

  @Option(names = "--state-dir", paramLabel = "DIR", description = "the demo's certificates and"
      + " password, kept for the next demo (root only; default: ${DEFAULT-VALUE})")
  Path stateDir = Path.of("/var/lib/fulmar/demo");

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  DemoGateway gateway() {
    return new DemoGateway(Host.system(), new DemoFiles(runDir, stateDir), new SecureRandom(),
        Clock.systemUTC());
  }

  /** {@code fulmard demo up}. */
  @Command(name = "up", mixinStandardHelpOptions = true, description = {
      "Starts the demo gateway (after removing what an earlier demo left) and writes the profile"
          + " that connects to it; prints the profile's path, the user name and the password.",
      "Does nothing but print the same when the demo is up already."})
  static final class Up implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand DemoCommand parent;

    @Override
    public Integer call() {
      return up(parent.gateway(), parent.runDir, System.out, System.err);
    }
  }

  static int up(DemoGateway gateway, Path runDir, PrintStream out, PrintStream err) {
    boolean was = gateway.isUp();
    DemoFiles.Identity id;
    try {
      id = gateway.up();
    } catch (DemoException e) {
      err.println("fulmard demo up: " + e.getMessage());
      return FAILED;
    }
    try {
      out.println((was ? "The demo gateway is already up" : "The demo gateway is up")
          + ": strongSwan at " + DemoNetwork.GATEWAY_IP + " (network namespace "
          + DemoNetwork.GATEWAY_NS + "), a host to reach behind it at "
          + DemoNetwork.LAN_HOST_IP + ".");
      out.println("  profile   " + runDir.resolve("demo.vpn") + "  (\"" + DemoProfile.NAME
          + "\": split tunnel to " + DemoNetwork.LAN_SUBNET + ")");
      out.println("  user      " + DemoProfile.USER);
      out.println("  password  " + new String(id.password()));
      out.println("  log       " + runDir.resolve("charon.log"));
      out.println("Take it down with: fulmard demo down");
      return 0;
    } finally {
      id.wipe();
    }
  }

  /** {@code fulmard demo down}. */
  @Command(name = "down", mixinStandardHelpOptions = true, description = "Stops the demo"
      + " gateway by its PID, deletes its namespaces (with the link) and its files. Safe to run"
      + " when nothing is up, and after a crash.")
  static final class Down implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand DemoCommand parent;

    @Option(names = "--purge", description = "also delete the demo's certificates and password"
        + " (a profile imported earlier then no longer connects)")
    boolean purge;

    @Override
    public Integer call() {
      return down(parent.gateway(), purge, System.out, System.err);
    }
  }

  static int down(DemoGateway gateway, boolean purge, PrintStream out, PrintStream err) {
    try {
      gateway.down(purge);
    } catch (DemoException e) {
      gateway.said().forEach(s -> out.println("  " + s));
      err.println("fulmard demo down: " + e.getMessage());
      return FAILED;
    }
    if (gateway.said().isEmpty()) {
      out.println("The demo was not up; nothing to remove.");
    } else {
      out.println("The demo is down:");
      gateway.said().forEach(s -> out.println("  " + s));
    }
    return 0;
  }
}
