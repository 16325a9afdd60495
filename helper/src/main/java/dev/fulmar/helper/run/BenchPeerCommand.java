package dev.fulmar.helper.run;

import dev.fulmar.core.api.TrafficSelector;
import dev.fulmar.core.datapath.DataPath;
import dev.fulmar.core.datapath.IkePacketHandler;
import dev.fulmar.core.datapath.ManualKeying;
import dev.fulmar.core.datapath.TunnelMtu;
import dev.fulmar.core.esp.EspSa;
import dev.fulmar.core.esp.EspSaPair;
import dev.fulmar.core.esp.SaTable;
import dev.fulmar.core.spi.DnsSettings;
import dev.fulmar.core.spi.IpPrefix;
import dev.fulmar.core.spi.NetworkConfigurator;
import dev.fulmar.core.spi.Platform;
import dev.fulmar.core.spi.RoutingMode;
import dev.fulmar.core.spi.TunDevice;
import dev.fulmar.core.spi.TunOptions;
import dev.fulmar.core.spi.TunnelAddress;
import dev.fulmar.core.spi.TunnelNetworkConfig;
import dev.fulmar.core.spi.UdpTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fulmard bench-peer KEYS}: a test mode for the Fulmar-to-Fulmar data-path benchmark. It
 * never starts from a profile and runs no IKE: one manually keyed ESP SA pair from a properties
 * file ({@link ManualKeying}; keys never on the command line) on a real TUN device and UDP socket,
 * with the TUN address and routes to the peer's selectors, until SIGINT/SIGTERM; then it prints
 * the data path's counters and restores the system. The other host runs the same file with
 * {@code --mirror}.
 */
@Command(
    name = "bench-peer",
    mixinStandardHelpOptions = true,
    description = {
      "Test mode for benchmarks: a manually keyed ESP data path (no IKE, no profile) between"
          + " two Fulmar hosts, until SIGINT/SIGTERM. Keys come from the properties file only.",
      "Properties: transform, spi.in, spi.out, key.in, key.out, local.ts, remote.ts, peer."
    })
public final class BenchPeerCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "KEYS", description = "the properties file with the SA")
  Path keys;

  @Option(names = "--mirror", paramLabel = "ADDRESS:PORT", description = "use the file as the"
      + " other host does (SPIs, keys and selectors swapped), sending to ADDRESS:PORT")
  String mirror;

  @Option(names = "--port", defaultValue = "4500", description = "local UDP port (default"
      + " ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--plain", description = "no kernel offloads (one packet per system call)")
  boolean plain;

  @Option(names = "--journal-dir", paramLabel = "DIR", defaultValue = "/var/lib/fulmar/journal",
      description = "where the journal of system changes is kept (default: ${DEFAULT-VALUE})")
  Path journalDir;

  @Option(names = {"-v", "--verbose"}, description = "log to standard error")
  boolean verbose;

  private final Function<Path, Platform> platforms;
  private final PrintStream out;

  public BenchPeerCommand() {
    this(Platforms::forThisHost, System.out);
  }

  BenchPeerCommand(Function<Path, Platform> platforms, PrintStream out) {
    this.platforms = platforms;
    this.out = out;
  }

  @Override
  public Integer call() throws Exception {
    EspSaPair pair = pair();
    HelperLock lock = HelperLock.acquire(journalDir); // held until the process ends
    Platform platform = platforms.apply(journalDir);
    platform.recoverAfterCrash();
    Peer peer = new Peer(platform, pair.peer());
    try {
      peer.start(pair);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      peer.close();
      lock.close();
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      DataPathCpu.describe(peer.path.stats()).forEach(out::println);
      out.println(peer.path.stats());
      out.flush();
      peer.close();
    }, "fulmard-bench-peer-shutdown"));
    out.println("UP: " + peer.tun.name() + " to " + pair.peer() + ", "
        + TunnelParts.offloads(peer.tun, peer.udp));
    out.flush();
    Thread.currentThread().join(); // until SIGINT/SIGTERM; the hook restores the system
    return 0;
  }

  /** The pieces of one manually keyed peer, closed in reverse order. */
  private final class Peer {
    private final Platform platform;
    private final InetSocketAddress remote;
    private final SaTable sas = new SaTable();
    private TunDevice tun;
    private UdpTransport udp;
    private DataPath path;
    private NetworkConfigurator net;

    Peer(Platform platform, InetSocketAddress remote) {
      this.platform = platform;
      this.remote = remote;
    }

    void start(EspSaPair pair) throws IOException, GeneralSecurityException {
      tun = platform.tunDevices().create(
          new TunOptions(TunOptions.DEFAULT_NAME, TunnelParts.INITIAL_MTU, !plain));
      boolean v6 = remote.getAddress() instanceof java.net.Inet6Address;
      udp = platform.udpTransports().bind(
          new InetSocketAddress(v6 ? "::" : "0.0.0.0", port), !plain);
      sas.install(pair);
      EspSa outbound = sas.installed().stream()
          .filter(s -> s.direction() == EspSa.Direction.OUTBOUND).findFirst().orElseThrow();
      int pathMtu;
      try {
        pathMtu = TunnelParts.interfaceMtu(
            TunnelParts.sourceTowards(remote.getAddress()).getAddress());
      } catch (TunnelException e) {
        throw new IOException(e.getMessage(), e);
      }
      path = new DataPath(tun, udp, sas, IkePacketHandler.IGNORE,
          new DataPath.Config(pathMtu, Math.max(2048, pathMtu), 256));
      path.start();
      net = platform.networkConfigurator();
      net.apply(network(tun.name(), outbound,
          TunnelMtu.compute(pathMtu, v6, outbound.transform()), remote));
    }

    void close() {
      try {
        if (net != null) {
          net.restore();
        }
      } catch (IOException e) {
        System.err.println("fulmard bench-peer: " + e.getMessage());
      }
      try {
        if (udp != null) {
          udp.close();
        }
        if (tun != null) {
          tun.close();
        }
      } catch (IOException e) {
        System.err.println("fulmard bench-peer: " + e.getMessage());
      }
      if (path != null) {
        path.close();
      }
      sas.deleteAll();
    }
  }

  private EspSaPair pair() throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(keys)) {
      p.load(in);
    }
    ManualKeying k = ManualKeying.of(p);
    return (mirror != null ? k.mirrored(mirror) : k).toPair();
  }

  /** The TUN address is the first local selector's start; routes are the remote selectors. */
  static TunnelNetworkConfig network(String dev, EspSa out, int mtu, InetSocketAddress peer) {
    List<IpPrefix> routes = new ArrayList<>();
    for (TrafficSelector ts : out.remoteTs()) {
      routes.addAll(Prefixes.covering(ts.start(), ts.end()));
    }
    TunnelAddress local = TunnelAddress.host(out.localTs().get(0).start());
    return new TunnelNetworkConfig(dev, mtu, List.of(local), RoutingMode.SPLIT, routes,
        peer.getAddress(), DnsSettings.NONE);
  }
}
