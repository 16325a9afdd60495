package dev.fulmar.profiles.model;

/**
 * IKE transport options: MOBIKE (RFC 4555) to survive address changes, IKE fragmentation (RFC
 * 7383), forced UDP encapsulation of ESP even without NAT, and the tunnel MTU (null: derived from
 * the path).
 */
public record Transport(
    boolean mobike, boolean fragmentation, boolean forceEncapsulation, Integer mtu) {
  public static final Transport DEFAULTS = new Transport(true, true, false, null);
}
