package dev.fulmar.core.spi;

import java.io.IOException;
import java.util.Set;

/**
 * Capability of a {@link TunDevice} whose kernel side hands over and accepts GSO super-packets
 * (Linux {@code IFF_VNET_HDR} + {@code TUNSETOFFLOAD}): one read can return a 64 KB TCP burst and
 * one write can deliver many segments, which cuts the per-packet cost of the TUN side by about 4×
 * (see the performance notes).
 *
 * <p>Plain {@link TunDevice#read}/{@link TunDevice#write} keep working on such a device: the
 * adapter then cuts super-packets into MTU-sized packets with complete checksums on read, and
 * coalesces consecutive TCP segments of one flow on write. A data path that segments by itself
 * (e.g. to encrypt segments straight into outer buffers) uses the raw methods here instead; there
 * each packet starts with its {@link VirtioNetHeader}.
 *
 * <p>Obtain it with {@code device instanceof TunOffload offload}.
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

  /** The offloads in force; never empty for a device that implements this interface. */
  Set<Feature> offloads();

  /** The largest super-packet, virtio header included, that {@link #readRaw} can return. */
  int maxRawPacketSize();

  /**
   * Reads at least one and at most {@code bufs.length} packets, blocking until one is available;
   * packet {@code i} is {@code bufs[i][offset .. offset + sizes[i])} and starts with its {@link
   * VirtioNetHeader}. Each buffer must hold {@link #maxRawPacketSize()} bytes after {@code offset}.
   *
   * @throws java.nio.channels.ClosedChannelException once the device is closed
   */
  int readRaw(byte[][] bufs, int[] sizes, int offset) throws IOException;

  /**
   * Writes {@code count} packets laid out as {@link #readRaw} returns them.
   *
   * @return the number of packets written
   */
  int writeRaw(byte[][] bufs, int[] sizes, int offset, int count) throws IOException;
}
