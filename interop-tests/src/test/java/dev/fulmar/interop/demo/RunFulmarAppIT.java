package dev.fulmar.interop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.lab.Cmd;
import dev.fulmar.interop.lab.Prerequisites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * README's run command on a desktop (an Xvfb display here): {@code bin/run-fulmar} starts the
 * tray app as the user who ran sudo, on the user's display, in the group {@code fulmar} it has
 * just joined, offering the demo; the app reaches the helper through the control socket only
 * that group may open, and its window is on the screen. SIGTERM closes the app by its PID and
 * leaves nothing behind. (That the app then connects to the real helper and a strongSwan gateway
 * is {@code AppEndToEndIT}'s part.)
 */
class RunFulmarAppIT {
  private static final String DISPLAY = ":7";
  private static final String SOCKET = "/run/fulmar/control.sock";
  private static RunSandbox box;

  @BeforeAll
  static void start() throws Exception {
    Prerequisites.requireLab();
    for (String program : List.of("Xvfb", "import", "identify")) {
      assertThat(Cmd.probe("sh", "-c", "command -v " + program).ok())
          .as("program '%s' (Debian packages xvfb and imagemagick; sudo bin/install-test-deps)",
              program).isTrue();
    }
    box = RunSandbox.create("fdemoapp");
  }

  @AfterAll
  static void stop() throws Exception {
    if (box != null) {
      box.close();
    }
  }

  @Test
  void startsTheAppAsTheUserOnTheDisplayAndClosesItOnSigterm() throws Exception {
    String xvfb = String.join("\n",
        "Xvfb " + DISPLAY + " -nolisten tcp -screen 0 1024x768x24 >" + box.path("xvfb.log")
            + " 2>&1 &",
        "echo $! >" + box.path("xvfb.pid"),
        "for i in $(seq 100); do [ -S /tmp/.X11-unix/X7 ] && break; sleep 0.1; done",
        "export DISPLAY=" + DISPLAY);
    box.start("app", xvfb, "--no-install", "starting the app as " + box.user() + " on display "
        + DISPLAY + ": press \"Try the demo\", then Connect");
    box.started().add(Long.parseLong(RunSandbox.read(box.path("xvfb.pid")).strip()));
    box.rememberProcesses();

    String uid = box.inside(null, "id", "-u", box.user()).stdout().strip();
    String fulmarGid = box.inside(null, "getent", "group", "fulmar").stdout().split(":")[2];
    long app = await(Duration.ofSeconds(60), () -> appProcess(uid), "the app's java process");
    box.started().add(app);
    String status = RunSandbox.read(Path.of("/proc/" + app + "/status"));
    assertThat(status).containsPattern("(?m)^Uid:\\s+" + uid + "\\s");
    assertThat(groups(status)).as("the app has the group it was just given").contains(fulmarGid);
    assertThat(cmdline(app)).contains("--demo-profile /run/fulmar-demo/demo.vpn");
    assertThat(environ(app)).contains("DISPLAY=" + DISPLAY, "HOME=/home/" + box.user(),
        "USER=" + box.user());

    await(Duration.ofSeconds(90), () -> connectedToHelper(app) ? Optional.of(true)
        : Optional.empty(), "the app connected to " + SOCKET);
    // the window on the display, drawn and settled (the same pixels twice a second apart)
    Path shot = box.path("app-window.png");
    String[] last = {""};
    await(Duration.ofSeconds(90), () -> {
      Optional<String> now = screen(shot);
      boolean settled = now.isPresent() && now.get().equals(last[0]);
      last[0] = now.orElse("");
      if (!settled) {
        Thread.sleep(1000);
      }
      return settled ? now : Optional.empty();
    }, "the app's window on the display (" + shot + ")");

    assertThat(box.terminate()).as(box.output()).isZero();
    assertThat(box.output()).contains("closing the app (pid " + app + ")",
        "stopping the helper", "deleted network namespace fulmar-demo-gw",
        "everything Fulmar changed is undone");
    long x = Long.parseLong(RunSandbox.read(box.path("xvfb.pid")).strip());
    ProcessHandle.of(x).ifPresent(ProcessHandle::destroy);
    ProcessHandle.of(x).ifPresent(h -> h.onExit().join());
    RunFulmarIT.assertLeftNothing(box);
  }

  /** The user's java process among run-fulmar's descendants, once the launcher exec'd it. */
  private static Optional<Long> appProcess(String uid) {
    return ProcessHandle.of(box.process().pid()).stream().flatMap(ProcessHandle::descendants)
        .map(ProcessHandle::pid).filter(pid -> {
          try {
            String status = RunSandbox.read(Path.of("/proc/" + pid + "/status"));
            return status.contains("Name:\tjava\n")
                && status.matches("(?s).*\nUid:\\s+" + uid + "\\s.*");
          } catch (IOException e) {
            return false;
          }
        }).findFirst();
  }

  private static List<String> groups(String status) {
    return status.lines().filter(l -> l.startsWith("Groups:"))
        .flatMap(l -> List.of(l.substring(7).trim().split("\\s+")).stream()).toList();
  }

  private static String cmdline(long pid) throws IOException {
    return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"))).replace('\0', ' ');
  }

  private static List<String> environ(long pid) throws IOException {
    return List.of(new String(Files.readAllBytes(Path.of("/proc/" + pid + "/environ")))
        .split("\0"));
  }

  /**
   * Whether one of {@code pid}'s Unix sockets is connected to one the helper accepted on its
   * control socket: in {@code ss -xpn}, the accepted socket's local address is the socket path
   * and its peer is the client's socket (by inode).
   */
  private static boolean connectedToHelper(long pid) {
    List<String[]> lines = box.inside(null, "ss", "-xpn").stdout().lines()
        .map(l -> l.trim().split("\\s+")).filter(f -> f.length >= 8).toList();
    Set<String> clients = new HashSet<>();
    for (String[] f : lines) {
      if (f[4].equals(SOCKET)) {
        clients.add(f[7]);
      }
    }
    return lines.stream().anyMatch(f -> clients.contains(f[5])
        && String.join(" ", f).contains("pid=" + pid + ","));
  }

  /**
   * A screenshot of the display into {@code shot}: the signature of its pixels when it shows
   * more than a bare screen (which has one colour).
   */
  private static Optional<String> screen(Path shot) {
    Cmd.Result taken = box.inside(null, "import", "-display", DISPLAY, "-window", "root",
        shot.toString());
    if (!taken.ok()) {
      return Optional.empty();
    }
    String[] f = Cmd.probe("identify", "-format", "%k %#", shot.toString()).stdout().strip()
        .split(" ");
    return f.length == 2 && f[0].matches("\\d+") && Integer.parseInt(f[0]) > 16
        ? Optional.of(f[1]) : Optional.empty();
  }

  private interface Probe<T> {
    Optional<T> get() throws Exception;
  }

  private static <T> T await(Duration timeout, Probe<T> probe, String what) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<T> v = probe.get();
      if (v.isPresent()) {
        return v.get();
      }
      assertThat(box.process().isAlive()).as("run-fulmar ended:\n" + box.output()).isTrue();
      Thread.sleep(250);
    }
    throw new AssertionError("no " + what + " within " + timeout + "; run-fulmar said:\n"
        + box.output());
  }
}
