package dev.fulmar.core.spi;

import java.io.IOException;

/**
 * Capability of a {@link TunDevice} whose kernel side hands over and accepts GSO super-packets
 * (Linux {@code IFF_VNET_HDR} + {@code TUNSETOFFLOAD}): one read can return a 64 KB TCP burst,
 * which the data path segments itself (encrypting each segment into its own outer buffer), and
 * one write can deliver a burst the data path coalesced.
 *
 * <p>The plain {@link TunDevice#read}/{@link TunDevice#write} keep working on such a device and
 * move only MTU-sized packets with complete checksums. Obtain it with {@code tun instanceof
 * TunSegmentationOffload offload}.
 */
public interface TunSegmentationOffload {

  /** The largest packet {@link #readSuperPackets} can return (typically 65535). */
  int maxSuperPacket();

  /**
   * Like {@link TunDevice#read}, for packets that may be super-packets: packet {@code i} is
   * {@code bufs[i][offset .. offset + sizes[i])}, its metadata decoded into {@code gso[i]}.
   * Partial checksums are left for the caller ({@link GsoInfo#needsChecksum}).
   *
   * @throws java.nio.channels.ClosedChannelException once the device is closed
   */
  int readSuperPackets(byte[][] bufs, int[] sizes, GsoInfo[] gso, int offset) throws IOException;

  /**
   * Like {@link TunDevice#write}, for packets described by {@code gso[i]} ({@link
   * GsoInfo.Type#NONE} for a plain packet).
   *
   * @return the number of packets the kernel accepted
   */
  int writeSuperPackets(byte[][] bufs, int[] sizes, GsoInfo[] gso, int offset, int count)
      throws IOException;
}
