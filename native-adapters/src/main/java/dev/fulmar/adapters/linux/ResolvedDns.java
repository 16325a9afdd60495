package dev.fulmar.adapters.linux;

import dev.fulmar.core.spi.AddressText;
import dev.fulmar.core.spi.DnsSettings;
import dev.fulmar.core.spi.RoutingMode;
import dev.fulmar.core.spi.SystemChangeJournal;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * DNS through systemd-resolved's per-link settings, set with {@code resolvectl}: the tunnel's
 * servers on the tunnel interface, its search domains, its routing domains ({@code ~corp.example}
 * for split DNS, {@code ~.} for a full tunnel so that every query goes through the tunnel), and
 * the link's default-route flag (on for a full tunnel, and for a split tunnel without routing
 * domains). Nothing outside the tunnel link changes.
 *
 * <p>{@code resolvectl} rather than D-Bus: it is the documented front end of the same {@code
 * org.freedesktop.resolve1} calls ({@code SetLinkDNS}, {@code SetLinkDomains}, {@code
 * SetLinkDefaultRoute}, {@code RevertLink}), it needs no D-Bus library in the helper, and its
 * messages are readable as they are. resolved forgets per-link settings when the link disappears,
 * so a crash that takes the TUN device with it leaves nothing; the journal still records a {@code
 * resolvectl revert} for the case that the device outlives the helper.
 */
final class ResolvedDns implements LinuxDns {

  private final CommandRunner runner;

  ResolvedDns(CommandRunner runner) {
    this.runner = runner;
  }

  @Override
  public void apply(String dev, DnsSettings dns, RoutingMode mode, SystemChangeJournal journal)
      throws IOException {
    if (dns.isEmpty()) {
      return;
    }
    journal.record(LinuxUndoActions.revertResolvedLink(dev));
    List<String> servers = new ArrayList<>(List.of("resolvectl", "dns", dev));
    for (InetAddress s : dns.servers()) {
      servers.add(AddressText.of(s));
    }
    runner.check(servers.toArray(String[]::new));
    List<String> domains = new ArrayList<>(List.of("resolvectl", "domain", dev));
    domains.addAll(dns.searchDomains());
    for (String d : dns.routingDomains()) {
      domains.add("~" + d);
    }
    if (mode == RoutingMode.FULL) {
      domains.add("~.");
    }
    if (domains.size() > 3) {
      runner.check(domains.toArray(String[]::new));
    }
    // Without routing domains a split tunnel's servers would receive no query at all: then they
    // answer everything, as with any pushed DNS server in other clients.
    boolean defaultRoute = mode == RoutingMode.FULL || dns.routingDomains().isEmpty();
    runner.check("resolvectl", "default-route", dev, Boolean.toString(defaultRoute));
  }

  /** Drops every per-link setting of {@code dev}; a link that no longer exists is fine. */
  void revert(String dev) throws IOException {
    CommandRunner.Result r = runner.run("resolvectl", "revert", dev);
    if (r.exitCode() != 0 && !IpRoute2.gone(r.stderr())
        && !r.stderr().contains("Failed to resolve interface")) {
      throw new CommandRunner.CommandException(List.of("resolvectl", "revert", dev), r);
    }
  }

  @Override
  public String describe() {
    return "systemd-resolved (per-link DNS via resolvectl)";
  }
}
