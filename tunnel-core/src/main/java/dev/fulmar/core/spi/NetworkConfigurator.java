package dev.fulmar.core.spi;

import java.net.InetAddress;

/**
 * Puts the OS's addressing, routing and DNS into the state a {@link TunnelNetworkConfig} describes
 * and back again.
 *
 * <p>Every change is recorded in the {@link SystemChangeJournal} the implementation was built with
 * before it is made. If {@link #apply} fails halfway, what it already changed is undone before the
 * exception is thrown, so the system is left as it was.
 *
 * <p>Full tunnel: the implementation keeps the gateway reachable over its original next hop (a
 * host route), then sends all IPv4 and IPv6 traffic through the tunnel and all DNS queries to the
 * tunnel's servers. Split tunnel: only the given routes and the routing domains use the tunnel.
 */
public interface NetworkConfigurator {

  /**
   * Configures addresses, MTU, routes and DNS for the tunnel interface named in {@code config}.
   * Calling it again first restores, then applies the new configuration.
   *
   * @throws SystemConfigException naming the failing step; the system is restored when thrown
   */
  void apply(TunnelNetworkConfig config) throws SystemConfigException;

  /**
   * Points the host route to the gateway at the host's current next hop, after its network
   * changed (another Wi-Fi, LTE; the netlink monitor reports it) or the gateway moved (MOBIKE,
   * redirect): the old route is replaced in one step, so IKE and ESP never fall into the tunnel.
   * Does nothing when no tunnel route covers {@code gateway} (split tunnel) or nothing is applied.
   *
   * @throws SystemConfigException ({@link SystemConfigException.Step#SET_ROUTES}) when the host has
   *     no route to {@code gateway} outside the tunnel; the previous route stays
   */
  void updateGateway(InetAddress gateway) throws SystemConfigException;

  /**
   * Undoes everything {@link #apply} changed, newest change first. Idempotent.
   *
   * @throws SystemConfigException ({@link SystemConfigException.Step#RESTORE}) listing the changes
   *     that could not be undone; they stay in the journal for the next attempt
   */
  void restore() throws SystemConfigException;
}
