package dev.fulmar.core.spi;

import java.util.Set;

/**
 * Read-only capability of a {@link TunDevice} that negotiated kernel offloads: which ones are in
 * force, so that the helper can report them (in its log and diagnostics). Obtain it with {@code
 * tun instanceof TunOffload offload}.
 *
 * <p>The offloads work entirely behind the plain {@link TunDevice#read}/{@link TunDevice#write}:
 * reads cut the kernel's super-packets into MTU-sized packets with complete checksums, writes
 * coalesce consecutive TCP segments of a flow into one super-packet. Callers change nothing,
 * except that handing over whole batches lets more segments merge.
 */
public interface TunOffload {

  /** Kinds of offload the kernel accepted for the device. */
  enum Feature {
    /** Partial checksums ({@code TUN_F_CSUM}); required by all others. */
    CHECKSUM,
    /** TCP over IPv4 super-packets ({@code TUN_F_TSO4}). */
    TSO4,
    /** TCP over IPv6 super-packets ({@code TUN_F_TSO6}). */
    TSO6,
    /** UDP over IPv4 super-packets ({@code TUN_F_USO4}, Linux 6.2+). */
    USO4,
    /** UDP over IPv6 super-packets ({@code TUN_F_USO6}, Linux 6.2+). */
    USO6
  }

  /**
   * The offloads in force. Empty when the kernel refused them all: then only plain packets pass.
   */
  Set<Feature> offloads();
}
