package dev.fulmar.core.esp;

/**
 * Demultiplexing of datagrams on the NAT-T port (RFC 3948 §2): a 4-byte zero non-ESP marker
 * precedes an IKE message, a single 0xFF byte is a NAT-keepalive, anything else is ESP (whose SPI
 * is never zero).
 *
 * <pre>
 *  IKE:        | 0x00000000 (non-ESP marker) | IKE header ...
 *  keepalive:  | 0xFF |
 *  ESP:        | SPI (non-zero) | Sequence Number | ...
 * </pre>
 */
public final class NonEspMarker {
  /** What a datagram received on port 4500 carries. */
  public enum Kind {
    /** An IKE message starting {@link EspSpec#NON_ESP_MARKER_LENGTH} bytes in. */
    IKE,
    /** A NAT-keepalive: consume silently. */
    NAT_KEEPALIVE,
    /** An ESP packet starting at the first byte. */
    ESP,
    /** Too short for any of the above. */
    INVALID
  }

  private NonEspMarker() {}

  /** Classifies the UDP payload {@code buf[off, off+len)}. */
  public static Kind classify(byte[] buf, int off, int len) {
    if (len == 1) {
      return buf[off] == EspSpec.NAT_KEEPALIVE_BYTE ? Kind.NAT_KEEPALIVE : Kind.INVALID;
    }
    if (len < EspSpec.NON_ESP_MARKER_LENGTH) {
      return Kind.INVALID;
    }
    if ((buf[off] | buf[off + 1] | buf[off + 2] | buf[off + 3]) == 0) {
      return Kind.IKE;
    }
    return len >= EspSpec.HEADER_LENGTH ? Kind.ESP : Kind.INVALID;
  }

  /** Writes a NAT-keepalive payload at {@code buf[off]}; returns its length (1). */
  public static int writeKeepalive(byte[] buf, int off) {
    buf[off] = EspSpec.NAT_KEEPALIVE_BYTE;
    return 1;
  }

  /** Writes the 4-byte non-ESP marker in front of an IKE message at {@code buf[off]}. */
  public static int writeMarker(byte[] buf, int off) {
    buf[off] = 0;
    buf[off + 1] = 0;
    buf[off + 2] = 0;
    buf[off + 3] = 0;
    return EspSpec.NON_ESP_MARKER_LENGTH;
  }
}
