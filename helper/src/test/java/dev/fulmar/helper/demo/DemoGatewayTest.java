package dev.fulmar.helper.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.profiles.codec.ProfileCodec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Up and down against a pretend machine: the order of things, clean-up on failure, by PID. */
class DemoGatewayTest {
  @TempDir Path dir;
  final ScriptedHost host = new ScriptedHost();

  DemoGateway gateway() {
    return new DemoGateway(host, new DemoFiles(dir.resolve("run"), dir.resolve("state")),
        new SecureRandom(), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
  }

  static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void upWiresTheNamespacesStartsCharonLoadsItAndWritesTheProfile() throws Exception {
    DemoGateway g = gateway();
    DemoFiles.Identity id = g.up();
    assertThat(new String(id.password())).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");

    assertThat(host.commands).containsSubsequence(
        "ip netns add fulmar-demo-gw",
        "ip netns add fulmar-demo-lan",
        "ip link add fulmar-demo type veth peer name uplink netns fulmar-demo-gw",
        "ip addr add 192.0.2.2/24 dev fulmar-demo",
        "ip -n fulmar-demo-gw addr add 192.0.2.1/24 dev uplink",
        "ip -n fulmar-demo-lan addr add 10.200.0.2/24 dev eth0",
        "ip -n fulmar-demo-lan route add default via 10.200.0.1",
        "ip netns exec fulmar-demo-gw sysctl -qw net.ipv4.ip_forward=1",
        "start setsid ip netns exec fulmar-demo-gw /bin/sh -c " + g.charonScript(),
        "nsenter -t 4242 -r -m -n swanctl --load-all --noprompt");
    assertThat(g.charonScript()).contains("mount -t tmpfs -o mode=755 fulmar-demo-run /run")
        .contains("mount --bind " + dir.resolve("run/gateway/swanctl") + " /etc/swanctl")
        .endsWith("exec /usr/sbin/charon-systemd\n");
    assertThat(g.isUp()).isTrue();

    Path profile = dir.resolve("run/demo.vpn");
    assertThat(mode(profile)).isEqualTo("rw-r--r--");
    assertThat(ProfileCodec.read(Files.readString(profile)).profile().trust().caCertificates())
        .hasSize(1);
    assertThat(mode(dir.resolve("run/gateway"))).isEqualTo("rwx------");
    assertThat(mode(dir.resolve("run/gateway/swanctl/private/gateway.pem")))
        .isEqualTo("rw-------");
    assertThat(Files.readString(dir.resolve("run/gateway/swanctl/swanctl.conf")))
        .contains("secret = \"" + new String(id.password()) + "\"");
    assertThat(mode(dir.resolve("state"))).isEqualTo("rwx------");
  }

  @Test
  void aSecondUpKeepsTheRunningGatewayAndTheIdentity() throws Exception {
    DemoGateway g = gateway();
    String first = new String(g.up().password());
    int before = host.commands.size();
    assertThat(new String(g.up().password())).isEqualTo(first);
    assertThat(host.commands.subList(before, host.commands.size()))
        .noneMatch(c -> c.startsWith("ip netns add") || c.startsWith("start "));
  }

  @Test
  void theIdentityOutlivesDownSoAnImportedProfileStaysValid() throws Exception {
    DemoGateway g = gateway();
    String ca = g.up().caCertPem();
    g.down(false);
    assertThat(dir.resolve("run")).doesNotExist();
    assertThat(g.up().caCertPem()).isEqualTo(ca);
    g.down(true);
    assertThat(dir.resolve("state")).doesNotExist();
  }

  @Test
  void downStopsCharonByItsPidAndRemovesNamespacesLinkAndFiles() throws Exception {
    DemoGateway g = gateway();
    g.up();
    host.processes.put(7L, "bash");
    g.down(false);
    assertThat(host.signalled).containsExactly(4242L);
    assertThat(host.processes).containsOnlyKeys(7L);
    assertThat(host.commands).contains("ip netns delete fulmar-demo-gw",
        "ip netns delete fulmar-demo-lan", "ip link delete fulmar-demo");
    assertThat(g.said()).contains("stopped the demo gateway (strongSwan, pid 4242)",
        "deleted network namespace fulmar-demo-gw", "deleted link fulmar-demo");
    assertThat(g.isUp()).isFalse();
  }

  @Test
  void aPidFileWhosePidNowBelongsToAnotherProcessIsNotSignalled() throws Exception {
    DemoGateway g = gateway();
    g.up();
    host.processes.put(4242L, "firefox");
    g.down(false);
    assertThat(host.signalled).isEmpty();
    assertThat(host.processes).containsEntry(4242L, "firefox");
  }

  @Test
  void aGatewayWhoseNamespaceNameWasLostIsReplacedNotReused() throws Exception {
    DemoGateway g = gateway();
    g.up();
    // a crash took the mount of the name with it; the old charon still runs
    host.mounted.clear();
    assertThat(g.isUp()).isFalse();
    g.up();
    assertThat(host.signalled).containsExactly(4242L);
    assertThat(host.processes).containsOnlyKeys(4243L);
    assertThat(g.isUp()).isTrue();
  }

  @Test
  void downWithNothingUpSaysSo() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(DemoCommand.down(gateway(), false, new PrintStream(out), System.err)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("nothing to remove");
  }

  @Test
  void aFailureHalfWayRemovesWhatWasCreated() {
    host.failing = "ip -n fulmar-demo-gw link add lan";
    assertThatThrownBy(() -> gateway().up()).isInstanceOf(DemoException.class)
        .hasMessageContaining("ip -n fulmar-demo-gw link add lan").hasMessageContaining("exit 2");
    assertThat(host.paths).doesNotContain(DemoGateway.netns("fulmar-demo-gw"),
        DemoGateway.netns("fulmar-demo-lan"));
    assertThat(host.links).isEmpty();
    assertThat(dir.resolve("run")).doesNotExist();
  }

  @Test
  void aGatewayThatDiesAtStartIsReportedWithItsLog() {
    host.charonDiesAtStart = true;
    assertThatThrownBy(() -> gateway().up()).hasMessageContaining("stopped while starting");
    assertThat(host.paths).doesNotContain(DemoGateway.netns("fulmar-demo-gw"));
  }

  @Test
  void missingStrongSwanPiecesAreNamedWithTheirPackages() {
    host.paths.remove(Path.of("/usr/lib/ipsec/plugins/libstrongswan-eap-mschapv2.so"));
    host.paths.remove(Path.of(DemoGateway.CHARON));
    assertThatThrownBy(() -> gateway().up())
        .hasMessageContaining("/usr/sbin/charon-systemd (package charon-systemd)")
        .hasMessageContaining("eap-mschapv2 (package libcharon-extauth-plugins)")
        .hasMessageContaining("sudo bin/install-run-deps");
    assertThat(host.commands).noneMatch(c -> c.startsWith("ip netns add"));
  }

  @Test
  void refusesToShadowANetworkThisComputerUses() {
    host.routes += "10.200.0.0/24 via 192.168.1.1 dev wlan0\n";
    assertThatThrownBy(() -> gateway().up())
        .hasMessageContaining("already uses addresses the demo needs")
        .hasMessageContaining("10.200.0.0/24 via 192.168.1.1 dev wlan0");
    assertThat(host.commands).noneMatch(c -> c.startsWith("ip netns add"));
  }
}
