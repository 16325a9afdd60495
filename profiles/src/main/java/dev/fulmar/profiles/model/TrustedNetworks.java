package dev.fulmar.profiles.model;

import java.util.List;

/**
 * Networks on which auto-connect stays off: Wi-Fi SSIDs and DNS suffixes of the local network (the
 * office LAN).
 */
public record TrustedNetworks(List<String> ssids, List<String> dnsSuffixes) {
  public static final TrustedNetworks NONE = new TrustedNetworks(List.of(), List.of());

  public TrustedNetworks {
    ssids = List.copyOf(ssids);
    dnsSuffixes = List.copyOf(dnsSuffixes);
  }
}
