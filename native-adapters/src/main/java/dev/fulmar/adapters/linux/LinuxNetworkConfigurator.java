package dev.fulmar.adapters.linux;

import dev.fulmar.core.spi.IpPrefix;
import dev.fulmar.core.spi.NetworkConfigurator;
import dev.fulmar.core.spi.RoutingMode;
import dev.fulmar.core.spi.SystemChangeJournal;
import dev.fulmar.core.spi.SystemChangeJournal.RollbackReport;
import dev.fulmar.core.spi.SystemConfigException;
import dev.fulmar.core.spi.SystemConfigException.Step;
import dev.fulmar.core.spi.TunnelAddress;
import dev.fulmar.core.spi.TunnelNetworkConfig;
import dev.fulmar.core.spi.UndoStep;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Addresses, MTU, routes and DNS of a Linux tunnel interface, set with iproute2 and journaled.
 *
 * <p>Order of changes: link MTU and up, addresses, the host route to the gateway over its current
 * next hop (looked up before any tunnel route exists), the tunnel routes, DNS. Restoring undoes
 * them newest first, so the gateway stays reachable until the last tunnel route is gone.
 *
 * <p>Full tunnel uses two half routes per family ({@code 0.0.0.0/1} + {@code 128.0.0.0/1},
 * {@code ::/1} + {@code 8000::/1}) rather than a second default route: being more specific they
 * win over any default route whatever its metric, the host's own default routes stay untouched
 * (nothing to restore, and a DHCP renewal that rewrites them does not take the traffic out of the
 * tunnel), and undoing them is deleting exactly what was added.
 */
public final class LinuxNetworkConfigurator implements NetworkConfigurator {

  static final List<IpPrefix> FULL_IPV4 =
      List.of(IpPrefix.parse("0.0.0.0/1"), IpPrefix.parse("128.0.0.0/1"));
  static final List<IpPrefix> FULL_IPV6 =
      List.of(IpPrefix.parse("::/1"), IpPrefix.parse("8000::/1"));

  private final IpRoute2 ip;
  private final SystemChangeJournal journal;
  private final LinuxDns dns;
  private boolean applied;
  private TunnelNetworkConfig current;
  /** The host route to the gateway that we added (and must keep current), or null. */
  private List<String> gatewayRoute;

  /** Runs iproute2 through {@code runner}, journals into {@code journal}, sets DNS via {@code dns}. */
  LinuxNetworkConfigurator(CommandRunner runner, SystemChangeJournal journal, LinuxDns dns) {
    this.ip = new IpRoute2(runner);
    this.journal = journal;
    this.dns = dns;
  }

  @Override
  public synchronized void apply(TunnelNetworkConfig config) throws SystemConfigException {
    if (applied) {
      restore();
    }
    applied = true;
    current = config;
    Step step = Step.SET_ADDRESSES;
    try {
      String dev = config.interfaceName();
      ip.setLink(dev, config.mtu());
      for (TunnelAddress a : config.addresses()) {
        change(LinuxUndoActions.deleteAddress(dev, a.toString()),
            () -> ip.addAddress(dev, a.toString(), !a.isIpv4()));
      }
      step = Step.SET_ROUTES;
      List<IpPrefix> routes = tunnelRoutes(config);
      if (routes.stream().anyMatch(r -> r.contains(config.gateway()))) {
        addGatewayRoute(config.gateway(), dev);
      }
      for (IpPrefix r : routes) {
        addTunnelRoute(r, dev, config);
      }
      step = Step.SET_DNS;
      dns.apply(dev, config.dns(), config.mode(), journal);
    } catch (IOException | RuntimeException e) {
      String reason = e.getMessage();
      RollbackReport undo = journal.rollback();
      applied = !undo.complete();
      current = null;
      gatewayRoute = null;
      throw new SystemConfigException(step, reason + restoreNote(undo), e);
    }
  }

  @Override
  public synchronized void updateGateway(InetAddress gateway) throws SystemConfigException {
    if (current == null) {
      return;
    }
    String dev = current.interfaceName();
    boolean covered = tunnelRoutes(current).stream().anyMatch(r -> r.contains(gateway));
    try {
      List<String> next = null;
      if (covered) {
        next = new ArrayList<>(List.of(IpPrefix.host(gateway).toString()));
        next.addAll(ip.routeAround(gateway, dev).specTail());
      }
      if (java.util.Objects.equals(next, gatewayRoute)) {
        return;
      }
      if (next != null) {
        journal.record(LinuxUndoActions.deleteRoute(next));
        ip.replaceRoute(next); // same destination: the old route is replaced in one step
      }
      if (gatewayRoute != null && (next == null || !next.get(0).equals(gatewayRoute.get(0)))) {
        ip.deleteRoute(gatewayRoute); // a new gateway: the old one's route goes
      }
      if (gatewayRoute != null) {
        journal.discard(LinuxUndoActions.deleteRoute(gatewayRoute));
      }
      gatewayRoute = next;
    } catch (IOException e) {
      throw new SystemConfigException(Step.SET_ROUTES, "cannot route the gateway "
          + gateway.getHostAddress() + " outside the tunnel: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void restore() throws SystemConfigException {
    RollbackReport r = journal.rollback();
    if (!r.complete()) {
      throw new SystemConfigException(Step.RESTORE, "could not undo: " + describe(r));
    }
    applied = false;
    current = null;
    gatewayRoute = null;
  }

  static List<IpPrefix> tunnelRoutes(TunnelNetworkConfig config) {
    if (config.mode() == RoutingMode.FULL) {
      List<IpPrefix> all = new ArrayList<>(FULL_IPV4);
      all.addAll(FULL_IPV6);
      return all;
    }
    return config.routes();
  }

  /** Keeps the gateway on its original path: {@code gw/32 [via X] dev D}. */
  private void addGatewayRoute(InetAddress gateway, String tunnelDev) throws IOException {
    IpRoute2.Hop hop = ip.routeGet(gateway);
    if (hop.dev().equals(tunnelDev)) {
      throw new IOException("the gateway " + gateway.getHostAddress()
          + " is already routed through " + tunnelDev);
    }
    List<String> spec = new ArrayList<>(List.of(IpPrefix.host(gateway).toString()));
    spec.addAll(hop.specTail());
    UndoStep undo = LinuxUndoActions.deleteRoute(spec);
    journal.record(undo);
    try {
      ip.addRoute(spec);
      gatewayRoute = spec;
    } catch (CommandRunner.CommandException e) {
      journal.discard(undo);
      if (!e.getMessage().contains("File exists")) {
        throw e;
      }
      // the host already has a route for exactly the gateway: it is not ours to add or remove
    }
  }

  private void addTunnelRoute(IpPrefix r, String dev, TunnelNetworkConfig config)
      throws IOException {
    List<String> spec = List.of(r.toString(), "dev", dev);
    try {
      change(LinuxUndoActions.deleteRoute(spec), () -> ip.addRoute(spec));
    } catch (CommandRunner.CommandException e) {
      boolean optionalV6 = config.mode() == RoutingMode.FULL && !r.isIpv4() && !config.hasIpv6()
          && e.getMessage().contains("Permission denied"); // IPv6 disabled: nothing can leak
      if (optionalV6) {
        return;
      }
      if (e.getMessage().contains("File exists")) {
        throw new IOException("a route for " + r + " already exists: the local network overlaps"
            + " the tunnel's", e);
      }
      throw e;
    }
  }

  private interface Change {
    void make() throws IOException;
  }

  /** Journals {@code undo}, makes the change, and drops the entry if the change failed. */
  private void change(UndoStep undo, Change change) throws IOException {
    journal.record(undo);
    try {
      change.make();
    } catch (IOException | RuntimeException e) {
      journal.discard(undo);
      throw e;
    }
  }

  private static String restoreNote(RollbackReport r) {
    return r.complete() ? " (changes undone)" : " (and could not undo: " + describe(r) + ")";
  }

  static String describe(RollbackReport r) {
    return r.failed().stream().map(f -> f.step() + ": " + f.reason())
        .collect(Collectors.joining("; "));
  }
}
