package dev.fulmar.profiles.model;

import java.util.List;

/**
 * DNS while connected: {@code servers} overrides what the gateway assigns (empty: use the
 * gateway's); {@code splitDomains} sends only those domains to the tunnel's resolvers (RFC 8598;
 * empty: all names); {@code searchDomains} are added to the resolver's search list.
 */
public record Dns(List<IpAddress> servers, List<String> splitDomains, List<String> searchDomains) {

  public static final Dns FROM_GATEWAY = new Dns(List.of(), List.of(), List.of());

  public Dns {
    servers = List.copyOf(servers);
    splitDomains = List.copyOf(splitDomains);
    searchDomains = List.copyOf(searchDomains);
  }
}
