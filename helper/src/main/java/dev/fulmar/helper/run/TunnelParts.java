package dev.fulmar.helper.run;

import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeSessionParams;
import dev.fulmar.core.api.SessionEnvironment;
import dev.fulmar.core.datapath.DataPath;
import dev.fulmar.core.datapath.IkePacketHandler;
import dev.fulmar.core.datapath.SaStats;
import dev.fulmar.core.esp.EspSa;
import dev.fulmar.core.esp.SaTable;
import dev.fulmar.core.spi.Platform;
import dev.fulmar.core.spi.SystemConfigException;
import dev.fulmar.core.spi.TunDevice;
import dev.fulmar.core.spi.TunOffload;
import dev.fulmar.core.spi.TunOptions;
import dev.fulmar.core.spi.UdpOffload;
import dev.fulmar.core.spi.UdpTransport;
import dev.fulmar.profiles.model.Gateway;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a tunnel owns below the IKE session, kept while sessions come and go: the gateway's
 * addresses (resolved once, before a kill switch blocks name resolution) and our source address
 * towards it, the TUN device, the shared UDP socket on port 4500, the SA table and the data path
 * threads, and the NAT keepalive timer (RFC 3948 §2.3; the profile's interval, 20 s by default,
 * so that a NAT keeps its mapping).
 */
final class TunnelParts {
  private static final Logger LOG = LoggerFactory.getLogger(TunnelParts.class);
  /** The TUN MTU until the negotiated one is set (the data path sizes buffers above it). */
  static final int INITIAL_MTU = 1400;

  /** Every address the gateways' names resolved to (the kill switch lets them all through). */
  final List<InetAddress> gateways;
  /** The profile's gateways in order, each with the address used for it. */
  final List<GatewayCandidate> candidates;
  final InetAddress gateway;
  final InetSocketAddress source;
  final int pathMtu;
  final TunDevice tun;
  final UdpTransport udp;
  final SaTable sas = new SaTable();
  final NatTSocket natT;
  final DataPath dataPath;
  private ScheduledExecutorService keepalives;
  private volatile InetSocketAddress keepalivePeer;

  private TunnelParts(List<GatewayCandidate> candidates, List<InetAddress> gateways,
      InetSocketAddress source, int pathMtu, TunDevice tun, UdpTransport udp) {
    this.candidates = List.copyOf(candidates);
    this.gateways = List.copyOf(gateways);
    this.gateway = candidates.stream().map(GatewayCandidate::address)
        .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
    this.source = source;
    this.pathMtu = pathMtu;
    this.tun = tun;
    this.udp = udp;
    this.natT = new NatTSocket(SessionEnvironment.system().sockets(), udp, source);
    this.dataPath = new DataPath(tun, natT.transport(), sas, IkePacketHandler.IGNORE,
        new DataPath.Config(pathMtu, Math.max(2048, pathMtu), 256));
    natT.attach(dataPath);
  }

  /**
   * Resolves the gateways (a name that does not resolve is noted and tried last in its turn),
   * creates the device and the socket, starts the data path.
   */
  static TunnelParts create(List<Gateway> profileGateways, Platform platform,
      TunnelOptions options) throws TunnelException {
    List<GatewayCandidate> candidates = new ArrayList<>();
    List<InetAddress> gateways = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Gateway g : profileGateways) {
      try {
        List<InetAddress> all = List.of(InetAddress.getAllByName(g.host()));
        candidates.add(GatewayCandidate.resolved(g.host(), g.port(), all.get(0)));
        gateways.addAll(all);
      } catch (UnknownHostException e) {
        candidates.add(GatewayCandidate.unresolvable(g.host(), g.port(), e.getMessage()));
        failures.add(g.host() + " (" + e.getMessage() + ")");
      }
    }
    if (gateways.isEmpty()) {
      throw TunnelException.system(FailureStep.RESOLVE_GATEWAY, "cannot resolve the gateway"
          + (failures.size() > 1 ? "s " : " ") + String.join(", ", failures), null);
    }
    InetAddress gateway = null;
    InetSocketAddress source = null;
    TunnelException noRoute = null;
    for (GatewayCandidate c : candidates) {
      if (c.address() != null && source == null) {
        try {
          source = sourceTowards(c.address());
          gateway = c.address();
        } catch (TunnelException e) {
          noRoute = noRoute == null ? e : noRoute;
        }
      }
    }
    if (source == null) {
      throw noRoute;
    }
    int pathMtu = options.pathMtu() != 0 ? options.pathMtu() : interfaceMtu(source.getAddress());
    TunDevice tun;
    try {
      tun = platform.tunDevices().create(
          new TunOptions(TunOptions.DEFAULT_NAME, INITIAL_MTU, options.offload()));
    } catch (SystemConfigException e) {
      throw TunnelException.of(e);
    }
    UdpTransport udp;
    try {
      InetAddress any = InetAddress.getByName(gateway instanceof Inet6Address ? "::" : "0.0.0.0");
      udp = platform.udpTransports().bind(
          new InetSocketAddress(any, IkeSessionParams.NAT_T_PORT), options.offload());
    } catch (IOException e) {
      closeQuietly(tun);
      throw TunnelException.system(FailureStep.OPEN_SOCKET, "cannot bind UDP port 4500 ("
          + e.getMessage() + "): is another IPsec client running?", e);
    }
    TunnelParts parts = new TunnelParts(candidates, gateways, source, pathMtu, tun, udp);
    parts.dataPath.start();
    return parts;
  }

  /** The address the kernel would send from to reach the gateway (nothing is sent). */
  static InetSocketAddress sourceTowards(InetAddress gateway) throws TunnelException {
    try (DatagramChannel probe = DatagramChannel.open()) {
      probe.connect(new InetSocketAddress(gateway, IkeSessionParams.NAT_T_PORT));
      InetAddress local = ((InetSocketAddress) probe.getLocalAddress()).getAddress();
      return new InetSocketAddress(local, IkeSessionParams.NAT_T_PORT);
    } catch (IOException e) {
      throw TunnelException.system(FailureStep.OPEN_SOCKET, "no route to the gateway "
          + gateway.getHostAddress() + " (" + e.getMessage() + ")", e);
    }
  }

  /** The MTU of the interface that holds {@code local}, or 1500 when it cannot be told. */
  static int interfaceMtu(InetAddress local) {
    try {
      NetworkInterface nif = NetworkInterface.getByInetAddress(local);
      return nif == null || nif.getMTU() < 576 ? 1500 : nif.getMTU();
    } catch (SocketException e) {
      return 1500;
    }
  }

  /**
   * Sends a NAT keepalive to {@code peer} every {@code interval} (zero: never); called again, only
   * the peer changes (a new gateway after a redirect).
   */
  synchronized void startKeepalives(InetSocketAddress peer, java.time.Duration interval) {
    keepalivePeer = peer;
    long ms = interval.toMillis();
    if (ms <= 0 || keepalives != null) {
      return;
    }
    keepalives = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "fulmar-nat-keepalive");
      t.setDaemon(true);
      return t;
    });
    keepalives.scheduleAtFixedRate(() -> {
      try {
        dataPath.sendNatKeepalive(keepalivePeer);
      } catch (IOException e) {
        LOG.debug("NAT keepalive to {} failed: {}", keepalivePeer, e.toString());
      }
    }, ms, ms, TimeUnit.MILLISECONDS);
  }

  synchronized void stopKeepalives() {
    if (keepalives != null) {
      keepalives.shutdownNow();
    }
  }

  /** Packets that came in authenticated on any inbound SA so far: signs that the gateway lives. */
  long inboundPackets() {
    long n = 0;
    for (SaStats s : dataPath.stats().sas()) {
      if (s.direction() == EspSa.Direction.INBOUND) {
        n += s.packets();
      }
    }
    return n;
  }

  /** Which offloads are in force, for the state line. */
  String offloads() {
    return offloads(tun, udp);
  }

  static String offloads(TunDevice tun, UdpTransport udp) {
    String t = tun instanceof TunOffload o ? "TUN offload " + o.offloads() : "TUN plain";
    String u = udp instanceof UdpOffload o ? "UDP offload " + o.offloads() : "UDP plain";
    return t + ", " + u;
  }

  /** Closes the socket and the device (ending the data path loops), then wipes the keys. */
  void close() {
    stopKeepalives();
    try {
      udp.close();
    } catch (IOException e) {
      LOG.debug("closing the UDP socket: {}", e.toString());
    }
    closeQuietly(tun);
    dataPath.close();
  }

  private static void closeQuietly(TunDevice tun) {
    try {
      tun.close();
    } catch (IOException e) {
      LOG.warn("closing {}: {}", tun.name(), e.toString());
    }
  }
}
