package dev.fulmar.interop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.lab.Cmd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A machine of its own for {@code bin/run-fulmar}: a network namespace of the test's, and in a
 * private mount namespace overlays over {@code /etc} (the group, the users run-fulmar adds) and
 * {@code /var} (the helper's journal and log, the demo's certificates), and directories of the
 * test over {@code /run}, {@code /home} and {@code /tmp}. The checkout is bind-mounted at {@code
 * /opt} there so that the test user can reach it wherever the checkout lies. A user (the one who
 * "ran sudo") is created in it. Every process started is remembered and stopped by its PID.
 */
final class RunSandbox implements AutoCloseable {
  private final String prefix;
  private final String user;
  private final String netns;
  private final Path dir;
  private final Set<Long> started = new LinkedHashSet<>();
  private Process run;
  private Path out;

  private RunSandbox(String prefix, Path dir) {
    this.prefix = prefix;
    this.user = prefix + ProcessHandle.current().pid();
    this.netns = prefix + "-" + ProcessHandle.current().pid();
    this.dir = dir;
  }

  /** A fresh sandbox named {@code prefix} (lower case letters), after removing orphaned ones. */
  static RunSandbox create(String prefix) throws IOException {
    removeOrphans(prefix);
    Path dir = Path.of(System.getProperty("fulmar.lab.dir", "target/lab")).toAbsolutePath()
        .resolve(prefix);
    Cmd.probe("rm", "-rf", "--one-file-system", dir.toString());
    for (String d : List.of("etc-up", "etc-work", "var-up", "var-work", "run", "home", "tmp")) {
      Files.createDirectories(dir.resolve(d));
    }
    Files.setPosixFilePermissions(dir.resolve("tmp"), PosixFilePermissions.fromString(
        "rwxrwxrwx"));
    markJarsCurrent();
    RunSandbox box = new RunSandbox(prefix, dir);
    Cmd.run("ip", "netns", "add", box.netns);
    return box;
  }

  String user() {
    return user;
  }

  String netns() {
    return netns;
  }

  /** A path in the test's directory (its {@code run/} is the sandbox's {@code /run}, ...). */
  Path path(String relative) {
    return dir.resolve(relative);
  }

  Process process() {
    return run;
  }

  Set<Long> started() {
    return started;
  }

  /**
   * Starts {@code prelude} (shell lines, run as root in the sandbox) and then run-fulmar with
   * {@code args} as the same process, as the user's {@code sudo} would, and waits until it says
   * {@code ready}. Its output goes to {@code NAME.out}.
   */
  void start(String name, String prelude, String args, String ready) throws Exception {
    out = dir.resolve(name + ".out");
    run = new ProcessBuilder("ip", "netns", "exec", netns, "sh", "-c", script(prelude, args))
        .redirectErrorStream(true).redirectOutput(out.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    started.add(run.pid());
    awaitOutput(ready, Duration.ofMinutes(5));
  }

  private String script(String prelude, String args) {
    String root = Path.of(System.getProperty("user.dir")).getParent().toString();
    return String.join("\n", "set -e",
        // the checkout first: it may lie under /home or /tmp, which are covered next
        "mount --bind " + root + " /opt",
        overlay("/etc", "etc"), overlay("/var", "var"),
        "mount --bind " + dir.resolve("run") + " /run",
        "mount --bind " + dir.resolve("home") + " /home",
        "mount --bind " + dir.resolve("tmp") + " /tmp",
        // a checkout under /home or /tmp (now covered) is put back at its own path too, so that
        // the lab dir's files keep their names inside the sandbox
        "[ -d " + root + " ] || { mkdir -p " + root + " && mount --bind /opt " + root + "; }",
        "ip link set lo up",
        "id " + user + " >/dev/null 2>&1 || useradd --create-home --shell /bin/sh " + user,
        "unset DISPLAY WAYLAND_DISPLAY XAUTHORITY",
        "export SUDO_USER=" + user + " SUDO_UID=$(id -u " + user + ")",
        prelude,
        "exec /opt/bin/run-fulmar " + args, "");
  }

  private String overlay(String target, String name) {
    return "mount -t overlay " + prefix + "-" + name + " -o lowerdir=" + target + ",upperdir="
        + dir.resolve(name + "-up") + ",workdir=" + dir.resolve(name + "-work") + " " + target;
  }

  /** What run-fulmar printed so far. */
  String output() throws IOException {
    return read(out);
  }

  void awaitOutput(String text, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (output().contains(text)) {
        return;
      }
      if (!run.isAlive()) {
        throw new AssertionError("run-fulmar ended (exit " + run.exitValue() + "):\n" + output());
      }
      Thread.sleep(200);
    }
    throw new AssertionError("run-fulmar did not say '" + text + "' within " + timeout + ":\n"
        + output());
  }

  /** The password run-fulmar printed for the demo. */
  String password() throws IOException {
    Matcher m = Pattern.compile("password\\s+(\\S+)").matcher(output());
    assertThat(m.find()).as(output()).isTrue();
    return m.group(1);
  }

  /** Remembers run-fulmar's processes so far: its descendants and the demo gateway. */
  void rememberProcesses() throws IOException {
    ProcessHandle.of(run.pid()).ifPresent(h -> h.descendants()
        .forEach(d -> started.add(d.pid())));
    Path charon = dir.resolve("run/fulmar-demo/charon.pid");
    if (Files.isRegularFile(charon)) {
      started.add(Long.parseLong(read(charon).strip()));
    }
  }

  /** A command in run-fulmar's network and mount namespaces, as root. */
  Cmd.Result inside(Path stdin, String... command) {
    List<String> cmd = new ArrayList<>(List.of("nsenter", "-t", Long.toString(run.pid()), "-m",
        "-n", "--"));
    cmd.addAll(List.of(command));
    return Cmd.probe(Duration.ofSeconds(180), stdin, cmd);
  }

  /** What the user types in a terminal: the groups of the account database, the user's home. */
  Cmd.Result asUser(String secret, String... command) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=" + user,
        "--regid=" + user, "--init-groups", "--", "env", "-i", "HOME=/home/" + user,
        "PATH=/usr/bin:/bin", "USER=" + user));
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

  /** Sends SIGTERM to run-fulmar and returns its exit code. */
  int terminate() throws InterruptedException {
    run.destroy();
    assertThat(run.waitFor(90, TimeUnit.SECONDS)).as("run-fulmar ends after SIGTERM").isTrue();
    return run.exitValue();
  }

  /** Stops run-fulmar (if still running) and every process it started; deletes the namespace. */
  @Override
  public void close() throws Exception {
    try {
      if (run != null && run.isAlive()) {
        run.destroy();
        run.waitFor(90, TimeUnit.SECONDS);
      }
    } finally {
      for (long pid : started) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
      Cmd.probe("ip", "netns", "delete", netns);
    }
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
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now()));
      }
    }
  }

  /** Namespaces of earlier runs whose JVM is gone (and their processes). */
  private static void removeOrphans(String prefix) {
    Matcher m = Pattern.compile("^" + prefix + "-(\\d+)$", Pattern.MULTILINE)
        .matcher(Cmd.run("ip", "netns", "list").stdout().replaceAll(" \\(.*", ""));
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

  static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
