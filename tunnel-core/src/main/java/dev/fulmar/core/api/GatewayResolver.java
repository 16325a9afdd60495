package dev.fulmar.core.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns the profile's gateway name into addresses (DNS, or a fixed table in tests). */
@FunctionalInterface
public interface GatewayResolver {
  /**
   * Resolves {@code host}; an IP literal resolves to itself.
   *
   * @return at least one address
   */
  List<InetAddress> resolve(String host) throws UnknownHostException;
}
