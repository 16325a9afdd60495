package dev.fulmar.interop.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts charon-systemd inside a lab namespace with its own configuration, without touching the
 * host's /etc or /run: inside the private mount namespace that {@code ip netns exec} creates, a
 * tmpfs covers /run (own pid file and vici socket) and the instance's strongswan.conf and swanctl
 * directory are bind-mounted over the /etc copies. The 6.1 daemon additionally gets proc, /dev,
 * sysfs and /run mounted below the sid chroot and runs chrooted. All these mounts live only in
 * the daemon's mount namespace and vanish with it.
 */
final class CharonDaemon {
  static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final Lab lab;
  private final Netns ns;
  private final String role;
  private final StrongSwanVersion version;
  private final Path confDir;
  private final Path chroot;
  private LabProcess process;
  private String daemonVersion;

  CharonDaemon(Lab lab, Netns ns, String role, CharonConfig config, StrongSwanVersion version) {
    this.lab = lab;
    this.ns = ns;
    this.role = role;
    this.version = version;
    this.confDir = lab.uniqueDir(role + "-config");
    config.writeTo(confDir);
    if (version == StrongSwanVersion.V6_1) {
      SidChroot sid = SidChroot.ensure();
      this.chroot = sid.root();
      lab.useChroot(chroot);
    } else {
      this.chroot = null;
    }
  }

  /** Starts the daemon, waits for its vici socket and loads the configuration. */
  void start() {
    long t0 = System.nanoTime();
    process = lab.start(ns, role + "-charon", List.of("/bin/sh", "-c", launchScript()));
    awaitVici();
    if (chroot != null) {
      requireMlKem();
    }
    load();
    System.out.printf("lab %s: %s strongSwan %s ready in %d ms (log %s)%n", lab.name(), role,
        daemonVersion, (System.nanoTime() - t0) / 1_000_000, process.log());
  }

  String launchScript() {
    String etc = chroot == null ? "/etc" : chroot + "/etc";
    List<String> lines = new ArrayList<>(List.of("set -e"));
    if (chroot == null) {
      lines.add("mount -t tmpfs -o mode=755 tmpfs /run");
    } else {
      String r = chroot.toString();
      lines.add("mount -t tmpfs -o mode=755 tmpfs " + Shell.quote(r + "/run"));
      lines.add("mount -t proc proc " + Shell.quote(r + "/proc"));
      lines.add("mount --bind /dev " + Shell.quote(r + "/dev"));
      lines.add("mount -t sysfs sysfs " + Shell.quote(r + "/sys"));
    }
    lines.add("mount --bind " + Shell.quote(confDir.resolve("strongswan.conf")) + " "
        + Shell.quote(etc + "/strongswan.conf"));
    lines.add("mount --bind " + Shell.quote(confDir.resolve("swanctl")) + " "
        + Shell.quote(etc + "/swanctl"));
    String resolv = Shell.quote(etc + "/resolv.conf");
    lines.add("if [ -f " + resolv + " ] && [ ! -L " + resolv + " ]; then mount --bind "
        + Shell.quote(confDir.resolve("resolv.conf")) + " " + resolv + "; fi");
    lines.add(chroot == null ? "exec /usr/sbin/charon-systemd"
        : "exec chroot " + Shell.quote(chroot) + " /usr/sbin/charon-systemd");
    return String.join("\n", lines) + "\n";
  }

  /** The daemon's vici socket, reached through its root directory in /proc. */
  Path viciSocket() {
    return Path.of("/proc/" + process.pid() + "/root/run/charon.vici");
  }

  private void awaitVici() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new LabException(role + " charon exited with code " + process.exitValue()
            + " while starting; log " + process.log() + ":\n" + process.logTail(30));
      }
      boolean isCharon = ProcessHandle.of(process.pid())
          .flatMap(h -> h.info().command())
          .map(c -> c.endsWith("charon-systemd"))
          .orElse(false);
      ViciMessage v = isCharon && Files.exists(viciSocket()) ? tryVersion() : null;
      if (v != null) {
        daemonVersion = v.get("version");
        if (!version.matches(daemonVersion)) {
          throw new LabException(role + " runs strongSwan " + daemonVersion + ", expected "
              + version);
        }
        return;
      }
      sleep(20);
    }
    throw new LabException(role + " charon did not open its vici socket within "
        + START_TIMEOUT.toSeconds() + " s; log " + process.log() + ":\n" + process.logTail(30));
  }

  /** The 6.1 chroot exists for ML-KEM: refuse to go on without it (swanctl --list-algs). */
  private void requireMlKem() {
    ViciMessage algs;
    try (Vici vici = vici()) {
      algs = vici.call("get-algorithms", ViciMessage.EMPTY, CALL_TIMEOUT);
    }
    ViciMessage ke = algs.section("ke") != null ? algs.section("ke") : algs.section("dh");
    if (ke == null || !ke.keys().contains("ML_KEM_768")) {
      throw new MissingPrerequisiteException("strongSwan " + daemonVersion + " in " + chroot
          + " offers no ML_KEM_768 (key exchanges: " + (ke == null ? "none" : ke.keys())
          + "); its openssl plugin needs OpenSSL 3.5 or later. Rebuild the chroot: see"
          + " interop-tests/README.md");
    }
  }

  /** The daemon's answer to vici "version", or null while its socket does not answer yet. */
  private ViciMessage tryVersion() {
    try (Vici vici = Vici.connect(viciSocket())) {
      return vici.call("version", ViciMessage.EMPTY, CALL_TIMEOUT);
    } catch (LabException e) {
      return null;
    }
  }

  /** {@code swanctl --load-all} through nsenter into the daemon's namespaces (and chroot). */
  void load() {
    Cmd.Result r = swanctl("--load-all", "--noprompt");
    boolean failed = !r.ok() || r.stdout().lines().anyMatch(l -> l.contains("failed"));
    if (failed) {
      throw new LabException(role + ": swanctl --load-all failed (config " + confDir
          + "/swanctl/swanctl.conf):\n" + r.stdout() + r.stderr() + "\ndaemon log:\n"
          + process.logTail(20));
    }
  }

  /** Runs swanctl against this daemon (the swanctl of the daemon's own strongSwan build). */
  Cmd.Result swanctl(String... args) {
    List<String> cmd = new ArrayList<>(List.of("nsenter", "-t", Long.toString(process.pid()),
        "-m", "-n", "-r", "-w", "swanctl"));
    cmd.addAll(List.of(args));
    return Cmd.probe(CALL_TIMEOUT, null, cmd);
  }

  Vici vici() {
    if (process == null || !process.isAlive()) {
      throw new LabException(role + " charon is not running; log " + logFile());
    }
    return Vici.connect(viciSocket());
  }

  /** SIGTERM: charon deletes its SAs (notifying the peer) and exits. */
  void stop() {
    if (process != null) {
      process.stop(Duration.ofSeconds(10));
    }
  }

  /** SIGKILL: the daemon vanishes without a word to its peer (for DPD tests). */
  void kill() {
    if (process != null) {
      process.kill();
    }
  }

  /** Stops (if running) and starts the daemon again with the same configuration. */
  void restart() {
    stop();
    start();
  }

  boolean isRunning() {
    return process != null && process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  Path logFile() {
    return process == null ? null : process.log();
  }

  String logTail(int lines) {
    return process == null ? "" : process.logTail(lines);
  }

  String daemonVersion() {
    return daemonVersion;
  }

  String role() {
    return role;
  }

  Lab lab() {
    return lab;
  }

  Path confDir() {
    return confDir;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabException("interrupted", e);
    }
  }
}
