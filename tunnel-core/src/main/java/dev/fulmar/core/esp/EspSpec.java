package dev.fulmar.core.esp;

/**
 * Constants fixed by the ESP, AH and UDP-encapsulation specifications (RFC 4303, RFC 4302,
 * RFC 3948). Implementation limits live beside the code that uses them.
 */
public final class EspSpec {
  /** SPI (4) + sequence number (4), RFC 4303 §2. */
  public static final int HEADER_LENGTH = 8;
  /** Pad Length (1) + Next Header (1), RFC 4303 §2.4 and §2.6. */
  public static final int TRAILER_LENGTH = 2;
  /** The ESP trailer is right-aligned in a 4-byte word, RFC 4303 §2.4. */
  public static final int MIN_ALIGNMENT = 4;
  /** Largest pad length the one-byte field can hold. */
  public static final int MAX_PAD_LENGTH = 255;

  /** Next Header: IPv4 in tunnel mode (IP-in-IP). */
  public static final int NEXT_HEADER_IPV4 = 4;
  /** Next Header: IPv6 in tunnel mode. */
  public static final int NEXT_HEADER_IPV6 = 41;
  /** Next Header 59, "no next header": a TFC dummy packet, RFC 4303 §2.6. */
  public static final int NEXT_HEADER_DUMMY = 59;

  /** IP protocol numbers used by the data path. */
  public static final int PROTO_ICMP = 1;
  public static final int PROTO_TCP = 6;
  public static final int PROTO_UDP = 17;
  public static final int PROTO_ICMPV6 = 58;
  public static final int PROTO_ESP = 50;
  public static final int PROTO_AH = 51;

  /** UDP port of IKE and UDP-encapsulated ESP, RFC 3948 §2. */
  public static final int NAT_T_PORT = 4500;
  /** The non-ESP marker in front of IKE messages on port 4500, RFC 3948 §2.2. */
  public static final int NON_ESP_MARKER_LENGTH = 4;
  /** The one-byte NAT-keepalive payload, RFC 3948 §2.3. */
  public static final byte NAT_KEEPALIVE_BYTE = (byte) 0xFF;

  /** UDP header length (the transport adds it; counted for MTU). */
  public static final int UDP_HEADER_LENGTH = 8;
  public static final int IPV4_HEADER_LENGTH = 20;
  public static final int IPV6_HEADER_LENGTH = 40;

  private EspSpec() {}

  /**
   * The tunnel-mode Next Header for the inner packet at {@code buf[off]}: 4 for IPv4, 41 for IPv6,
   * or -1 if the version nibble is neither.
   */
  public static int nextHeaderForInner(byte[] buf, int off) {
    int version = (buf[off] & 0xF0) >>> 4;
    if (version == 4) {
      return NEXT_HEADER_IPV4;
    }
    return version == 6 ? NEXT_HEADER_IPV6 : -1;
  }
}
