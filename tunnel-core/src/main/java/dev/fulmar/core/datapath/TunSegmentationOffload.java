package dev.fulmar.core.datapath;

import java.io.IOException;

/**
 * Optional capability of a {@code TunDevice} opened with {@code IFF_VNET_HDR} and {@code
 * TUNSETOFFLOAD} (TSO4/TSO6, USO on kernels from 6.2): reads return TCP super-packets of up to
 * 64 KiB with their {@link GsoInfo}, which the outbound pipeline segments in userspace before
 * encryption ({@link TcpSegmenter}), so one read carries dozens of packets. An adapter
 * implements this next to {@code TunDevice}; the data path falls back to plain reads otherwise.
 * The plain {@code read}/{@code write} must keep working on such a device (the adapter adds or
 * strips an empty virtio-net header), since ICMP replies are written with them.
 */
public interface TunSegmentationOffload {
  /** Largest super-packet a read can return (typically 65535). */
  int maxSuperPacket();

  /**
   * Like {@code TunDevice.read}, with the virtio-net header of packet {@code i} decoded into
   * {@code gso[i]} instead of left in the buffer.
   */
  int readSuperPackets(byte[][] bufs, int[] sizes, GsoInfo[] gso, int offset) throws IOException;

  /**
   * Like {@code TunDevice.write}, for packets the inbound pipeline coalesced (GRO); {@code gso[i]}
   * describes packet {@code i} ({@link GsoInfo.Type#NONE} for a plain packet).
   */
  int writeSuperPackets(byte[][] bufs, int[] sizes, GsoInfo[] gso, int offset, int count)
      throws IOException;
}
