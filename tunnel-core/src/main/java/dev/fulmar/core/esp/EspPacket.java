package dev.fulmar.core.esp;

/**
 * The result of one seal or open, reused by the calling thread so that nothing is allocated per
 * packet: on success the packet is {@code buf[offset, offset + length)}; on failure {@link #drop}
 * says why.
 */
public final class EspPacket {
  int offset;
  int length;
  int nextHeader;
  long sequenceNumber;
  DropReason drop;
  EspSa sa;

  /** Start of the sealed ESP packet, or of the opened payload. */
  public int offset() {
    return offset;
  }

  /** Length of the sealed ESP packet, or of the opened payload (padding removed). */
  public int length() {
    return length;
  }

  /** Next Header of the opened payload (4 or 41 in tunnel mode, an IP protocol otherwise). */
  public int nextHeader() {
    return nextHeader;
  }

  /** The full (64-bit, unsigned) sequence number of the packet. */
  public long sequenceNumber() {
    return sequenceNumber;
  }

  /** Why the packet was dropped, or null after success. */
  public DropReason drop() {
    return drop;
  }

  /** The SA that handled the packet (null if none was found). */
  public EspSa sa() {
    return sa;
  }

  boolean fail(DropReason reason) {
    drop = reason;
    return false;
  }

  boolean ok(int off, int len) {
    offset = off;
    length = len;
    drop = null;
    return true;
  }
}
