package dev.fulmar.core.spi;

import java.util.Objects;

/**
 * How to create a tunnel device.
 *
 * @param name the interface name, or a template containing {@code %d} (e.g. {@code fulmar%d}) that
 *     the adapter completes with the smallest free number; an OS with fixed names ignores it
 * @param mtu the initial MTU
 * @param offload ask for kernel segmentation offloads ({@link TunOffload}); the device works
 *     without them when the kernel refuses
 */
public record TunOptions(String name, int mtu, boolean offload) {

  /** The default name template. */
  public static final String DEFAULT_NAME = "fulmar%d";

  /** Checks the fields. */
  public TunOptions {
    Objects.requireNonNull(name, "name");
    String probe = name.replace("%d", "0");
    if (!probe.matches("[A-Za-z0-9_.-]{1,15}") || name.indexOf('%') != name.lastIndexOf('%')) {
      throw new IllegalArgumentException("invalid interface name or template '" + name + "'");
    }
    if (mtu < TunnelNetworkConfig.MIN_MTU || mtu > 65535) {
      throw new IllegalArgumentException("MTU " + mtu + " out of range");
    }
  }
}
