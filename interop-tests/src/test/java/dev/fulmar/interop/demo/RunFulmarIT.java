package dev.fulmar.interop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.interop.lab.Cmd;
import dev.fulmar.interop.lab.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * README's run command without the app: {@code bin/run-fulmar} on a machine without profiles
 * starts the helper and the demo gateway; without a display it says so and prints the
 * command-line steps; a user follows them ({@code fulmar connect} with the printed password,
 * {@code ping 10.200.0.2}, {@code fulmar disconnect}) and stops it with SIGTERM, after which
 * nothing of it is left. Before that, a run ({@code --no-app}) killed with its helper while
 * connected is followed by one that cleans up what it left, and a run killed alone by one that
 * stops the helper it left. Nothing touches this machine: see {@link RunSandbox}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunFulmarIT {
  private static final String READY = "press Ctrl-C";
  private static RunSandbox box;

  @BeforeAll
  static void start() throws Exception {
    Prerequisites.requireLab();
    box = RunSandbox.create("fdemoit");
  }

  @AfterAll
  static void stop() throws Exception {
    if (box != null) {
      box.close();
    }
  }

  @Test
  @Order(1)
  void aRunAfterACrashCleansUpWhatTheCrashedRunLeft() throws Exception {
    box.start("crashed-run", "", "--no-app --no-install", READY);
    assertThat(box.output()).contains("created the group 'fulmar'", "added " + box.user()
        + " to the group");
    String password = box.password();
    Cmd.Result up = box.asUser(password, "/opt/bin/fulmar", "connect",
        "/run/fulmar-demo/demo.vpn", "--password-stdin");
    assertThat(up.exitCode()).as(up.stdout() + up.stderr()).isZero();
    box.rememberProcesses();
    long charon = Long.parseLong(RunSandbox.read(box.path("run/fulmar-demo/charon.pid"))
        .strip());
    long helper = Long.parseLong(RunSandbox.read(box.path("run/fulmar-run/daemon.pid"))
        .strip());
    // the power cut: run-fulmar and the helper die at once, the tunnel up, the gateway running
    Process run = box.process();
    ProcessHandle.of(run.pid()).ifPresent(ProcessHandle::destroyForcibly);
    ProcessHandle.of(helper).ifPresent(ProcessHandle::destroyForcibly);
    run.waitFor(10, TimeUnit.SECONDS);
    assertThat(ProcessHandle.of(charon).filter(ProcessHandle::isAlive)).isPresent();
    assertThat(Cmd.run("ip", "-n", box.netns(), "-o", "link").stdout()).contains("fulmar-demo");

    box.start("run-after-crash", "", "--no-app --no-install", READY);
    assertThat(ProcessHandle.of(charon).filter(ProcessHandle::isAlive))
        .as("the crashed run's gateway was stopped").isEmpty();
    assertThat(box.output()).contains("the helper runs (pid", "The demo gateway is up");
    assertThat(box.password()).as("the demo keeps its password").isEqualTo(password);

    // only run-fulmar dies (its terminal closed): the next run stops the helper it left
    box.rememberProcesses();
    long leftHelper = Long.parseLong(RunSandbox.read(box.path("run/fulmar-run/daemon.pid"))
        .strip());
    ProcessHandle.of(box.process().pid()).ifPresent(ProcessHandle::destroyForcibly);
    box.process().waitFor(10, TimeUnit.SECONDS);
    box.start("run-after-run-fulmar-died", "", "--no-app --no-install", READY);
    assertThat(box.output()).contains("a helper left by an earlier run-fulmar still runs (pid "
        + leftHelper + ")", "stopping the helper (pid " + leftHelper + ")", "the helper runs");
    assertThat(ProcessHandle.of(leftHelper).filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(box.terminate()).as(box.output()).isZero();
  }

  @Test
  @Order(2)
  void withoutADisplayTheUserFollowsThePrintedStepsAndSigtermLeavesNothingBehind()
      throws Exception {
    box.start("no-display", "", "--no-install", READY);
    String printed = box.output();
    assertThat(printed).contains("no graphical display here (DISPLAY is not set)",
        "For the app, run sudo bin/run-fulmar in a terminal of your desktop session",
        "the helper runs (pid", "logging to /var/log/fulmar/fulmard.log",
        "The demo gateway is up", "bin/fulmar connect /run/fulmar-demo/demo.vpn",
        "ping 10.200.0.2", "bin/fulmar disconnect");
    String password = box.password();
    box.rememberProcesses();

    assertThat(box.inside(null, "ping", "-c", "1", "-W", "1", "10.200.0.2").ok())
        .as("without the tunnel the LAN behind the gateway is out of reach").isFalse();
    Cmd.Result up = box.asUser(password, "/opt/bin/fulmar", "connect",
        "/run/fulmar-demo/demo.vpn", "--password-stdin");
    assertThat(up.exitCode()).as(up.stdout() + up.stderr()).isZero();
    assertThat(up.stdout()).contains("Connected.", "Fulmar demo", "split: 10.200.0.0/24");
    Cmd.Result ping = box.inside(null, "ping", "-c", "3", "-W", "2", "10.200.0.2");
    assertThat(ping.exitCode()).as(ping.stdout()).isZero();
    assertThat(ping.stdout()).contains("3 received");
    Cmd.Result down = box.asUser(null, "/opt/bin/fulmar", "disconnect");
    assertThat(down.exitCode()).as(down.stdout() + down.stderr()).isZero();
    Cmd.Result again = box.asUser(password, "/opt/bin/fulmar", "connect",
        "/run/fulmar-demo/demo.vpn", "--password-stdin");
    assertThat(again.exitCode()).as("left connected for SIGTERM to clean up").isZero();
    box.rememberProcesses();

    assertThat(box.terminate()).as(box.output()).isZero();
    assertThat(box.output()).contains("disconnecting the demo", "stopping the helper",
        "deleted network namespace fulmar-demo-gw", "everything Fulmar changed is undone");
    assertLeftNothing(box);
    assertThat(RunSandbox.read(box.path("var-up/log/fulmar/fulmard.log"))).contains("stopped");
    assertThat(Files.readString(Path.of("/etc/passwd"))).doesNotContain(box.user());
  }

  /** No process, link, route, namespace or run directory of run-fulmar is left. */
  static void assertLeftNothing(RunSandbox box) throws Exception {
    assertThat(box.started()).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)).as("process " + pid).isEmpty());
    String links = Cmd.run("ip", "-n", box.netns(), "-o", "link").stdout();
    assertThat(links.lines()).as(links).hasSize(1).allMatch(l -> l.contains(": lo:"));
    assertThat(Cmd.run("ip", "-n", box.netns(), "route").stdout()).isBlank();
    try (var left = Files.list(box.path("run"))) {
      assertThat(left.map(p -> p.getFileName().toString()).toList())
          .doesNotContain("fulmar-demo", "fulmar-run");
    }
    if (Files.isDirectory(box.path("run/netns"))) {
      try (var ns = Files.list(box.path("run/netns"))) {
        assertThat(ns.toList()).isEmpty();
      }
    }
  }
}
