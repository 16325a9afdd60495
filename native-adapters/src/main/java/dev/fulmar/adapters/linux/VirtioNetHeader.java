package dev.fulmar.adapters.linux;

/**
 * The 10-byte {@code struct virtio_net_hdr} that precedes every packet on a tunnel device with
 * segmentation offload (Linux {@code IFF_VNET_HDR}); it says whether the packet is a GSO
 * super-packet to be cut into {@code gso_size} segments and where a partial checksum is to be
 * completed. Fields are little-endian.
 *
 * <pre>
 *  0        1        2                 4                 6                 8                10
 * +--------+--------+--------+--------+--------+--------+--------+--------+--------+--------+
 * | flags  |gso_type|     hdr_len     |    gso_size     |   csum_start    |   csum_offset   |
 * +--------+--------+--------+--------+--------+--------+--------+--------+--------+--------+
 * </pre>
 *
 * <p>Static accessors over a caller's buffer, so that moving packets allocates nothing. The
 * header never leaves this package: {@link GsoSplitter} reads it, {@link TcpCoalescer} writes it.
 */
final class VirtioNetHeader {

  /** Header length in bytes. */
  static final int LENGTH = 10;

  /** {@code flags}: the checksum from {@code csum_start} to the end must be completed. */
  static final int FLAG_NEEDS_CSUM = 1;
  /** {@code flags}: the checksum was already verified. */
  static final int FLAG_DATA_VALID = 2;

  /** {@code gso_type}: not a super-packet. */
  static final int GSO_NONE = 0;
  /** {@code gso_type}: TCP over IPv4 super-packet. */
  static final int GSO_TCPV4 = 1;
  /** {@code gso_type}: UDP fragmentation offload (obsolete, never produced with USO). */
  static final int GSO_UDP = 3;
  /** {@code gso_type}: TCP over IPv6 super-packet. */
  static final int GSO_TCPV6 = 4;
  /** {@code gso_type}: UDP segmentation offload (IPv4 or IPv6). */
  static final int GSO_UDP_L4 = 5;
  /** {@code gso_type} bit: the TCP ECN/CWR flag must be kept on the first segment only. */
  static final int GSO_ECN = 0x80;

  private VirtioNetHeader() {}

  /** {@code flags} of the header at {@code b[off]}. */
  static int flags(byte[] b, int off) {
    return b[off] & 0xff;
  }

  /** {@code gso_type} of the header at {@code b[off]}. */
  static int gsoType(byte[] b, int off) {
    return b[off + 1] & 0xff;
  }

  /** {@code hdr_len}: length of the headers to copy into each segment (a hint only). */
  static int headerLength(byte[] b, int off) {
    return le16(b, off + 2);
  }

  /** {@code gso_size}: payload bytes per segment. */
  static int gsoSize(byte[] b, int off) {
    return le16(b, off + 4);
  }

  /** {@code csum_start}: where the checksummed range starts, from the start of the packet. */
  static int checksumStart(byte[] b, int off) {
    return le16(b, off + 6);
  }

  /** {@code csum_offset}: where in the checksummed range the checksum field is. */
  static int checksumOffset(byte[] b, int off) {
    return le16(b, off + 8);
  }

  /** Writes a whole header at {@code b[off]}. */
  static void write(
      byte[] b, int off, int flags, int gsoType, int hdrLen, int gsoSize, int csumStart,
      int csumOffset) {
    b[off] = (byte) flags;
    b[off + 1] = (byte) gsoType;
    putLe16(b, off + 2, hdrLen);
    putLe16(b, off + 4, gsoSize);
    putLe16(b, off + 6, csumStart);
    putLe16(b, off + 8, csumOffset);
  }

  /** Writes the header of a plain packet with a complete checksum (all zero). */
  static void writeNone(byte[] b, int off) {
    write(b, off, 0, GSO_NONE, 0, 0, 0, 0);
  }

  private static int le16(byte[] b, int off) {
    return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8;
  }

  private static void putLe16(byte[] b, int off, int v) {
    b[off] = (byte) v;
    b[off + 1] = (byte) (v >>> 8);
  }
}
