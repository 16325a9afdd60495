package dev.fulmar.helper.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Brings the demo up and down: two network namespaces wired as {@link DemoNetwork} draws, the
 * strongSwan gateway (charon-systemd) in one of them with its own configuration, and the profile
 * for the user. charon runs in a private mount namespace where a tmpfs covers {@code /run} and
 * the demo's {@code strongswan.conf} and {@code swanctl/} are bind-mounted over the {@code /etc}
 * copies, so nothing of the machine's strongSwan setup changes. Everything is found again by
 * name or by the PID file, so {@code down} also cleans up after a crashed run.
 */
final class DemoGateway {
  static final String CHARON = "/usr/sbin/charon-systemd";
  static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Map<String, String> PACKAGES = Map.of(
      "kernel-libipsec", "libcharon-extra-plugins", "eap-identity", "libcharon-extra-plugins",
      "eap-mschapv2", "libcharon-extauth-plugins", "openssl", "libstrongswan-standard-plugins",
      "gcm", "libstrongswan-standard-plugins", "curve25519", "libstrongswan-extra-plugins",
      "vici", "strongswan-swanctl", "socket-default", "strongswan-libcharon");
  private static final Path PLUGIN_DIR = Path.of("/usr/lib/ipsec/plugins");

  private final Host host;
  private final DemoFiles files;
  private final SecureRandom random;
  private final Clock clock;
  private final List<String> said = new ArrayList<>();

  DemoGateway(Host host, DemoFiles files, SecureRandom random, Clock clock) {
    this.host = host;
    this.files = files;
    this.random = random;
    this.clock = clock;
  }

  /**
   * Whether a demo gateway of ours runs: its PID is charon's, and the namespace of that name is
   * the one charon runs in (after a crash the name may be left without its namespace).
   */
  boolean isUp() {
    OptionalLong pid = files.pid();
    return pid.isPresent() && host.processName(pid.getAsLong()).filter(n -> n.startsWith(
        "charon")).isPresent() && host.sameFile(netns(DemoNetwork.GATEWAY_NS),
        Path.of("/proc", Long.toString(pid.getAsLong()), "ns", "net"));
  }

  /**
   * Brings the demo up (after removing what an earlier run left) and returns its identity; when
   * it is up already, only the identity. The caller wipes the password.
   */
  DemoFiles.Identity up() throws DemoException {
    try {
      if (isUp()) {
        return files.identity(random, clock.instant());
      }
      down(false);
      said.clear();
      requirePrerequisites();
      requireFreeRanges();
      DemoFiles.Identity id = files.identity(random, clock.instant());
      try {
        files.writeGateway(id);
        wire();
        long pid = startCharon();
        load(pid);
        files.writeProfile(id);
        return id;
      } catch (DemoException | IOException | RuntimeException e) {
        id.wipe();
        try {
          down(false);
        } catch (DemoException | RuntimeException again) {
          e.addSuppressed(again);
        }
        throw e;
      }
    } catch (IOException e) {
      throw new DemoException("the demo could not be set up: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new DemoException("the demo's certificates could not be made: " + e.getMessage(), e);
    }
  }

  private void requirePrerequisites() throws DemoException {
    List<String> missing = new ArrayList<>();
    if (!host.exists(Path.of(CHARON))) {
      missing.add(CHARON + " (package charon-systemd)");
    }
    for (String plugin : GatewayConfig.PLUGINS) {
      if (!host.exists(PLUGIN_DIR.resolve("libstrongswan-" + plugin + ".so"))) {
        missing.add("strongSwan plugin " + plugin + " (package "
            + PACKAGES.getOrDefault(plugin, "libstrongswan") + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw new DemoException("the demo gateway needs " + String.join(", ", missing)
          + "; install them with: sudo bin/install-run-deps");
    }
  }

  private void requireFreeRanges() throws IOException, DemoException {
    Host.Result routes = host.run(List.of("ip", "-o", "-4", "route", "show", "table", "main"));
    Host.Result addrs = host.run(List.of("ip", "-o", "-4", "addr", "show"));
    List<String> clash = DemoNetwork.conflicts(routes.output().lines().toList(),
        addrs.output().lines().toList());
    if (!clash.isEmpty()) {
      throw new DemoException("this computer already uses addresses the demo needs ("
          + String.join(", ", DemoNetwork.ranges()) + "): " + String.join("; ", clash)
          + ". The demo would cut that network off; it was not started.");
    }
  }

  private void wire() throws IOException, DemoException {
    String gw = DemoNetwork.GATEWAY_NS;
    String lan = DemoNetwork.LAN_NS;
    ip("netns", "add", gw);
    ip("netns", "add", lan);
    ip("link", "add", DemoNetwork.HOST_LINK, "type", "veth", "peer", "name",
        DemoNetwork.GATEWAY_UPLINK, "netns", gw);
    ip("addr", "add", DemoNetwork.HOST_IP + "/24", "dev", DemoNetwork.HOST_LINK);
    ip("link", "set", DemoNetwork.HOST_LINK, "up");
    ip("-n", gw, "link", "set", "lo", "up");
    ip("-n", gw, "addr", "add", DemoNetwork.GATEWAY_IP + "/24", "dev", DemoNetwork.GATEWAY_UPLINK);
    ip("-n", gw, "link", "set", DemoNetwork.GATEWAY_UPLINK, "up");
    ip("-n", gw, "link", "add", DemoNetwork.GATEWAY_LAN_LINK, "type", "veth", "peer", "name",
        DemoNetwork.LAN_LINK, "netns", lan);
    ip("-n", gw, "addr", "add", DemoNetwork.GATEWAY_LAN_IP + "/24", "dev",
        DemoNetwork.GATEWAY_LAN_LINK);
    ip("-n", gw, "link", "set", DemoNetwork.GATEWAY_LAN_LINK, "up");
    ip("-n", lan, "link", "set", "lo", "up");
    ip("-n", lan, "addr", "add", DemoNetwork.LAN_HOST_IP + "/24", "dev", DemoNetwork.LAN_LINK);
    ip("-n", lan, "link", "set", DemoNetwork.LAN_LINK, "up");
    ip("-n", lan, "route", "add", "default", "via", DemoNetwork.GATEWAY_LAN_IP);
    must(List.of("ip", "netns", "exec", gw, "sysctl", "-qw", "net.ipv4.ip_forward=1"));
  }

  /** The shell that gives charon its private /run and the demo's configuration. */
  String charonScript() {
    Path gw = files.gatewayDir();
    // the configuration may live below /run: bind it before the tmpfs covers /run
    return String.join("\n", "set -e",
        "mount --bind " + gw.resolve("strongswan.conf") + " /etc/strongswan.conf",
        "mount --bind " + gw.resolve("swanctl") + " /etc/swanctl",
        "mount -t tmpfs -o mode=755 fulmar-demo-run /run",
        "exec " + CHARON, "");
  }

  private long startCharon() throws IOException, DemoException {
    Files.deleteIfExists(files.log());
    Files.createFile(files.log());
    long pid = host.start(List.of("setsid", "ip", "netns", "exec", DemoNetwork.GATEWAY_NS,
        "/bin/sh", "-c", charonScript()), files.log());
    files.writePid(pid);
    Path vici = Path.of("/proc", Long.toString(pid), "root", "run", "charon.vici");
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      var name = host.processName(pid);
      if (name.isEmpty()) {
        throw new DemoException("the demo gateway (strongSwan) stopped while starting; its log "
            + files.log() + " says:\n" + tail(files.log()));
      }
      if (name.get().startsWith("charon") && host.exists(vici)) {
        return pid;
      }
      pause(Duration.ofMillis(50));
    }
    throw new DemoException("the demo gateway (strongSwan) did not start within "
        + START_TIMEOUT.toSeconds() + " s; its log " + files.log() + " says:\n"
        + tail(files.log()));
  }

  private void load(long pid) throws IOException, DemoException {
    // -r: charon's root too, which differs from the mount namespace's where this runs chrooted
    List<String> cmd = List.of("nsenter", "-t", Long.toString(pid), "-r", "-m", "-n", "swanctl",
        "--load-all", "--noprompt");
    Host.Result r = host.run(cmd);
    for (int i = 0; i < 50 && !r.ok(); i++) {
      pause(Duration.ofMillis(100));
      r = host.run(cmd);
    }
    if (!r.ok() || r.output().lines().anyMatch(l -> l.contains("failed"))) {
      throw new DemoException("the demo gateway refused its configuration:\n" + r.output()
          + "\nits log " + files.log() + " says:\n" + tail(files.log()));
    }
  }

  /**
   * Stops the gateway (by its PID), deletes the namespaces (and so the veth pair) and the run
   * directory; with {@code purge} also the identity. What was removed is in {@link #said()}.
   */
  void down(boolean purge) throws DemoException {
    said.clear();
    try {
      OptionalLong pid = files.pid();
      if (pid.isPresent() && host.processName(pid.getAsLong()).filter(n -> n.startsWith(
          "charon")).isPresent()) {
        stop(pid.getAsLong());
        said.add("stopped the demo gateway (strongSwan, pid " + pid.getAsLong() + ")");
      }
      for (String ns : List.of(DemoNetwork.GATEWAY_NS, DemoNetwork.LAN_NS)) {
        if (host.exists(netns(ns))) {
          for (String p : host.run(List.of("ip", "netns", "pids", ns)).output().lines()
              .map(String::strip).filter(l -> l.matches("\\d+")).toList()) {
            stop(Long.parseLong(p));
            said.add("stopped process " + p + " in " + ns);
          }
          must(List.of("ip", "netns", "delete", ns));
          said.add("deleted network namespace " + ns);
        }
      }
      // deleting the gateway's namespace takes the veth pair with it, but the kernel does that
      // in the background: wait for it, and delete the link only when it stays
      for (int i = 0; i < 50 && linkExists(); i++) {
        pause(Duration.ofMillis(100));
      }
      if (linkExists()) {
        Host.Result r = host.run(List.of("ip", "link", "delete", DemoNetwork.HOST_LINK));
        if (!r.ok() && linkExists()) {
          throw new DemoException("cannot delete the link " + DemoNetwork.HOST_LINK + ": "
              + r.output().strip());
        }
        said.add("deleted link " + DemoNetwork.HOST_LINK);
      }
      if (files.deleteRun()) {
        said.add("deleted " + files.runDir);
      }
      if (purge && files.deleteState()) {
        said.add("deleted the demo's certificates and password in " + files.stateDir);
      }
    } catch (IOException e) {
      throw new DemoException("the demo could not be removed completely: " + e.getMessage(), e);
    }
  }

  private boolean linkExists() throws IOException {
    return host.run(List.of("ip", "link", "show", DemoNetwork.HOST_LINK)).ok();
  }

  /** What the last {@link #down} removed. */
  List<String> said() {
    return List.copyOf(said);
  }

  private void stop(long pid) throws IOException {
    host.signal(pid, false);
    for (int i = 0; i < 100 && host.processName(pid).isPresent(); i++) {
      pause(Duration.ofMillis(100));
    }
    if (host.processName(pid).isPresent()) {
      host.signal(pid, true);
    }
  }

  private void ip(String... args) throws IOException, DemoException {
    List<String> cmd = new ArrayList<>(List.of("ip"));
    cmd.addAll(List.of(args));
    must(cmd);
  }

  private void must(List<String> cmd) throws IOException, DemoException {
    Host.Result r = host.run(cmd);
    if (!r.ok()) {
      throw new DemoException("'" + String.join(" ", cmd) + "' failed (exit " + r.exitCode()
          + "): " + r.output().strip());
    }
  }

  private void pause(Duration d) throws IOException {
    try {
      host.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  static Path netns(String name) {
    return Path.of("/run/netns", name);
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }
}
