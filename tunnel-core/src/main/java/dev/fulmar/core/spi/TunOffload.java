package dev.fulmar.core.spi;

import java.util.Set;

/**
 * Capability of a {@link TunDevice} that negotiated kernel offloads: which ones are in force, for
 * diagnostics and for the data path to decide how to batch. A device with TSO also implements
 * {@link TunSegmentationOffload}.
 *
 * <p>Even through the plain {@link TunDevice#read}/{@link TunDevice#write} such a device saves
 * system calls: reads cut super-packets into MTU-sized packets with complete checksums, writes
 * coalesce consecutive TCP segments of a flow into one super-packet.
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
