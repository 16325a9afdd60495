package dev.fulmar.helper.run;

import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.SessionInfo;
import dev.fulmar.core.api.SessionLoop;
import dev.fulmar.core.datapath.TunnelMtu;
import dev.fulmar.core.spi.AddressText;
import dev.fulmar.core.spi.KillSwitch;
import dev.fulmar.core.spi.KillSwitchPolicy;
import dev.fulmar.core.spi.NetworkConfigurator;
import dev.fulmar.core.spi.NetworkMonitor;
import dev.fulmar.core.spi.Platform;
import dev.fulmar.core.spi.SystemConfigException;
import dev.fulmar.core.spi.TunnelAddress;
import dev.fulmar.core.spi.TunnelNetworkConfig;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.model.Routing;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one tunnel changes in the operating system and what it watches there: the kill switch
 * (engaged before the first packet, widened when a redirect names a new gateway, kept through
 * reconnects), the addresses, routes and DNS (applied when the first session is up, kept while
 * the next one is negotiated, re-applied only when a new session brings other settings), the
 * host route to the gateway (moved when the path changes), and the watchers of the host's
 * network (netlink changes, suspend and resume) that tell the {@link Supervisor}.
 */
final class TunnelSystem {
  private static final Logger LOG = LoggerFactory.getLogger(TunnelSystem.class);

  private final Profile profile;
  private final Platform platform;
  private final TunnelParts parts;
  private final KillSwitchRule rule;
  private final Tunnel.Listener listener;
  private KillSwitch killSwitch;
  private KillSwitchPolicy killSwitchPolicy;
  private volatile NetworkConfigurator configurator;
  private volatile TunnelNetworkConfig network;
  private NetworkMonitor monitor;
  private PathWatch pathWatch;
  private SleepDetector sleep;

  TunnelSystem(Profile profile, Platform platform, TunnelParts parts, KillSwitchRule rule,
      Tunnel.Listener listener) {
    this.profile = profile;
    this.platform = platform;
    this.parts = parts;
    this.rule = rule;
    this.listener = listener;
  }

  /** Blocks traffic outside the tunnel if the profile and the rule want it. */
  synchronized void engageKillSwitch() throws TunnelException {
    Optional<KillSwitchPolicy> p = rule.policy(profile, parts.tun.name(), parts.gateways);
    if (p.isEmpty()) {
      if (profile.killSwitch().enabled() && profile.routing().mode() != Routing.Mode.FULL) {
        LOG.info("kill switch not engaged: it guards full-tunnel profiles only");
      }
      return;
    }
    try {
      KillSwitch k = platform.killSwitch();
      k.engage(p.get());
      killSwitch = k;
      killSwitchPolicy = p.get();
    } catch (SystemConfigException e) {
      throw TunnelException.of(e);
    } catch (IOException e) {
      throw TunnelException.system(FailureStep.KILL_SWITCH, e.getMessage(), e);
    }
    listener.onState(TunnelState.CONNECTING, "kill switch on: only IKE and ESP to "
        + p.get().gateways().stream().map(AddressText::of).toList()
        + (p.get().allowLan() ? " and the local networks" : "") + " pass outside "
        + p.get().tunnelInterface());
  }

  /** Lets IKE and ESP reach {@code gateway} too (a redirect's target), without a gap. */
  synchronized void allowGateway(InetAddress gateway) throws TunnelException {
    if (killSwitch == null || killSwitchPolicy.gateways().contains(gateway)) {
      return;
    }
    List<InetAddress> gateways = new ArrayList<>(killSwitchPolicy.gateways());
    gateways.add(gateway);
    KillSwitchPolicy wider = new KillSwitchPolicy(killSwitchPolicy.tunnelInterface(), gateways,
        killSwitchPolicy.gatewayPorts(), killSwitchPolicy.allowLan());
    try {
      killSwitch.engage(wider);
      killSwitchPolicy = wider;
    } catch (SystemConfigException e) {
      throw TunnelException.of(e);
    }
  }

  synchronized boolean killSwitchEngaged() {
    return killSwitch != null && killSwitch.engaged();
  }

  /** Removes the kill switch; a failure stays in the journal for the next start. */
  synchronized void releaseKillSwitch() {
    if (killSwitch == null) {
      return;
    }
    try {
      killSwitch.release();
    } catch (SystemConfigException e) {
      LOG.error("could not remove the kill switch: {} (the next fulmard start retries)",
          e.getMessage());
    }
    killSwitch = null;
  }

  /**
   * Configures the system for a session that is up: the first time everything, later only what
   * differs (a reconnect usually brings the same virtual address and DNS: nothing changes; else
   * the old settings are replaced, behind the kill switch if there is one). The host route then
   * follows {@code gateway}.
   */
  void configure(SessionInfo info, InetAddress gateway) throws TunnelException {
    long child = info.child().inboundSpi();
    int espMtu = TunnelMtu.compute(parts.pathMtu, gateway instanceof Inet6Address,
        parts.sas.outboundOf(child).transform());
    if (network == null) {
      listener.onState(TunnelState.CONFIGURING, "ESP " + info.child().algorithms() + ", IKE "
          + info.ikeAlgorithms() + ", virtual IP " + addresses(info));
    }
    TunnelNetworkConfig next;
    try {
      next = NetworkPlan.of(profile, info, parts.tun.name(), espMtu);
    } catch (IllegalArgumentException e) {
      throw TunnelException.system(FailureStep.SET_ROUTES, e.getMessage(), e);
    }
    try {
      if (configurator == null) {
        configurator = platform.networkConfigurator();
      }
      if (next.equals(network)) {
        configurator.updateGateway(gateway);
      } else {
        if (network != null) {
          LOG.info("the new session brings other settings: {} (was {})", next, network);
        }
        configurator.apply(next);
        network = next;
      }
    } catch (SystemConfigException e) {
      throw TunnelException.of(e);
    } catch (IOException e) {
      throw TunnelException.system(FailureStep.SET_ROUTES, e.getMessage(), e);
    }
  }

  private static String addresses(SessionInfo info) {
    return info.virtualAddresses().stream().map(AddressText::of).toList().toString();
  }

  /** The configuration in force, or null before the first session was up. */
  TunnelNetworkConfig network() {
    return network;
  }

  /** Undoes addresses, routes and DNS; a failure stays in the journal for the next start. */
  void restoreNetwork() {
    NetworkConfigurator c = configurator;
    if (c == null) {
      return;
    }
    try {
      c.restore();
    } catch (SystemConfigException e) {
      LOG.error("could not restore everything: {} (the next fulmard start retries)",
          e.getMessage());
    }
  }

  /**
   * Keeps {@code gateway} reachable outside the tunnel (moves the host route to the current next
   * hop) and returns the local address the kernel sends from towards it.
   *
   * @throws TunnelException when the only way to the gateway is through the tunnel itself
   */
  InetSocketAddress routeTo(InetAddress gateway) throws TunnelException {
    NetworkConfigurator c = configurator;
    TunnelNetworkConfig n = network;
    if (c != null && n != null) {
      try {
        c.updateGateway(gateway);
      } catch (SystemConfigException e) {
        throw TunnelException.system(FailureStep.OPEN_SOCKET, e.getMessage(), e);
      }
    }
    InetSocketAddress source = TunnelParts.sourceTowards(gateway);
    if (n != null && n.addresses().stream().map(TunnelAddress::address)
        .anyMatch(source.getAddress()::equals)) {
      throw TunnelException.system(FailureStep.OPEN_SOCKET, "no route to the gateway "
          + AddressText.of(gateway) + " outside the tunnel", null);
    }
    return source;
  }

  /** Starts telling {@code supervisor} about network changes and resumes from suspend. */
  void startWatching(SessionLoop loop, Supervisor supervisor, Clock wall) {
    PathCheck check = new PathCheck(this::routeTo, new PathCheck.Source() {
      @Override
      public InetSocketAddress get() {
        return parts.natT.source();
      }

      @Override
      public void set(InetSocketAddress source) {
        parts.natT.setSource(source);
      }
    }, supervisor::pathChanged);
    pathWatch = new PathWatch(loop, parts.tun.name(), PathWatch.SETTLE,
        () -> check.run(supervisor.target()));
    try {
      NetworkMonitor m = platform.networkMonitor();
      m.start(pathWatch);
      monitor = m;
    } catch (IOException | RuntimeException e) {
      LOG.warn("not watching network changes ({}): a changed network is only noticed when the"
          + " gateway stops answering", e.toString());
    }
    sleep = new SleepDetector(loop, wall, SleepDetector.PERIOD, SleepDetector.THRESHOLD,
        supervisor::resumed);
    sleep.start();
  }

  /** Stops the watchers; no callback reaches the supervisor afterwards. */
  void stopWatching() {
    NetworkMonitor m = monitor;
    if (m != null) {
      try {
        m.close();
      } catch (IOException e) {
        LOG.debug("closing the network monitor: {}", e.toString());
      }
    }
    if (pathWatch != null) {
      pathWatch.close();
    }
    if (sleep != null) {
      sleep.stop();
    }

  }
}
