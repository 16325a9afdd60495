package dev.fulmar.core.ike.message;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Identification payload, IDi or IDr (RFC 7296 §3.5).
 *
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Next Payload  |C|  RESERVED   |         Payload Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   ID Type     |                 RESERVED                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * ~                   Identification Data                         ~
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>{@link #restOfPayload()} is the body as signed in AUTH (RestOfInitIDPayload and
 * RestOfRespIDPayload, RFC 7296 §2.15). For a received payload it equals the octets received,
 * because the three RESERVED octets are sent as zero by every conforming peer; the engine should
 * nevertheless sign what it sends and verify against {@link #restOfPayload()} of what it decoded.
 *
 * @param initiator true for IDi, false for IDr
 * @param idType the ID type
 * @param data the identification data
 */
public record IdPayload(boolean initiator, IdType idType, byte[] data) implements Payload {

  private static final int FIXED_LENGTH = 4;

  /** Validates and copies. */
  public IdPayload {
    Bytes.checkRange(idType.value(), IdType.MAX_VALUE, "ID type");
    data = Bytes.copy(data, "data");
    Bytes.checkBody(FIXED_LENGTH + data.length, "ID payload");
  }

  /**
   * An ID_FQDN identity, e.g. {@code vpn.example.com}; internationalized names go in their ASCII
   * (A-label) form.
   *
   * @throws IllegalArgumentException if {@code name} has non-ASCII characters
   */
  public static IdPayload fqdn(boolean initiator, String name) {
    if (!StandardCharsets.US_ASCII.newEncoder().canEncode(name)) {
      throw new IllegalArgumentException("an ID_FQDN is ASCII; use the A-label form of " + name);
    }
    return new IdPayload(initiator, IdType.FQDN, name.getBytes(StandardCharsets.US_ASCII));
  }

  /** An ID_RFC822_ADDR identity, e.g. {@code alice@example.com}. */
  public static IdPayload rfc822(boolean initiator, String address) {
    return new IdPayload(initiator, IdType.RFC822_ADDR, address.getBytes(StandardCharsets.UTF_8));
  }

  /** An ID_IPV4_ADDR or ID_IPV6_ADDR identity. */
  public static IdPayload ipAddress(boolean initiator, InetAddress address) {
    IdType type = address instanceof Inet4Address ? IdType.IPV4_ADDR : IdType.IPV6_ADDR;
    return new IdPayload(initiator, type, address.getAddress());
  }

  /** An ID_DER_ASN1_DN identity from the DER encoding of a distinguished name. */
  public static IdPayload derDn(boolean initiator, byte[] derName) {
    return new IdPayload(initiator, IdType.DER_ASN1_DN, derName);
  }

  /** An ID_KEY_ID identity. */
  public static IdPayload keyId(boolean initiator, byte[] keyId) {
    return new IdPayload(initiator, IdType.KEY_ID, keyId);
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** ID Type, three zero octets and the data: the octets AUTH signs (RFC 7296 §2.15). */
  public byte[] restOfPayload() {
    ByteBuffer out = ByteBuffer.allocate(bodyLength());
    encodeBody(out);
    return out.array();
  }

  /** The identity for logs: text for FQDN and RFC 822 names, the address for IP, else hex. */
  public String displayValue() {
    if (idType.equals(IdType.FQDN) || idType.equals(IdType.RFC822_ADDR)) {
      return new String(data, StandardCharsets.UTF_8);
    }
    if ((idType.equals(IdType.IPV4_ADDR) && data.length == 4)
        || (idType.equals(IdType.IPV6_ADDR) && data.length == 16)) {
      try {
        return InetAddress.getByAddress(data).getHostAddress();
      } catch (UnknownHostException e) {
        throw new AssertionError(e); // cannot happen for 4 or 16 octets
      }
    }
    return Bytes.brief(data);
  }

  @Override
  public PayloadType type() {
    return initiator ? PayloadType.IDI : PayloadType.IDR;
  }

  @Override
  public int bodyLength() {
    return FIXED_LENGTH + data.length;
  }

  @Override
  public void encodeBody(ByteBuffer out) {
    out.put((byte) idType.value());
    out.put(new byte[3]);
    out.put(data);
  }

  static IdPayload decode(PayloadType type, Reader body) throws InvalidSyntaxException {
    IdType idType = IdType.valueOf(body.u8("ID Type"));
    body.bytes(3, "RESERVED");
    byte[] data = body.rest();
    if ((idType.equals(IdType.IPV4_ADDR) && data.length != 4)
        || (idType.equals(IdType.IPV6_ADDR) && data.length != 16)) {
      throw body.error("%s with %d octets of data", idType, data.length);
    }
    return new IdPayload(type.equals(PayloadType.IDI), idType, data);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdPayload i
        && i.initiator == initiator
        && i.idType.equals(idType)
        && Arrays.equals(i.data, data);
  }

  @Override
  public int hashCode() {
    return (Boolean.hashCode(initiator) * 31 + idType.hashCode()) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return type() + "(" + idType + ", " + displayValue() + ")";
  }
}
