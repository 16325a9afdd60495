package dev.fulmar.interop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.lab.Cmd;
import dev.fulmar.interop.lab.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * README's run command, headless: {@code bin/run-fulmar --no-app} on a machine without profiles
 * starts the helper and the demo gateway and prints the command-line steps; a user follows them
 * ({@code fulmar connect} with the printed password, {@code ping 10.200.0.2}, {@code fulmar
 * disconnect}) and stops it with SIGTERM, after which nothing of it is left. Before that, a run
 * killed with its helper while connected is followed by one that cleans up what it left.
 *
 * <p>Nothing touches this machine: run-fulmar runs in a network namespace of the test's own and
 * in a private mount namespace where overlays cover {@code /etc} (the group, the user it adds)
 * and {@code /var} (the helper's journal and log, the demo's certificates), and directories of
 * the test cover {@code /run} and {@code /home}. The checkout is bind-mounted at {@code
 * /opt/fulmar} there so that the test user can reach it wherever the checkout lies.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunFulmarIT {
  private static final Pattern PASSWORD = Pattern.compile("password\\s+(\\S+)");
  private static final Pattern ORPHAN = Pattern.compile("^fdemoit-(\\d+)$", Pattern.MULTILINE);
  private static final String USER = "fdemoit" + ProcessHandle.current().pid();
  private static final String NETNS = "fdemoit-" + ProcessHandle.current().pid();
  private static Path dir;
  private static Path out;
  private static Process run;
  private static final Set<Long> started = new LinkedHashSet<>();

  @BeforeAll
  static void start() throws Exception {
    Prerequisites.requireLab();
    removeOrphans();
    dir = Path.of(System.getProperty("fulmar.lab.dir", "target/lab")).toAbsolutePath()
        .resolve("run-fulmar");
    Cmd.probe("rm", "-rf", "--one-file-system", dir.toString());
    for (String d : List.of("etc-up", "etc-work", "var-up", "var-work", "run", "home")) {
      Files.createDirectories(dir.resolve(d));
    }
    markJarsCurrent();
    Cmd.run("ip", "netns", "add", NETNS);
  }

  /** Starts run-fulmar and waits until it waits for Ctrl-C. */
  private static void startRun(String name) throws Exception {
    out = dir.resolve(name + ".out");
    run = new ProcessBuilder("ip", "netns", "exec", NETNS, "sh", "-c", script())
        .redirectErrorStream(true).redirectOutput(out.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    started.add(run.pid());
    awaitOutput("press Ctrl-C", Duration.ofMinutes(5));
  }

  /** The private mounts, a user to invoke it, then run-fulmar itself (same PID). */
  private static String script() {
    String root = Path.of(System.getProperty("user.dir")).getParent().toString();
    return String.join("\n", "set -e",
        overlay("/etc", "etc"), overlay("/var", "var"),
        "mount --bind " + dir.resolve("run") + " /run",
        "mount --bind " + dir.resolve("home") + " /home",
        "mount --bind " + root + " /opt",
        "ip link set lo up",
        "id " + USER + " >/dev/null 2>&1 || useradd --create-home --shell /bin/sh " + USER,
        "export SUDO_USER=" + USER + " SUDO_UID=$(id -u " + USER + ")",
        "exec /opt/bin/run-fulmar --no-app --no-install", "");
  }

  private static String overlay(String target, String name) {
    return "mount -t overlay fdemoit-" + name + " -o lowerdir=" + target + ",upperdir="
        + dir.resolve(name + "-up") + ",workdir=" + dir.resolve(name + "-work") + " " + target;
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (run != null && run.isAlive()) {
        run.destroy();
        run.waitFor(90, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      for (long pid : started) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
      Cmd.probe("ip", "netns", "delete", NETNS);
    }
  }

  @Test
  @Order(1)
  void aRunAfterACrashCleansUpWhatTheCrashedRunLeft() throws Exception {
    startRun("crashed-run");
    assertThat(read(out)).contains("created the group 'fulmar'", "added " + USER
        + " to the group");
    String password = password(read(out));
    Cmd.Result up = asUser(password, "/opt/bin/fulmar", "connect",
        "/run/fulmar-demo/demo.vpn", "--password-stdin");
    assertThat(up.exitCode()).as(up.stdout() + up.stderr()).isZero();
    rememberProcesses();
    long charon = Long.parseLong(read(dir.resolve("run/fulmar-demo/charon.pid")).strip());
    long helper = Long.parseLong(read(dir.resolve("run/fulmar-run/daemon.pid")).strip());
    // the power cut: run-fulmar and the helper die at once, the tunnel up, the gateway running
    ProcessHandle.of(run.pid()).ifPresent(ProcessHandle::destroyForcibly);
    ProcessHandle.of(helper).ifPresent(ProcessHandle::destroyForcibly);
    run.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(ProcessHandle.of(charon).filter(ProcessHandle::isAlive)).isPresent();
    assertThat(Cmd.run("ip", "-n", NETNS, "-o", "link").stdout()).contains("fulmar-demo");

    startRun("run-after-crash");
    assertThat(ProcessHandle.of(charon).filter(ProcessHandle::isAlive))
        .as("the crashed run's gateway was stopped").isEmpty();
    assertThat(read(out)).contains("the helper runs (pid", "The demo gateway is up");
    assertThat(password(read(out))).as("the demo keeps its password").isEqualTo(password);
  }

  @Test
  @Order(2)
  void theUserFollowsThePrintedStepsAndSigtermLeavesNothingBehind() throws Exception {
    if (run == null || !run.isAlive()) {
      startRun("run");
    }
    String printed = read(out);
    assertThat(printed).contains("the helper runs (pid", "logging to /var/log/fulmar/fulmard.log",
        "The demo gateway is up", "bin/fulmar connect /run/fulmar-demo/demo.vpn",
        "ping 10.200.0.2", "bin/fulmar disconnect");
    String password = password(printed);
    rememberProcesses();

    assertThat(inside(null, "ping", "-c", "1", "-W", "1", "10.200.0.2").ok())
        .as("without the tunnel the LAN behind the gateway is out of reach").isFalse();
    Cmd.Result up = asUser(password, "/opt/bin/fulmar", "connect",
        "/run/fulmar-demo/demo.vpn", "--password-stdin");
    assertThat(up.exitCode()).as(up.stdout() + up.stderr()).isZero();
    assertThat(up.stdout()).contains("Connected.", "Fulmar demo", "split: 10.200.0.0/24");
    Cmd.Result ping = inside(null, "ping", "-c", "3", "-W", "2", "10.200.0.2");
    assertThat(ping.exitCode()).as(ping.stdout()).isZero();
    assertThat(ping.stdout()).contains("3 received");
    Cmd.Result down = asUser(null, "/opt/bin/fulmar", "disconnect");
    assertThat(down.exitCode()).as(down.stdout() + down.stderr()).isZero();
    Cmd.Result again = asUser(password, "/opt/bin/fulmar", "connect",
        "/run/fulmar-demo/demo.vpn", "--password-stdin");
    assertThat(again.exitCode()).as("left connected for SIGTERM to clean up").isZero();
    rememberProcesses();

    run.destroy();
    assertThat(run.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    String after = read(out);
    assertThat(run.exitValue()).as(after).isZero();
    assertThat(after).contains("disconnecting the demo", "stopping the helper",
        "deleted network namespace fulmar-demo-gw", "everything Fulmar changed is undone");
    assertThat(started).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)).as("process " + pid).isEmpty());
    String links = Cmd.run("ip", "-n", NETNS, "-o", "link").stdout();
    assertThat(links.lines()).as(links).hasSize(1).allMatch(l -> l.contains(": lo:"));
    assertThat(Cmd.run("ip", "-n", NETNS, "route").stdout()).isBlank();
    try (var left = Files.list(dir.resolve("run"))) {
      assertThat(left.map(p -> p.getFileName().toString()).toList())
          .doesNotContain("fulmar-demo", "fulmar-run");
    }
    if (Files.isDirectory(dir.resolve("run/netns"))) {
      try (var ns = Files.list(dir.resolve("run/netns"))) {
        assertThat(ns.toList()).isEmpty();
      }
    }
    assertThat(read(dir.resolve("var-up/log/fulmar/fulmard.log"))).contains("stopped");
    assertThat(Files.readString(Path.of("/etc/passwd"))).doesNotContain(USER);
  }

  private static String password(String printed) {
    Matcher m = PASSWORD.matcher(printed);
    assertThat(m.find()).as(printed).isTrue();
    return m.group(1);
  }

  /** run-fulmar's processes so far: its descendants and the gateway (which outlives its JVM). */
  private static void rememberProcesses() throws IOException {
    ProcessHandle.of(run.pid()).ifPresent(h -> h.descendants()
        .forEach(d -> started.add(d.pid())));
    Path charon = dir.resolve("run/fulmar-demo/charon.pid");
    if (Files.isRegularFile(charon)) {
      started.add(Long.parseLong(read(charon).strip()));
    }
  }

  /** A command in run-fulmar's network and mount namespaces, as root or (with a user) not. */
  private static Cmd.Result inside(Path stdin, String... command) {
    List<String> cmd = new ArrayList<>(List.of("nsenter", "-t", Long.toString(run.pid()), "-m",
        "-n", "--"));
    cmd.addAll(List.of(command));
    return Cmd.probe(Duration.ofSeconds(180), stdin, cmd);
  }

  /** What the user types in a terminal: the groups of the account database, the user's home. */
  private static Cmd.Result asUser(String secret, String... command) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=" + USER,
        "--regid=" + USER, "--init-groups", "--", "env", "-i", "HOME=/home/" + USER,
        "PATH=/usr/bin:/bin", "USER=" + USER));
    cmd.addAll(List.of(command));
    Path stdin = null;
    if (secret != null) {
      stdin = Files.createTempFile(dir, "secret", ".txt",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(stdin, secret + "\n");
    }
    try {
      return inside(stdin, cmd.toArray(String[]::new));
    } finally {
      if (stdin != null) {
        Files.deleteIfExists(stdin);
      }
    }
  }

  private static void awaitOutput(String text, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (read(out).contains(text)) {
        return;
      }
      if (!run.isAlive()) {
        throw new AssertionError("run-fulmar ended (exit " + run.exitValue() + "):\n"
            + read(out));
      }
      Thread.sleep(200);
    }
    throw new AssertionError("run-fulmar did not say '" + text + "' within " + timeout + ":\n"
        + read(out));
  }

  /**
   * The reactor has just built the jars; Maven leaves a jar whose content did not change with
   * its old time, which the launchers would take for stale sources and build again mid-test.
   */
  private static void markJarsCurrent() throws IOException {
    Path root = Path.of(System.getProperty("user.dir")).getParent();
    for (String m : List.of("helper", "client-app")) {
      Path jar = root.resolve(m).resolve("target").resolve(m + "-0.1.0-SNAPSHOT.jar");
      if (Files.isRegularFile(jar)) {
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.from(
            java.time.Instant.now()));
      }
    }
  }

  /** Namespaces and users of earlier runs whose JVM is gone (and their processes). */
  private static void removeOrphans() {
    Matcher m = ORPHAN.matcher(Cmd.run("ip", "netns", "list").stdout().replaceAll(" \\(.*", ""));
    while (m.find()) {
      if (ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
        for (String pid : Cmd.probe("ip", "netns", "pids", m.group()).stdout().split("\\s+")) {
          if (pid.matches("\\d+")) {
            ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
          }
        }
        Cmd.probe("ip", "netns", "delete", m.group());
      }
    }
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
