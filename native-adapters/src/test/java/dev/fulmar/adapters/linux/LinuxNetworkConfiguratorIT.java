package dev.fulmar.adapters.linux;

import static dev.fulmar.adapters.linux.Packets.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.adapters.jdk.FileChangeJournal;
import dev.fulmar.adapters.jdk.JournalDirectory;
import dev.fulmar.core.spi.DnsSettings;
import dev.fulmar.core.spi.IpPrefix;
import dev.fulmar.core.spi.RoutingMode;
import dev.fulmar.core.spi.SystemChangeJournal.RollbackReport;
import dev.fulmar.core.spi.SystemConfigException;
import dev.fulmar.core.spi.TunDevice;
import dev.fulmar.core.spi.TunOptions;
import dev.fulmar.core.spi.TunnelAddress;
import dev.fulmar.core.spi.TunnelNetworkConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Addresses, routes and DNS set and restored inside a namespace that looks like a client host: an
 * uplink {@code v0} (192.0.2.2/24, 2001:db8:1::2/64) with default routes via 192.0.2.1 and
 * 2001:db8:1::1, the gateway 203.0.113.1 behind them, and a {@code resolv.conf} in a temp dir.
 */
class LinuxNetworkConfiguratorIT {

  private static final DnsSettings DNS = new DnsSettings(
      List.of(ip("198.51.100.53")), List.of("corp.example"), List.of("lab.example"));

  @TempDir Path tmp;
  private NetNs ns;
  private Path resolvConf;
  private Path journalDir;
  private String before;

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
    resolvConf = tmp.resolve("etc/resolv.conf");
    Files.createDirectories(resolvConf.getParent());
    Files.writeString(resolvConf, "nameserver 192.0.2.53\nsearch home.example\noptions edns0\n");
    journalDir = tmp.resolve("journal");
    before = snapshot();
  }

  @AfterEach
  void tearDown() throws IOException {
    if (ns != null) {
      ns.close();
    }
  }

  @Test
  void splitTunnelRoutesOnlyThePushedSubnetsAndRestoresEverything() throws IOException {
    try (TunDevice tun = createTun()) {
      LinuxNetworkConfigurator c = configurator(ns.runner());
      c.apply(config(tun, RoutingMode.SPLIT, List.of("10.8.0.0/16", "198.51.100.0/24")));

      assertThat(ns.exec("ip", "addr", "show", "dev", "fulmar0"))
          .contains("inet 10.8.0.2/32").contains("inet6 2001:db8:8::2/64").contains("mtu 1400");
      assertThat(ns.exec("ip", "route"))
          .contains("10.8.0.0/16 dev fulmar0").contains("198.51.100.0/24 dev fulmar0")
          .doesNotContain("203.0.113.1");
      assertThat(routeDev("10.8.1.1")).isEqualTo("fulmar0");
      assertThat(routeDev("203.0.113.1")).isEqualTo("v0");
      assertThat(Files.readString(resolvConf)).startsWith("# Written by Fulmar")
          .contains("nameserver 198.51.100.53\nnameserver 192.0.2.53\n")
          .contains("search corp.example lab.example home.example");

      c.restore();
    }
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void fullTunnelKeepsTheGatewayOnItsOriginalNextHop() throws IOException {
    try (TunDevice tun = createTun()) {
      LinuxNetworkConfigurator c = configurator(ns.runner());
      c.apply(config(tun, RoutingMode.FULL, List.of()));

      assertThat(ns.exec("ip", "route"))
          .contains("203.0.113.1 via 192.0.2.1 dev v0")
          .contains("0.0.0.0/1 dev fulmar0").contains("128.0.0.0/1 dev fulmar0")
          .contains("default via 192.0.2.1 dev v0"); // the host's own default route is untouched
      assertThat(ns.exec("ip", "-6", "route")).contains("::/1 dev fulmar0")
          .contains("8000::/1 dev fulmar0");
      assertThat(routeDev("8.8.8.8")).isEqualTo("fulmar0");
      assertThat(routeDev("2001:db8:99::1")).isEqualTo("fulmar0");
      assertThat(routeDev("203.0.113.1")).isEqualTo("v0");
      assertThat(Files.readString(resolvConf)).contains("nameserver 198.51.100.53\n")
          .doesNotContain("192.0.2.53"); // no query may leave outside a full tunnel

      c.restore();
      c.restore(); // idempotent
    }
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aNetworkChangeMovesTheGatewayRouteToTheNewNextHop() throws IOException {
    ns.exec("ip", "link", "add", "v2", "type", "veth", "peer", "name", "v3");
    ns.exec("ip", "addr", "add", "198.51.100.2/24", "dev", "v2");
    ns.exec("ip", "link", "set", "v2", "up");
    ns.exec("ip", "link", "set", "v3", "up");
    try (TunDevice tun = createTun()) {
      LinuxNetworkConfigurator c = configurator(ns.runner());
      c.apply(config(tun, RoutingMode.FULL, List.of()));
      c.updateGateway(ip("203.0.113.1")); // nothing changed yet: nothing to do
      assertThat(ns.exec("ip", "route")).contains("203.0.113.1 via 192.0.2.1 dev v0");

      // the uplink changes (Wi-Fi to LTE): the default route now leaves through v2
      ns.exec("ip", "route", "replace", "default", "via", "198.51.100.1", "dev", "v2");
      c.updateGateway(ip("203.0.113.1"));
      assertThat(ns.exec("ip", "route")).contains("203.0.113.1 via 198.51.100.1 dev v2")
          .doesNotContain("203.0.113.1 via 192.0.2.1");
      assertThat(routeDev("203.0.113.1")).isEqualTo("v2");

      // MOBIKE moved us to another gateway address
      c.updateGateway(ip("203.0.113.99"));
      assertThat(ns.exec("ip", "route")).contains("203.0.113.99 via 198.51.100.1 dev v2")
          .doesNotContain("203.0.113.1 ");
      c.restore();
    }
    assertThat(ns.exec("ip", "route")).doesNotContain("203.0.113").doesNotContain("fulmar0")
        .contains("default via 198.51.100.1 dev v2");
    assertThat(FileChangeJournal.open(journalDir, "network", null).pending()).isEmpty();
  }

  @Test
  void anIpv6GatewayKeepsItsOriginalNextHopToo() throws IOException {
    try (TunDevice tun = createTun()) {
      LinuxNetworkConfigurator c = configurator(ns.runner());
      c.apply(new TunnelNetworkConfig(tun.name(), 1400,
          List.of(new TunnelAddress(ip("2001:db8:8::2"), 64)), RoutingMode.FULL, List.of(),
          ip("2001:db8:99::1"), DnsSettings.NONE));
      assertThat(ns.exec("ip", "-6", "route"))
          .contains("2001:db8:99::1 via 2001:db8:1::1 dev v0");
      assertThat(routeDev("2001:db8:99::1")).isEqualTo("v0");
      assertThat(routeDev("2001:db8:77::1")).isEqualTo(tun.name());
      assertThat(routeDev("198.51.100.9")).isEqualTo(tun.name()); // IPv4 cannot leak either
      c.restore();
    }
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void anOverlappingRouteFailsTheRoutesStepAndLeavesNothingBehind() throws IOException {
    try (TunDevice tun = createTun()) {
      LinuxNetworkConfigurator c = configurator(ns.runner());
      assertThatThrownBy(() -> c.apply(config(tun, RoutingMode.SPLIT,
              List.of("10.8.0.0/16", "192.0.2.0/24"))))
          .isInstanceOf(SystemConfigException.class)
          .satisfies(e -> assertThat(((SystemConfigException) e).step())
              .isEqualTo(SystemConfigException.Step.SET_ROUTES))
          .hasMessageContaining("a route for 192.0.2.0/24 already exists")
          .hasMessageContaining("(changes undone)");
      assertThat(ns.exec("ip", "route")).doesNotContain("10.8.0.0/16");
    }
    assertThat(snapshot()).isEqualTo(before);
    assertThat(FileChangeJournal.open(journalDir, "network", null).pending()).isEmpty();
  }

  @Test
  void aFailureHalfwayUndoesWhatWasAlreadyDone() throws IOException {
    AtomicInteger routeAdds = new AtomicInteger();
    CommandRunner failing = (argv, stdin) -> {
      if (argv.size() > 2 && argv.get(1).equals("route") && argv.get(2).equals("add")
          && routeAdds.incrementAndGet() == 3) {
        return new CommandRunner.Result(2, "", "RTNETLINK answers: No buffer space available");
      }
      return ns.runner().run(argv, stdin);
    };
    try (TunDevice tun = createTun()) {
      LinuxNetworkConfigurator c = configurator(failing);
      assertThatThrownBy(() -> c.apply(config(tun, RoutingMode.FULL, List.of())))
          .isInstanceOf(SystemConfigException.class)
          .hasMessageContaining("SET_ROUTES")
          .hasMessageContaining("No buffer space available");
      assertThat(routeAdds).hasValue(3); // gateway host route and 0.0.0.0/1 were in place
    }
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aCrashedRunIsUndoneFromTheJournalByAFreshProcess() throws IOException {
    TunDevice tun = createTun();
    configurator(ns.runner()).apply(config(tun, RoutingMode.FULL, List.of()));
    // kill -9: nothing is undone; the kernel closes the descriptor, so the TUN device goes
    tun.close();
    assertThat(ns.exec("ip", "route")).contains("203.0.113.1 via 192.0.2.1 dev v0");
    assertThat(Files.readString(resolvConf)).contains("198.51.100.53");

    RollbackReport r = JournalDirectory.recover(journalDir, new LinuxUndoActions(ns.runner()),
        List.of("network"));
    assertThat(r.complete()).as(r.failed().toString()).isTrue();
    assertThat(r.undone()).isNotEmpty();
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aSymlinkedResolvConfComesBackAsTheSameSymlink() throws IOException {
    Path real = tmp.resolve("run/resolv.conf");
    Files.createDirectories(real.getParent());
    Files.move(resolvConf, real);
    Files.createSymbolicLink(resolvConf, real);
    before = snapshot();
    try (TunDevice tun = createTun()) {
      LinuxNetworkConfigurator c = configurator(ns.runner());
      c.apply(config(tun, RoutingMode.SPLIT, List.of("10.8.0.0/16")));
      assertThat(Files.isSymbolicLink(resolvConf)).isFalse();
      assertThat(Files.readString(real)).doesNotContain("Fulmar"); // the link's target untouched
      c.restore();
    }
    assertThat(Files.readSymbolicLink(resolvConf)).isEqualTo(real);
    assertThat(snapshot()).isEqualTo(before);
  }

  private TunDevice createTun() throws IOException {
    FileChangeJournal tunJournal =
        FileChangeJournal.open(journalDir, "tun", new LinuxUndoActions(ns.runner()));
    return ns.call(() -> new LinuxTunDeviceFactory(tunJournal)
        .create(new TunOptions("fulmar%d", 1500, false)));
  }

  private LinuxNetworkConfigurator configurator(CommandRunner runner) throws IOException {
    FileChangeJournal journal =
        FileChangeJournal.open(journalDir, "network", new LinuxUndoActions(runner));
    return new LinuxNetworkConfigurator(runner, journal, new ResolvConfDns(resolvConf, journalDir));
  }

  private static TunnelNetworkConfig config(TunDevice tun, RoutingMode mode,
      List<String> routes) {
    return new TunnelNetworkConfig(tun.name(), 1400,
        List.of(TunnelAddress.host(ip("10.8.0.2")), new TunnelAddress(ip("2001:db8:8::2"), 64)),
        mode, routes.stream().map(IpPrefix::parse).toList(), ip("203.0.113.1"), DNS);
  }

  private String routeDev(String dst) throws IOException {
    return IpRoute2Probe.dev(ns.exec("ip", "route", "get", dst));
  }

  /** Addresses, routes of both families, and the resolver file, as one comparable text. */
  private String snapshot() throws IOException {
    String rc = Files.isSymbolicLink(resolvConf)
        ? "symlink -> " + Files.readSymbolicLink(resolvConf)
        : Files.readString(resolvConf);
    return ns.exec("ip", "addr") + ns.exec("ip", "-4", "route", "show", "table", "all")
        + ns.exec("ip", "-6", "route", "show", "table", "all") + rc;
  }

  /** Extracts the device from {@code ip route get} output. */
  static final class IpRoute2Probe {
    static String dev(String out) {
      List<String> t = List.of(out.strip().split("\\s+"));
      return t.get(t.indexOf("dev") + 1);
    }
  }
}
