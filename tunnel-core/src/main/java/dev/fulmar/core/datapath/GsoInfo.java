package dev.fulmar.core.datapath;

/**
 * Segmentation metadata of one packet, as Linux's {@code struct virtio_net_hdr} carries it on a
 * TUN opened with {@code IFF_VNET_HDR}: whether the packet is a super-packet to be cut into
 * segments of {@link #segmentSize} payload bytes, and whether its transport checksum is still to
 * be completed. Mutable and reused per batch slot, so reading allocates nothing.
 */
public final class GsoInfo {
  /** {@code VIRTIO_NET_HDR_GSO_*}. */
  public enum Type {
    NONE,
    TCPV4,
    TCPV6,
    UDP_L4
  }

  public Type type = Type.NONE;
  /** Bytes of IP + transport headers in front of the payload. */
  public int headerLength;
  /** Payload bytes per segment (the MSS for TCP). */
  public int segmentSize;
  /** {@code VIRTIO_NET_HDR_F_NEEDS_CSUM}: the checksum field holds only the pseudo-header sum. */
  public boolean needsChecksum;
  /** Offset of the transport header from the packet start (meaningful with needsChecksum). */
  public int checksumStart;
  /** Offset of the checksum field from {@link #checksumStart}. */
  public int checksumOffset;

  public void clear() {
    type = Type.NONE;
    headerLength = 0;
    segmentSize = 0;
    needsChecksum = false;
    checksumStart = 0;
    checksumOffset = 0;
  }
}
