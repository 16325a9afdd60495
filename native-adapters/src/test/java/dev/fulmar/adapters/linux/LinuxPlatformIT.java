package dev.fulmar.adapters.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.spi.SystemChangeJournal.RollbackReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a process that had a full tunnel up (TUN, addresses, routes, DNS, kill
 * switch), then a fresh start: everything is as it was before the tunnel came up.
 */
class LinuxPlatformIT {

  @TempDir Path tmp;
  private NetNs ns;
  private Process helper;

  @BeforeEach
  void setUp() throws IOException {
    ns = NetNs.create();
    ns.exec("ip", "link", "add", "v0", "type", "veth", "peer", "name", "v1");
    ns.exec("ip", "addr", "add", "192.0.2.2/24", "dev", "v0");
    ns.exec("ip", "-6", "addr", "add", "2001:db8:1::2/64", "dev", "v0", "nodad");
    ns.exec("ip", "link", "set", "v0", "up");
    ns.exec("ip", "link", "set", "v1", "up");
    ns.exec("ip", "route", "add", "default", "via", "192.0.2.1");
    ns.exec("ip", "-6", "route", "add", "default", "via", "2001:db8:1::1");
  }

  @AfterEach
  void tearDown() throws Exception {
    if (helper != null) {
      helper.destroyForcibly().waitFor();
    }
    if (ns != null) {
      ns.close();
    }
  }

  @Test
  void aKilledHelpersChangesAreUndoneAtTheNextStart() throws Exception {
    Path journal = tmp.resolve("journal");
    Path resolvConf = tmp.resolve("resolv.conf");
    Files.writeString(resolvConf, "nameserver 192.0.2.53\n");
    String before = snapshot(resolvConf);

    String java = ProcessHandle.current().info().command().orElseThrow();
    helper = new ProcessBuilder("ip", "netns", "exec", ns.name(), java,
        "-cp", System.getProperty("java.class.path"), CrashingHelperMain.class.getName(),
        journal.toString(), resolvConf.toString()).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(
        new InputStreamReader(helper.getInputStream(), StandardCharsets.UTF_8));
    String line;
    StringBuilder log = new StringBuilder();
    while ((line = out.readLine()) != null && !line.startsWith("UP ")) {
      log.append(line).append('\n');
    }
    assertThat(line).as("helper output:\n" + log).startsWith("UP ");
    assertThat(ns.exec("ip", "route")).contains("0.0.0.0/1 dev fulmar0");

    helper.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
    assertThat(helper.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(ns.exec("ip", "route")).contains("203.0.113.1 via 192.0.2.1 dev v0");
    assertThat(ns.exec("nft", "list", "tables")).contains("table inet fulmar");
    assertThat(Files.readString(resolvConf)).contains("198.51.100.53");

    LinuxPlatform fresh = LinuxPlatform.builder().journalDir(journal).resolvConf(resolvConf)
        .commandRunner(ns.runner()).build();
    RollbackReport r = fresh.recoverAfterCrash();
    assertThat(r.complete()).as(r.failed().toString()).isTrue();
    assertThat(snapshot(resolvConf)).isEqualTo(before);
    assertThat(fresh.recoverAfterCrash().undone()).as("nothing left the second time").isEmpty();
  }

  @Test
  void resolvedIsUsedOnlyWhenItRunsAndOwnsResolvConf() throws IOException {
    Path socket = tmp.resolve("io.systemd.Resolve");
    Path rc = tmp.resolve("resolv.conf");
    Files.writeString(rc, "nameserver 127.0.0.53\noptions edns0\n");
    LinuxPlatform p = LinuxPlatform.builder().journalDir(tmp.resolve("j")).resolvConf(rc)
        .resolvedSocket(socket).commandRunner(ns.runner()).build();
    assertThat(p.dns()).isInstanceOf(ResolvConfDns.class); // resolved not running
    Files.createFile(socket);
    assertThat(p.dns()).isInstanceOf(ResolvedDns.class);
    Files.writeString(rc, "nameserver 192.0.2.53\n"); // resolved runs but glibc ignores it
    assertThat(p.dns()).isInstanceOf(ResolvConfDns.class);
    Files.delete(rc);
    Files.createSymbolicLink(rc, Path.of("/run/systemd/resolve/stub-resolv.conf"));
    assertThat(p.dns()).isInstanceOf(ResolvedDns.class);
  }

  private String snapshot(Path resolvConf) throws IOException {
    return String.join("\n", List.of(ns.exec("ip", "addr"), ns.exec("ip", "-4", "route", "show",
        "table", "all"), ns.exec("ip", "-6", "route", "show", "table", "all"),
        ns.exec("nft", "list", "ruleset"), Files.readString(resolvConf)));
  }
}
