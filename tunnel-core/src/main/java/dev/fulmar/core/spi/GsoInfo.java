package dev.fulmar.core.spi;

/**
 * Segmentation metadata of one packet on a tunnel device with offloads (on Linux the decoded
 * {@code struct virtio_net_hdr} of {@code IFF_VNET_HDR}): whether the packet is a super-packet to
 * be cut into segments of {@link #segmentSize} payload bytes, and whether its transport checksum
 * still has to be completed.
 *
 * <p>A mutable holder, one per batch slot and reused, so that moving packets allocates nothing.
 */
public final class GsoInfo {

  /** The kind of super-packet ({@code VIRTIO_NET_HDR_GSO_*}). */
  public enum Type {
    /** A single packet. */
    NONE,
    /** TCP over IPv4. */
    TCPV4,
    /** TCP over IPv6. */
    TCPV6,
    /** UDP (IPv4 or IPv6), Linux 6.2+. */
    UDP_L4
  }

  /** The kind of packet. */
  public Type type = Type.NONE;
  /** Bytes of IP and transport headers in front of the payload. */
  public int headerLength;
  /** Payload bytes per segment (the MSS for TCP). */
  public int segmentSize;
  /** The checksum field holds only the pseudo-header sum; the rest is still to be added. */
  public boolean needsChecksum;
  /** Offset of the transport header from the start of the packet. */
  public int checksumStart;
  /** Offset of the checksum field from {@link #checksumStart}. */
  public int checksumOffset;

  /** Back to a plain packet with a complete checksum. */
  public void clear() {
    type = Type.NONE;
    headerLength = 0;
    segmentSize = 0;
    needsChecksum = false;
    checksumStart = 0;
    checksumOffset = 0;
  }
}
